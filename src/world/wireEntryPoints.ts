import { isSalesUser } from '../systems/crm/schema.ts';
import type { ChangeEvent } from '../systems/crm/changeEvents.ts';
import type { World } from './world.ts';


/**
 * Connects what the systems do on their own to the pipeline's intake (and, where a native integration is switched
 * on, straight to the CRM):
 * - a lead a sales rep creates in the CRM raises a change event that the intake receives as `sales-created`;
 * - a partner's lead registration in the PRM reaches the intake as `partner-portal` (or, with the Impartner
 *   connector on, becomes a CRM lead directly);
 * - with Marketo's native sync on, every form fill also becomes a CRM lead directly.
 * The pipeline's own writes never trigger it: they are made by the integration user, who has no sales role.
 */
export function wireEntryPoints(world: World): void {
  world.crm.onChange((event) => {
    if (event.kind !== 'create' || event.object !== 'Lead') return;
    const user = world.crm.get('User', event.userId);
    if (!isSalesUser(user)) return;
    world.intake.receive('sales-created', salesCreatedPayload(world, event), { key: `${world.deliveryIdPrefix}cdc-${event.id}` });
  });
  world.marketo.onFormFill((fill) => {
    if (!world.native.marketo) return;
    const f = fill.fields;
    nativeCreate(world, 'marketo', { Email: f['email'], FirstName: f['firstName'], LastName: f['lastName'] || '[not provided]', Company: f['company'] || '[not provided]', Country: f['country'], Phone: f['phone'], LeadSource: 'Web' });
  });
  world.impartner.onLeadRegistered((registration) => {
    const f = registration.payload;
    if (world.native.impartner) {
      nativeCreate(world, 'impartner', { Email: f.Email, FirstName: f.FirstName, LastName: f.LastName || '[not provided]', Company: f.Company || '[not provided]', Country: f.Country, LeadSource: 'Partner Referral', Impartner_Partner_Account__c: f.PartnerAccountId });
      return;
    }
    world.intake.receive('partner-portal', f, { key: `${world.deliveryIdPrefix}prm-lead-${registration.registrationId}` });
  });
}

/**
 * A native connector writes a lead straight into the CRM as its own user, bypassing the pipeline. What the CRM
 * refuses is not created (real connectors log and move on) and is kept in `world.connectorRefusals`.
 */
export function nativeCreate(world: World, connector: keyof World['nativeUserIds'], fields: Record<string, unknown>): void {
  for (const key of Object.keys(fields)) if (fields[key] === undefined || fields[key] === '') delete fields[key];
  if (typeof fields['Email'] === 'string') fields['Email'] = fields['Email'].trim();
  const result = world.crm.create('Lead', fields, { userId: world.nativeUserIds[connector], workflow: `native:${connector}` });
  if (!result.ok) world.connectorRefusals.push({ entryPoint: `native:${connector}`, reason: `CRM refused the ${connector} connector's lead: ${result.errors.map((e) => `${e.statusCode} ${e.message}`).join('; ')}`, at: world.clock.now() });
}

function salesCreatedPayload(world: World, event: ChangeEvent): Record<string, unknown> {
  const r = world.crm.get('Lead', event.id) ?? {};
  const pick = (field: string) => (r[field] === null || r[field] === undefined || r[field] === '' ? undefined : r[field]);
  return Object.fromEntries(
    Object.entries({
      ChangeEventHeader: { entityName: 'Lead', changeType: 'CREATE', recordIds: [event.id], commitUser: event.userId, commitTimestamp: event.at, changeOrigin: 'com/salesforce/api/rest' },
      Email: pick('Email') ?? '',
      FirstName: pick('FirstName'),
      LastName: pick('LastName'),
      Company: pick('Company'),
      Title: pick('Title'),
      Phone: pick('Phone'),
      Country: pick('Country'),
      Website: pick('Website'),
      NumberOfEmployees: pick('NumberOfEmployees'),
      LeadSource: pick('LeadSource'),
      Lead_Acquisition_Source__c: pick('Lead_Acquisition_Source__c'),
      OwnerId: pick('OwnerId') ?? event.userId,
    }).filter(([, v]) => v !== undefined),
  );
}
