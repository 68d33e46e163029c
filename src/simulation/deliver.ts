import type { ParsedPayload } from '../entrypoints/registry.ts';
import { jsonRequest } from '../transport/jsonRequest.ts';
import type { Transport } from '../transport/transport.ts';
import { MARKETO_CLIENT } from '../world/credentials.ts';
import { prmUserId } from '../world/seedImpartner.ts';
import { restAsRep } from './repActions.ts';
import { readBody, resubmit } from './resubmit.ts';
import { nativeCreate } from '../world/wireEntryPoints.ts';
import type { World } from '../world/world.ts';
import type { BlockedAction } from './runRecord.ts';

/** Marketo standard fields a form may post (others would be refused with 1006). */
const FORM_FIELDS = ['email', 'firstName', 'lastName', 'company', 'country', 'phone', 'title', 'website', 'numberOfEmployees'];

/**
 * Makes one entry-point action happen the way it happens in production, through the simulated APIs:
 * - web form: the website posts the fill to Marketo (`submitForm`), and Marketo's webhook posts it to the intake;
 * - sales-created: the rep creates the lead through the CRM REST API; the CRM's change event reaches the intake;
 * - partner portal: the partner registers the lead in the PRM, which hands it to the intake;
 * - chat, ad vendor, list upload, trial sign-up: the vendor posts its webhook to the intake.
 * `id` is the delivery's idempotency key; `repeat` delivers a webhook a second time with the same key.
 * Returns the reason when a system refused the action before the intake.
 */
export async function deliver(world: World, transport: Transport, event: ParsedPayload & { id: string }, options: { repeat?: boolean } = {}): Promise<BlockedAction | undefined> {
  const at = world.clock.now();
  switch (event.entryPoint) {
    case 'sales-created': {
      const p = event.payload;
      const rep = p.ChangeEventHeader.commitUser;
      const fields = Object.fromEntries(
        Object.entries({ Email: p.Email.trim(), FirstName: p.FirstName, LastName: p.LastName, Company: p.Company, Title: p.Title, Phone: p.Phone, Country: p.Country, Website: p.Website, NumberOfEmployees: p.NumberOfEmployees, LeadSource: 'Sales', Lead_Acquisition_Source__c: p.Lead_Acquisition_Source__c, OwnerId: rep }).filter(([, v]) => v !== undefined),
      );
      const created = await restAsRep(world, transport, rep, 'POST', 'sobjects/Lead', fields);
      return created.ok ? undefined : { entryPoint: event.entryPoint, reason: `CRM refused the rep's lead: ${created.message}`, at };
    }
    case 'partner-portal': {
      const { PartnerUserId, PartnerAccountId: _crmAccount, Id: _id, Created: _created, ...fields } = event.payload;
      const userId = prmUserId(world.impartner, PartnerUserId);
      if (userId === undefined) return { entryPoint: event.entryPoint, reason: `PRM refused the registration: no portal user ${PartnerUserId}`, at };
      const registered = world.impartner.registerLead(userId, { ...fields, Email: fields.Email.trim() });
      return registered.ok ? undefined : { entryPoint: event.entryPoint, reason: `PRM refused the registration: ${registered.message}`, at };
    }
    case 'web-form': {
      const fields = Object.fromEntries(Object.entries(event.payload.leadFormFields).filter(([k]) => FORM_FIELDS.includes(k)));
      const token = await marketoToken(world, transport);
      // Marketo keeping its own copy of the fill is best effort; its webhook to the intake is what the pipeline needs.
      await resubmit(world, () =>
        transport.send(
          jsonRequest(
            transport,
            `${transport.origins.marketo}/rest/v1/leads/submitForm.json`,
            { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } },
            { formId: event.payload.formId, input: [{ leadFormFields: fields, ...(event.payload.visitorData ? { visitorData: event.payload.visitorData } : {}) }] },
          ),
        ),
      );
      return postWebhook(world, transport, event, options.repeat);
    }
    case 'chat':
      if (world.native.chat) {
        const c = event.payload.data.contact;
        nativeCreate(world, 'chat', { Email: c.email, LastName: c.name || '[not provided]', Company: '[not provided]', LeadSource: 'Chat' });
        return undefined;
      }
      return postWebhook(world, transport, event, options.repeat);
    default:
      return postWebhook(world, transport, event, options.repeat);
  }
}

/** Whether this entry point reaches the intake as a vendor webhook (which can be delivered twice). */
export function isWebhook(world: World, entryPoint: string): boolean {
  if (entryPoint === 'chat') return !world.native.chat;
  return entryPoint !== 'sales-created' && entryPoint !== 'partner-portal';
}

async function postWebhook(world: World, transport: Transport, event: ParsedPayload & { id: string }, repeat = false): Promise<BlockedAction | undefined> {
  for (let i = 0; i < (repeat ? 2 : 1); i++) {
    // A vendor resends a webhook that got no answer, with the same idempotency key (at-least-once delivery).
    const response = await resubmit(world, () =>
      transport.send(jsonRequest(transport, `${transport.origins.intake}/intake/${event.entryPoint}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': event.id } }, event.payload)),
    );
    if (response.status >= 400) {
      const body = ((await readBody(response)) ?? {}) as { message?: string };
      return { entryPoint: event.entryPoint, reason: `intake refused the payload: ${body.message ?? response.status}`, at: world.clock.now() };
    }
  }
  return undefined;
}

const tokens = new WeakMap<Transport, { token: string; until: number }>();
/** The website's Marketo token, fetched again a minute before it expires (simulated time). */
async function marketoToken(world: World, transport: Transport): Promise<string> {
  const cached = tokens.get(transport);
  if (cached && cached.until > world.clock.now()) return cached.token;
  const q = new URLSearchParams({ grant_type: 'client_credentials', client_id: MARKETO_CLIENT.clientId, client_secret: MARKETO_CLIENT.clientSecret });
  const response = await transport.send(jsonRequest(transport, `${transport.origins.marketo}/identity/oauth/token?${q}`, { method: 'GET' }));
  const body = (await readBody(response)) as { access_token: string; expires_in: number };
  tokens.set(transport, { token: body.access_token, until: world.clock.now() + (body.expires_in - 60) * 1000 });
  return body.access_token;
}
