import { KEY_PREFIXES } from '../../systems/crm/schema.ts';
import type { PipelineJob } from '../pipelineJob.ts';
import { readRoutingContext, routeStepInput } from './routeStepInput.ts';

/**
 * The route step of an org that routes in Salesforce: instead of running the routing graph, the pipeline asks the
 * CRM to run its active lead assignment rule on the person (`PATCH` with `Sforce-Auto-Assign: TRUE`, as an
 * integration that "reassigns using active assignment rules" does) and reads back the owner the rule gave. A contact
 * is not assigned by lead rules and keeps its owner. No field updates, no PRM share: rules only assign.
 * The step records what routing read before the rule ran, as the graph's route step does ({@link routeStepInput}), so
 * every invariant judges the rule's result (a partner lead the rule sends elsewhere breaks "partner leads reach the
 * Partner Queue"; a lead no entry matches stays with the integration user, which "every person has an owner" reports).
 */
export const routeByAssignmentRules: PipelineJob = {
  name: 'route',
  async run(work, ctx) {
    const person = work.person!;
    const before = person.record['OwnerId'];
    const read = routeStepInput(await readRoutingContext(work, ctx, person.created ? 'new' : 'engagement'), before);
    if (person.type === 'Lead') {
      await ctx.salesforce.update('Lead', person.id, {}, { autoAssign: true });
      const assigned = await ctx.salesforce.retrieve('Lead', person.id, ['OwnerId']);
      if (assigned !== undefined) person.record['OwnerId'] = assigned['OwnerId'];
    }
    const ownerId = String(person.record['OwnerId'] ?? '');
    const queue = (await ctx.directory.queues()).find((q) => q.Id === ownerId);
    const user = queue ? undefined : (await ctx.directory.users()).find((u) => u.Id === ownerId);
    const owner = { kind: ownerId.startsWith(KEY_PREFIXES.Group) ? 'queue' : 'user', id: ownerId, name: String((queue ?? user)?.['Name'] ?? ownerId) } as const;
    work.sharePrm = false;
    work.trace.speedToLeadMs = ctx.clock.now() - work.event.receivedAt;
    work.trace.routedTo = owner;
    const changes = before === ownerId ? {} : { OwnerId: ownerId };
    return { input: { routing: 'assignment-rules', personType: person.type, ownerBefore: before ?? null, ...read }, output: { owner, changes, sharePrm: false } };
  },
};
