import { KEY_PREFIXES } from '../../systems/crm/schema.ts';
import type { PipelineJob } from '../pipelineJob.ts';

/**
 * The route step of an org that routes in Salesforce: instead of running the routing graph, the pipeline asks the
 * CRM to run its active lead assignment rule on the person (`PATCH` with `Sforce-Auto-Assign: TRUE`, as an
 * integration that "reassigns using active assignment rules" does) and reads back the owner the rule gave. A contact
 * is not assigned by lead rules and keeps its owner. No field updates, no PRM share: rules only assign.
 * Every invariant still runs over the result (a lead no entry matches stays with the integration user, which "every
 * person has an owner" reports).
 */
export const routeByAssignmentRules: PipelineJob = {
  name: 'route',
  async run(work, ctx) {
    const person = work.person!;
    const before = person.record['OwnerId'];
    if (person.type === 'Lead') {
      await ctx.salesforce.update('Lead', person.id, {}, { autoAssign: true });
      const read = await ctx.salesforce.retrieve('Lead', person.id, ['OwnerId']);
      if (read !== undefined) person.record['OwnerId'] = read['OwnerId'];
    }
    const ownerId = String(person.record['OwnerId'] ?? '');
    const queue = (await ctx.directory.queues()).find((q) => q.Id === ownerId);
    const user = queue ? undefined : (await ctx.directory.users()).find((u) => u.Id === ownerId);
    const owner = { kind: ownerId.startsWith(KEY_PREFIXES.Group) ? 'queue' : 'user', id: ownerId, name: String((queue ?? user)?.['Name'] ?? ownerId) } as const;
    work.sharePrm = false;
    work.trace.speedToLeadMs = ctx.clock.now() - work.event.receivedAt;
    work.trace.routedTo = owner;
    const changes = before === ownerId ? {} : { OwnerId: ownerId };
    return { input: { routing: 'assignment-rules', personType: person.type, ownerBefore: before ?? null }, output: { owner, changes, sharePrm: false } };
  },
};
