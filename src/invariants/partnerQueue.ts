import { isSalesUser } from '../systems/crm/schema.ts';
import type { EventTrace, JobTrace } from '../pipeline/trace.ts';
import type { RunRecord } from '../simulation/runRecord.ts';
import type { Crm } from '../systems/crm/crm.ts';
import type { SObjectType } from '../systems/crm/schema.ts';
import { partnerQueueEvidence } from './evidence/partnerQueueEvidence.ts';
import { prospectsByCrmId, type ProspectsOf } from './evidence/prospectsByCrmId.ts';
import { queuedWithoutProspect } from './evidence/queuedWithoutProspect.ts';
import { defineInvariant } from './invariant.ts';
import { isLiveProspect } from '../systems/prm/prospectRules.ts';
import { isEmptyValue, livePeople } from './livePeople.ts';
import { pendingPeople } from './pendingPeople.ts';
import { PARTNER_PLACEMENT_FIELDS, PARTNER_STATUS_FIELDS, partnerVerdict, type PartnerFacts, type PartnerVerdict } from './partnerRules.ts';
import { stepEvidence, stepOf, traceSegments, routingTraces } from './traceSegments.ts';
import type { Violation } from './violation.ts';

/** The queue partner leads go to. */
export const PARTNER_QUEUE_NAME = 'Partner Queue';

/** One routing of one person, with what the partner rules say about it. */
interface Routing {
  readonly trace: EventTrace;
  readonly route: JobTrace;
  readonly segment: readonly JobTrace[];
  readonly personId: string;
  readonly personType: 'Lead' | 'Contact';
  readonly facts: PartnerFacts;
  readonly verdict: PartnerVerdict;
  readonly owner: { readonly kind: string; readonly id: string; readonly name?: string };
}

/**
 * DOMAIN.md invariant 3. Evidence form ({@link partnerQueueEvidence}: deliveries, field history, records): every
 * handling the pipeline answered done is judged by the oracle on what the delivery says and what the CRM held.
 * Trace form (the reference pipeline), on what each route step read: a person that meets partner rule 1, 2 or 3 and is not excepted by rule 4 or 5 ends owned
 * by the Partner Queue (a contact keeps its user owner) with the rule's status fields set and a live, not recalled,
 * Impartner prospect; nobody else is routed to or owned by the Partner Queue, and every person the Partner Queue
 * holds has a live prospect (else no partner sees it and no SDR works it). The rules are evaluated by an oracle
 * independent of the routing graph ({@link partnerVerdict}) on what each route step read; contacts are judged as
 * leads are, except that they are never queue-owned. A pending person (an event of theirs is still parked when the run
 * ends, see {@link pendingPeople}) is judged on its routing decisions; its final state waits for the event's next try.
 */
