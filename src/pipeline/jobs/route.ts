import { isSalesUser } from '../../systems/crm/schema.ts';
import { route as runGraph } from '../../routing/route.ts';
import type { RoutingContext, RoutingUser } from '../../routing/routingContext.ts';
import type { Trigger } from '../../routing/fieldRef.ts';
import type { PipelineJob } from '../pipelineJob.ts';
import type { LeadWork } from '../leadWork.ts';
import type { PipelineContext } from '../pipelineContext.ts';

/**
 * Routes the person with the routing graph and writes the decision: the owner and the graph's field updates.
 * A contact keeps its user owner when the graph picks a queue (contacts cannot be owned by queues).
 */
export const route: PipelineJob = {
  name: 'route',
  async run(work, ctx) {
    const trigger: Trigger = work.person!.created ? 'new' : 'engagement';
    return routePerson(work, ctx, trigger);
  },
};

/** Runs the graph for the work's person with `trigger` and writes the result; shared by inbound routing and re-runs. */
export async function routePerson(work: LeadWork, ctx: PipelineContext, trigger: Trigger) {
  const person = work.person!;
  const context = await routingContext(work, ctx, trigger);
  // The round-robin turn is only taken once the owner is written: a retried write must not skip a rep.
  const decision = runGraph(ctx.graph, context, ctx.roundRobin);
  ctx.onRoute?.({ context, roundRobin: ctx.roundRobin, decision });
  const owner = context.users.find((u) => u.Id === person.record['OwnerId']);
  const input = {
    trigger,
    person: context.person,
    ownerIsActive: owner ? owner.IsActive : null,
    campaign: context.campaign ?? null,
    campaignMember: context.campaignMember ?? null,
    account: context.account?.['Id'] ?? null,
    partnerAccount: context.partnerAccount ?? null,
  };
  if (!decision.ok) return { input, output: { decision }, reject: `routing failed: ${decision.reason}` };
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(decision.fieldUpdates)) {
    if (person.record[field] !== value && (person.type === 'Lead' || field !== 'Status')) changes[field] = value;
  }
  const keepContactOwner = person.type === 'Contact' && decision.owner.kind === 'queue';
  if (!keepContactOwner && person.record['OwnerId'] !== decision.owner.id) changes['OwnerId'] = decision.owner.id;
  if (Object.keys(changes).length > 0) {
    await ctx.salesforce.update(person.type, person.id, changes);
    Object.assign(person.record, changes);
  }
  ctx.roundRobin = decision.roundRobin;
  work.sharePrm = decision.sharePrm && !keepContactOwner;
  work.trace.speedToLeadMs = ctx.clock.now() - work.event.receivedAt;
  work.trace.routedTo = keepContactOwner ? { kind: 'user', id: String(person.record['OwnerId']), name: 'contact owner' } : { kind: decision.owner.kind, id: decision.owner.id, name: decision.owner.name };
  return { input, output: { owner: decision.owner, changes, sharePrm: work.sharePrm, path: decision.path, keptContactOwner: keepContactOwner } };
}

async function routingContext(work: LeadWork, ctx: PipelineContext, trigger: Trigger): Promise<RoutingContext> {
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
      IsActive: u['IsActive'] === true,
      Region__c: (u['Region__c'] ?? null) as RoutingUser['Region__c'],
      Role__c: (u['Role__c'] ?? null) as RoutingUser['Role__c'],
      Out_Of_Office__c: u['Out_Of_Office__c'] === true,
      ...(typeof u['Username'] === 'string' ? { Username: u['Username'] } : {}),
    }),
  );
  const queues = (await ctx.directory.queues()).map((q) => ({ Id: q.Id, Name: String(q['Name']), ...(typeof q['DeveloperName'] === 'string' ? { DeveloperName: q['DeveloperName'] } : {}) }));
  return {
    trigger,
    person: routingPerson,
    ...(work.campaign ? { campaign: work.campaign } : {}),
    ...(work.member ? { campaignMember: work.member } : {}),
    ...(work.account ? { account: work.account } : {}),
    ...(partnerAccount ? { partnerAccount } : {}),
    users,
    queues,
  };
}
