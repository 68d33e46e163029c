import { isSalesUser } from '../../systems/crm/schema.ts';
import type { RoutingContext, RoutingUser } from '../../routing/routingContext.ts';
import type { Trigger } from '../../routing/fieldRef.ts';
import type { LeadWork } from '../leadWork.ts';
import type { PipelineContext } from '../pipelineContext.ts';

/**
 * What a route step read before it decided, recorded as the step's input under every routing mode (the routing
 * graph or the CRM's assignment rules): the trigger, the person as routing saw it (Lead field names; a contact's
 * `MailingCountryCode` and `Status__c` as `CountryCode` and `Status`; `isSalesCreated` and `ownerIsUser`), whether its
 * owner was active, and the campaign, member, account and partner account read from the CRM. The invariants judge
 * each routing on this (partner rules 1–5, fresh routing data), so a route step that leaves it out cannot pass them.
 */
export interface RouteStepInput {
  readonly trigger: Trigger;
  readonly person: Readonly<Record<string, unknown>>;
  readonly ownerIsActive: boolean | null;
  readonly campaign: Readonly<Record<string, unknown>> | null;
  readonly campaignMember: Readonly<Record<string, unknown>> | null;
  readonly account: Readonly<Record<string, unknown>> | null;
  readonly partnerAccount: Readonly<Record<string, unknown>> | null;
}

/** The route step's input for a routing context (see {@link RouteStepInput}); `ownerId` is the person's owner before routing. */
export function routeStepInput(context: RoutingContext, ownerId: unknown): RouteStepInput {
  const owner = context.users.find((u) => u.Id === ownerId);
  return {
    trigger: context.trigger,
    person: context.person,
    ownerIsActive: owner ? owner.IsActive : null,
    campaign: context.campaign ?? null,
    campaignMember: context.campaignMember ?? null,
    account: context.account ?? null,
    partnerAccount: context.partnerAccount ?? null,
  };
}

/**
 * What routing reads about the work's person from the CRM (through the pipeline's directory cache): the person with
 * the derived fields the rules read, the users (an owner in `refused`, just refused by the CRM, counts as inactive),
 * the queues (less any refused), and the campaign, member, account and partner account.
 */
export async function readRoutingContext(work: LeadWork, ctx: PipelineContext, trigger: Trigger, refused: ReadonlySet<string> = new Set()): Promise<RoutingContext> {
  const person = work.person!;
  const r = person.record;
  const routingPerson: Record<string, unknown> = { ...r };
  if (person.type === 'Contact') {
    routingPerson['CountryCode'] = r['MailingCountryCode'];
    routingPerson['Status'] = r['Status__c'];
  }
  routingPerson['isSalesCreated'] = work.event.entryPoint === 'sales-created' && person.created;
  // Rule 5's "already owned by a user" means a sales user: the integration user or a connector does not follow up.
  const directoryUsers = await ctx.directory.users();
  routingPerson['ownerIsUser'] = isSalesUser(directoryUsers.find((u) => u.Id === r['OwnerId']));
  const partnerId = r['Impartner_Partner_Account__c'];
  const partnerAccount = typeof partnerId === 'string' ? await ctx.directory.accountById(partnerId) : undefined;
  const users = directoryUsers.map(
    (u): RoutingUser => ({
      Id: u.Id,
      Name: String(u['Name'] ?? ''),
      // An owner the CRM just refused is not eligible for this person, whatever the record says.
      IsActive: u['IsActive'] === true && !refused.has(u.Id),
      Region__c: (u['Region__c'] ?? null) as RoutingUser['Region__c'],
      Role__c: (u['Role__c'] ?? null) as RoutingUser['Role__c'],
      Out_Of_Office__c: u['Out_Of_Office__c'] === true,
      ...(typeof u['Username'] === 'string' ? { Username: u['Username'] } : {}),
    }),
  );
  const queues = (await ctx.directory.queues())
    .filter((q) => !refused.has(q.Id))
    .map((q) => ({ Id: q.Id, Name: String(q['Name']), ...(typeof q['DeveloperName'] === 'string' ? { DeveloperName: q['DeveloperName'] } : {}) }));
  const account = work.account ? await ctx.directory.accountById(work.account.Id) : undefined;
  return {
    trigger,
    person: routingPerson,
    ...(work.campaign ? { campaign: work.campaign } : {}),
    ...(work.member ? { campaignMember: work.member } : {}),
    ...(account ? { account } : {}),
    ...(partnerAccount ? { partnerAccount } : {}),
    users,
    queues,
  };
}