export const partnerQueue = defineInvariant({
  id: 'partner-queue',
  title: 'Partner leads reach the Partner Queue',
  description:
    'A person meeting partner rule 1, 2 or 3 and not excepted by rule 4 or 5 ends in the Partner Queue (a contact keeps its user owner) with its status fields set and a live PRM prospect; nobody else is routed to or owned by the Partner Queue, and everyone in it has a live, not recalled, prospect.',
  evidence: ['deliveries', 'field history', 'records'],
  checkEvidence: partnerQueueEvidence,
  checkTraces(run) {
    const crm = run.world.crm;
    const queueIds = new Set([...crm.records('Group')].filter((g) => g['Type'] === 'Queue' && g['Name'] === PARTNER_QUEUE_NAME).map((g) => g.Id));
    const isPq = (owner: { kind?: string; id: string; name?: string }): boolean => queueIds.has(owner.id) || (owner.kind === 'queue' && owner.name === PARTNER_QUEUE_NAME);
    const statuses = run.graph.settings.partnerEngagementStatuses;
    const out: Violation[] = [];
    const last = new Map<string, Routing>();
    for (const trace of routingTraces(run)) {
      for (const segment of traceSegments(trace)) {
        const blind = unjudgeableRoute(trace, segment);
        if (blind !== undefined) out.push(blind);
        const routing = routingOf(crm, trace, segment, statuses);
        if (routing === undefined) continue;
        last.set(routing.personId, routing);
        const v = routing.verdict;
        if (v.partnerQueue === undefined) continue;
        // A contact is judged by the graph's decision too: it keeps its user owner, but is shared like a lead.
        if (v.partnerQueue && !isPq(routing.owner)) {
          out.push(violation(routing, `route gave ${routing.personType} ${routing.personId} to ${ownerText(routing.owner)}; expected the Partner Queue (${v.reason}).`));
        } else if (!v.partnerQueue && isPq(routing.owner)) {
          out.push(violation(routing, `route gave ${routing.personType} ${routing.personId} to the Partner Queue; expected another owner (${v.reason}).`));
        }
      }
    }
    const prospectsOf = prospectsByCrmId(run);
    // A pending person's final state waits for its parked event's next try; its decisions above are still judged.
    const pending = pendingPeople(run);
    for (const routing of last.values()) if (!pending.has(routing.personId)) out.push(...finalState(run, routing, queueIds, prospectsOf));
    for (const { type, record } of livePeople(crm)) {
      if (!queueIds.has(String(record['OwnerId'])) || pending.has(record.Id)) continue;
      const routing = last.get(record.Id);
      // A lead the org was seeded into the Partner Queue with, and that nothing touched since, is the org's state.
      if (routing === undefined && type === 'Lead' && !touchedDuringRun(crm, record.Id, run.startedAt)) continue;
      if (routing === undefined) {
        out.push({
          invariant: 'partner-queue',
          message: `${type} ${record.Id} is owned by the Partner Queue, but no routing in this run sent it there${type === 'Contact' ? ' (and a contact is never queue-owned)' : ''}; expected only people the partner rules send there.`,
          personId: record.Id,
          evidence: { record: pick(record, ['Id', 'OwnerId', 'Impartner_Partner_Account__c', 'Lead_Acquisition_Source__c']), ownerHistory: crm.history(record.Id).filter((h) => h.field === 'OwnerId') },
        });
      }
      // finalState judges a person the rules sent there; anyone else in the queue must still be visible to a partner.
      if (routing?.verdict.partnerQueue === true) continue;
      const unseen = queuedWithoutProspect(prospectsOf(record.Id), type, record, routing?.trace.eventId, (prospects) => ({
        record: pick(record, ['Id', 'OwnerId', 'Impartner_Partner_Account__c', 'Partner_Recalled__c', 'Partner_Recalled_Date__c']),
        prospects: prospects.map((p) => pick(p, ['Id', 'CrmId', 'ShareStatus', 'RecalledDate'])),
        lastRouting: routing ? { eventId: routing.trace.eventId, verdict: routing.verdict, route: stepEvidence(routing.route) } : null,
      }));
      if (unseen) out.push(unseen);
    }
    return out;
  },
});

function routingOf(crm: Crm, trace: EventTrace, segment: readonly JobTrace[], statuses: readonly unknown[]): Routing | undefined {
  const route = stepOf(segment, 'route');
  const output = route?.output as { owner?: { kind: string; id: string; name?: string } } | null | undefined;
  const input = route?.input as { trigger?: string; person?: Record<string, unknown>; ownerIsActive?: boolean | null; campaign?: unknown; campaignMember?: unknown; partnerAccount?: unknown } | null | undefined;
  if (!route || !output?.owner || !input?.person) return undefined;
  const person = input.person;
  const personId = String(person['Id']);
  const upsert = stepOf(segment, 'upsertPerson')?.output as { type?: 'Lead' | 'Contact' } | null | undefined;
  const personType = upsert?.type ?? (personId.startsWith('003') ? 'Contact' : 'Lead');
  const attribution = stepOf(segment, 'attribution')?.output as { member?: Record<string, unknown> } | null | undefined;
  const ownerId = person['OwnerId'];
  const owner = typeof ownerId === 'string' ? crm.get('User', ownerId) : undefined;
  const facts: PartnerFacts = {
    trigger: String(input.trigger),
    person,
    campaign: recordOf(crm, 'Campaign', input.campaign),
    campaignMember: recordOf(crm, 'CampaignMember', input.campaignMember) ?? attribution?.member ?? undefined,
    partnerAccount: recordOf(crm, 'Account', input.partnerAccount) ?? recordOf(crm, 'Account', person['Impartner_Partner_Account__c']),
    // Whether the owner was active when routing ran (as the route step read it), not at the end of the run.
    ownerIsActiveUser: (typeof input.ownerIsActive === 'boolean' ? input.ownerIsActive : owner?.['IsActive'] === true) && isSalesUser(owner),
  };
  return { trace, route, segment, personId, personType, facts, verdict: partnerVerdict(facts, statuses), owner: output.owner };
}

/**
 * A route step that gave an owner but recorded no person it read (a custom route job, or one that routes elsewhere
 * without the route step's input): the partner rules cannot be judged, and the invariant says so instead of passing.
 */
function unjudgeableRoute(trace: EventTrace, segment: readonly JobTrace[]): Violation | undefined {
  const route = stepOf(segment, 'route');
  const output = route?.output as { owner?: unknown } | null | undefined;
  const input = route?.input as { person?: unknown } | null | undefined;
  if (!route || !output?.owner || (typeof input?.person === 'object' && input.person !== null)) return undefined;
  return {
    invariant: 'partner-queue',
    message: `Event ${trace.eventId}: the route step gave an owner but recorded no \`person\` in its input, so the partner rules cannot be judged; expected every route step to record what routing read (trigger, person, ownerIsActive, campaign, campaignMember, partnerAccount).`,
    eventId: trace.eventId,
    evidence: { route: stepEvidence(route) },
  };
}

