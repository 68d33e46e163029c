import type { PayloadOf } from '../entrypoints/registry.ts';
import type { ReceivedEvent } from '../pipeline/inboundEvent.ts';
import { routePerson } from '../pipeline/jobs/route.ts';
import type { CrmRecord, LeadWork } from '../pipeline/leadWork.ts';
import type { Pipeline } from '../pipeline/pipeline.ts';
import type { EventTrace, JobTrace } from '../pipeline/trace.ts';
import type { World } from '../world/world.ts';

/**
 * Re-runs routing for a person after a rep set `Rerun_Routing__c` (DOMAIN.md rule 7), as the pipeline's route job
 * does on the CRM's change event: a {@link LeadWork} rebuilt from the person's current CRM record (its account by
 * contact link or email domain, its latest campaign membership), routed with trigger `rerun`. Returns a trace with
 * the one `route` step (not an inbound event's trace: the intake never saw it).
 */
export async function rerunRouting(world: World, pipeline: Pipeline, person: { type: 'Lead' | 'Contact'; id: string }, id: string): Promise<EventTrace> {
  const ctx = pipeline.ctx;
  const now = ctx.clock.now();
  const record = world.crm.get(person.type, person.id) as CrmRecord;
  const event: ReceivedEvent = { id, entryPoint: 'sales-created', payload: changeEventPayload(record, now), receivedAt: now };
  const trace: EventTrace = { eventId: id, entryPoint: 'rerun', receivedAt: now, runs: 1, steps: [], outcome: undefined, finishedAt: undefined };
  const work: LeadWork = { event, trace, person: { type: person.type, id: person.id, created: false, record } };
  const account = await accountOf(world, pipeline, person.type, record);
  if (account) work.account = account;
  const member = latestMember(world, person.id);
  const campaign = member ? await ctx.directory.campaign(String(member['CampaignId'])) : undefined;
  if (member && campaign) {
    work.member = member;
    work.campaign = campaign;
  }
  ctx.salesforce.workflow = 'pipeline:route';
  const step: JobTrace = { job: 'route', startedAt: now, finishedAt: now, attempts: 1, input: null, output: null, calls: [], status: 'ok' };
  trace.steps.push(step);
  const result = await routePerson(work, ctx, 'rerun');
  step.input = result.input;
  step.output = result.output;
  step.finishedAt = ctx.clock.now();
  if (result.reject !== undefined) step.status = 'rejected';
  trace.outcome = result.reject === undefined ? { kind: 'merged', personType: person.type, personId: person.id } : { kind: 'rejected', reason: result.reject, job: 'route' };
  trace.finishedAt = ctx.clock.now();
  return trace;
}

async function accountOf(world: World, pipeline: Pipeline, type: 'Lead' | 'Contact', record: CrmRecord): Promise<CrmRecord | undefined> {
  if (type === 'Contact' && typeof record['AccountId'] === 'string') return pipeline.ctx.directory.accountById(record['AccountId']);
  const domain = String(record['Email'] ?? '').split('@')[1];
  return domain ? pipeline.ctx.directory.accountByDomain(domain) : undefined;
}

function latestMember(world: World, personId: string): CrmRecord | undefined {
  let latest: CrmRecord | undefined;
  for (const m of world.crm.records('CampaignMember')) if (m['LeadId'] === personId || m['ContactId'] === personId) latest = { ...m } as CrmRecord;
  return latest;
}

/** The change event a rep's edit raises, in the sales-created payload shape (the route job reads only its time). */
function changeEventPayload(record: CrmRecord, at: number): PayloadOf<'sales-created'> {
  const owner = String(record['OwnerId'] ?? '');
  return {
    ChangeEventHeader: { entityName: 'Lead', changeType: 'CREATE', recordIds: [record.Id], commitUser: owner, commitTimestamp: at },
    Email: String(record['Email'] ?? ''),
    LastName: String(record['LastName'] ?? ''),
    Company: String(record['Company'] ?? '[not provided]'),
    OwnerId: owner,
  };
}
