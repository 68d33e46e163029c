import type { StandardLead } from '../model/inboundLead.ts';
import type { ReceivedEvent } from './inboundEvent.ts';
import { matchAccount } from './jobs/matchAccount.ts';
import { routePerson } from './jobs/route.ts';
import type { CrmRecord, LeadWork } from './leadWork.ts';
import { answerOf, type Pipeline } from './pipeline.ts';
import { soqlString } from './soqlString.ts';
import type { PipelineJob } from './pipelineJob.ts';
import type { EventTrace } from './trace.ts';

/** The person whose routing is re-run. */
export interface RerunTarget {
  readonly type: 'Lead' | 'Contact';
  readonly id: string;
}

/** Options of {@link rerunRouting}. */
export interface RerunRoutingOptions {
  /** The id of the re-run's trace (default `<trigger>-<personId>-<simulated ms>`). */
  readonly id?: string;
  /** The route job to re-run (default: the routing graph's, trigger `rerun`). */
  readonly route?: PipelineJob;
  /**
   * What asks for routing again (default `rerun`): `rerun` is rule 7 (a rep set `Rerun_Routing__c`); `recall` is a
   * partner recall (`Partner_Recalled__c` set): the lead leaves the partner, so the graph routes it without the
   * partner rules' queue.
   */
  readonly trigger?: 'rerun' | 'recall';
}

/**
 * How a re-run ended: `ran` with its trace (the matchAccount and route steps), or `skipped` with why (the person
 * is gone, converted, or `Rerun_Routing__c` is not set). An API error ends it as `failed` with the vendor's reason.
 */
export type RerunResult =
  | { readonly kind: 'ran'; readonly trace: EventTrace }
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'failed'; readonly reason: string; readonly trace: EventTrace };

/**
 * DOMAIN.md rule 7 the way production runs it: after a rep sets `Rerun_Routing__c` (usually with a country
 * change), or with trigger `recall` after a partner recall of a lead the Partner Queue holds, the pipeline reads the
 * person back through the CRM API, matches its account again (rule 6's account
 * ownership decides whether reassignment applies), takes its latest campaign membership, and routes it with
 * the trigger (`rerun`: the graph clears the flag).
 * The trace is returned, not added to any run record: a re-run is not an inbound event.
 * @example
 * await crmPatch(lead, { CountryCode: 'DE', Rerun_Routing__c: true });
 * const result = await rerunRouting(pipeline, { type: 'Lead', id: lead });
 */
export async function rerunRouting(pipeline: Pipeline, target: RerunTarget, options: RerunRoutingOptions = {}): Promise<RerunResult> {
  const ctx = pipeline.ctx;
  const now = ctx.clock.now();
  const trigger = options.trigger ?? 'rerun';
  const id = options.id ?? `${trigger}-${target.id}-${now}`;
  const handling = ctx.deliveries?.beginReroute(trigger, id, target.id);
  let result: RerunResult | undefined;
  try {
    result = await rerun(pipeline, target, trigger, id, now, options.route);
    return result;
  } finally {
    if (handling) {
      const answer = result === undefined || result.kind === 'failed' ? answerOf(result?.trace.outcome) : result.kind === 'skipped' ? { kind: 'ignored' as const, reason: result.reason } : { kind: 'done' as const };
      ctx.deliveries!.end(handling, answer);
    }
  }
}

async function rerun(pipeline: Pipeline, target: RerunTarget, trigger: 'rerun' | 'recall', id: string, now: number, route: RerunRoutingOptions['route']): Promise<RerunResult> {
  const ctx = pipeline.ctx;
  const record = (await ctx.salesforce.retrieve(target.type, target.id)) as CrmRecord | undefined;
  if (record === undefined) return { kind: 'skipped', reason: `${target.type} ${target.id} does not exist` };
  if (record['IsConverted'] === true) return { kind: 'skipped', reason: `${target.type} ${target.id} is converted` };
  if (trigger === 'rerun' && target.type === 'Lead' && record['Rerun_Routing__c'] !== true) return { kind: 'skipped', reason: `Rerun_Routing__c is not set on ${target.id}` };
  if (trigger === 'recall' && record['Partner_Recalled__c'] !== true) return { kind: 'skipped', reason: `Partner_Recalled__c is not set on ${target.id}` };
  const event = { id, entryPoint: 'rerun', receivedAt: now, payload: {} } as unknown as ReceivedEvent;
  const trace: EventTrace = { eventId: id, entryPoint: 'rerun', receivedAt: now, runs: 1, steps: [], outcome: undefined, finishedAt: undefined };
  const work: LeadWork = {
    event,
    trace,
    // matchAccount reads only the person's email (and the existing contact's account).
    lead: { person: { email: String(record['Email'] ?? '').trim().toLowerCase() } } as StandardLead,
    existing: { type: target.type, record },
    person: { type: target.type, id: record.Id, created: false, record },
  };
  // The graph may read the person's campaign on a re-run too: its latest membership, as attribution left it.
  const members = await ctx.salesforce.query<CrmRecord>(`SELECT Id, CampaignId, LeadId, ContactId, Status, Offer_Type__c FROM CampaignMember WHERE ${target.type === 'Lead' ? 'LeadId' : 'ContactId'} = ${soqlString(record.Id)}`);
  const member = members[members.length - 1];
  const campaign = member ? await ctx.directory.campaign(String(member['CampaignId'])) : undefined;
  if (member && campaign) {
    work.member = member;
    work.campaign = campaign;
  }
  const stopped = await pipeline.runJobs(work, [matchAccount, route ?? (trigger === 'rerun' ? rerunRoute : recallRoute)]);
  if (stopped) {
    trace.outcome = stopped;
    trace.finishedAt = ctx.clock.now();
    return { kind: 'failed', reason: stopped.reason, trace };
  }
  trace.outcome = { kind: 'merged', personType: target.type, personId: record.Id };
  trace.finishedAt = ctx.clock.now();
  return { kind: 'ran', trace };
}

/** The route job with trigger `rerun`. */
const rerunRoute: PipelineJob = { name: 'route', run: (work, ctx) => routePerson(work, ctx, 'rerun') };
/** The route job with trigger `recall`. */
const recallRoute: PipelineJob = { name: 'route', run: (work, ctx) => routePerson(work, ctx, 'recall') };