/** A record the route step recorded in full, or by id (then read from the CRM as it ended). */
function recordOf(crm: Crm, type: SObjectType, value: unknown): Readonly<Record<string, unknown>> | undefined {
  if (typeof value === 'object' && value !== null) return value as Record<string, unknown>;
  if (typeof value === 'string' && value !== '') return crm.get(type, value);
  return undefined;
}

function finalState(run: RunRecord, routing: Routing, queueIds: ReadonlySet<string>, prospectsOf: ProspectsOf): Violation[] {
  const record = run.world.crm.get(routing.personType, routing.personId);
  if (!record || record['IsConverted'] === true) return [];
  const ownerId = String(record['OwnerId']);
  const v = routing.verdict;
  const contact = routing.personType === 'Contact';
  if (contact && queueIds.has(ownerId)) return [violation(routing, `Contact ${routing.personId} ends owned by the Partner Queue; expected a contact to keep its user owner.`, record)];
  if (v.partnerQueue === undefined) return [];
  if (!v.partnerQueue) {
    return queueIds.has(ownerId) ? [violation(routing, `Lead ${routing.personId} ends owned by the Partner Queue; expected another owner after its last routing (${v.reason}).`, record)] : [];
  }
  const problems: string[] = [];
  if (!contact && !queueIds.has(ownerId)) problems.push(`it ends owned by ${ownerId}`);
  const unset = PARTNER_STATUS_FIELDS[v.rule].filter((f) => isEmptyValue(record[f]));
  if (unset.length > 0) problems.push(`${unset.join(' and ')} ${unset.length > 1 ? 'are' : 'is'} empty`);
  const synced = stepOf(routing.segment, 'sync')?.output != null;
  const prospects = prospectsOf(routing.personId);
  if (synced && !prospects.some(isLiveProspect)) problems.push(prospects.length > 0 ? `its Impartner prospect ${prospects.map((p) => p.Id).join(', ')} is recalled` : 'it has no Impartner prospect');
  if (problems.length === 0) return [];
  const expected = contact
    ? `its user owner kept, ${PARTNER_STATUS_FIELDS[v.rule].join(' and ')} set and a live PRM prospect (a contact meeting a partner rule is shared too)`
    : `the Partner Queue with ${PARTNER_STATUS_FIELDS[v.rule].join(' and ')} set and a live PRM prospect`;
  return [violation(routing, `${routing.personType} ${routing.personId} meets ${v.reason}, but ${problems.join(', ')}; expected ${expected}.`, record)];
}

/** Whether the run changed who owns the person or whether it is recalled (anything but seeding). */
function touchedDuringRun(crm: Crm, id: string, startedAt: number): boolean {
  return crm.history(id).some((h) => PARTNER_PLACEMENT_FIELDS.has(h.field) && h.at >= startedAt && h.workflow !== 'seed');
}

function violation(routing: Routing, message: string, record?: Readonly<Record<string, unknown>>): Violation {
  const f = routing.facts;
  return {
    invariant: 'partner-queue',
    message,
    personId: routing.personId,
    eventId: routing.trace.eventId,
    evidence: {
      verdict: routing.verdict,
      facts: {
        trigger: f.trigger,
        person: pick(f.person, ['Id', 'OwnerId', 'Status', 'Lead_Acquisition_Source__c', 'Impartner_Partner_Account__c', 'Partner_Recalled__c', 'Partner_Recalled_Date__c', 'Actively_Being_Sequenced__c', 'isSalesCreated']),
        campaign: f.campaign ? pick(f.campaign, ['Id', 'Name', 'MDF_Funding__c', 'Channel_Partner_Involved__c']) : null,
        campaignMember: f.campaignMember ? pick(f.campaignMember, ['Id', 'Status']) : null,
        partnerAccount: f.partnerAccount ? pick(f.partnerAccount, ['Id', 'Name', 'Partner_Type__c']) : null,
        ownerIsActiveUser: f.ownerIsActiveUser,
      },
      route: stepEvidence(routing.route),
      ...(record ? { finalRecord: pick(record, ['Id', 'OwnerId', ...PARTNER_STATUS_FIELDS[1], ...PARTNER_STATUS_FIELDS[2]]) } : {}),
    },
  };
}

function ownerText(owner: { kind: string; id: string; name?: string }): string {
  return `${owner.kind} ${owner.name ? `"${owner.name}" ` : ''}(${owner.id})`;
}

function pick(record: Readonly<Record<string, unknown>>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, record[f] ?? null]));
}
