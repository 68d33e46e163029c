import type { Handling } from '../../evidence/deliveryLog.ts';
import { evidenceOf, type PersonRef, type RunEvidence } from '../../evidence/runEvidence.ts';
import type { RunRecord } from '../../simulation/runRecord.ts';
import { isLiveProspect } from '../../systems/prm/prospectRules.ts';
import { isEmptyValue, livePeople } from '../livePeople.ts';
import { PARTNER_PLACEMENT_FIELDS, PARTNER_STATUS_FIELDS, partnerVerdict, type PartnerFacts, type PartnerVerdict } from '../partnerRules.ts';
import type { Violation } from '../violation.ts';
import { handlingEvidence, handlingText } from './describeEvidence.ts';
import { finalAnswers } from './finalAnswers.ts';
import { prospectsByCrmId, type ProspectsOf } from './prospectsByCrmId.ts';
import { queuedWithoutProspect } from './queuedWithoutProspect.ts';
import { partnerFactsFromEvidence } from './partnerFactsFromEvidence.ts';

/** The queue partner leads go to. */
const PARTNER_QUEUE = 'Partner Queue';

interface Judged {
  readonly handling: Handling;
  readonly person: PersonRef;
  readonly facts: PartnerFacts;
  readonly verdict: PartnerVerdict;
}

/**
 * Partner leads reach the Partner Queue, from the deliveries, the field history and the records: every handling the
 * pipeline answered done is judged by the partner-rules oracle on what the evidence says about it
 * ({@link partnerFactsFromEvidence}); after it, a lead the rules send to the Partner Queue is owned by it, and one
 * they keep away is not. At the end, each person's last judged handling decides: in the Partner Queue (a contact keeps
 * its user owner) with the rule's status fields set and a live, not recalled, Impartner prospect whose `CrmId` is the
 * person's id, or not in it; and everyone the Partner Queue holds was sent there and has a live prospect. A person a Salesforce assignment
 * rule gave its owner is routed by the org's rules, not the handbook's, and is not judged.
 */
export function partnerQueueEvidence(run: RunRecord): Violation[] {
  const evidence = evidenceOf(run);
  if (!evidence) return [];
  const crm = evidence.crm;
  const queueIds = new Set([...crm.records('Group')].filter((g) => g['Type'] === 'Queue' && g['Name'] === PARTNER_QUEUE).map((g) => g.Id));
  const statuses = run.graph.settings.partnerEngagementStatuses;
  const out: Violation[] = [];
  const last = new Map<string, Judged>();
  const rulesRouted = new Set<string>();
  for (const handling of evidence.handlings) {
    if (handling.answer?.kind !== 'done') continue;
    const person = personOf(evidence, handling);
    if (person === undefined) continue;
    // The org routes with its Salesforce assignment rules, not the handbook's: their owner is not judged here.
    if (evidence.writesOf(handling, person.id, 'OwnerId').some((w) => evidence.byAssignmentRule(w))) {
      last.delete(person.id);
      rulesRouted.add(person.id);
      continue;
    }
    const facts = partnerFactsFromEvidence(evidence, handling, person);
    const judged: Judged = { handling, person, facts, verdict: partnerVerdict(facts, statuses) };
    last.set(person.id, judged);
    const v = judged.verdict;
    if (v.partnerQueue === undefined || person.type === 'Contact') continue;
    const owner = evidence.valueAt(person.id, 'OwnerId', evidence.endOf(handling));
    if (v.partnerQueue && !queueIds.has(String(owner))) out.push(violation(evidence, judged, `after ${handlingText(handling)}, Lead ${person.id} is owned by ${ownerText(evidence, owner)}; expected the Partner Queue (${v.reason}).`));
    else if (!v.partnerQueue && queueIds.has(String(owner))) out.push(violation(evidence, judged, `after ${handlingText(handling)}, Lead ${person.id} is owned by the Partner Queue; expected another owner (${v.reason}).`));
  }
  const prospectsOf = prospectsByCrmId(run);
  for (const judged of last.values()) out.push(...finalState(evidence, judged, queueIds, prospectsOf));
  const parked = new Set(finalAnswers(evidence).filter((a) => a.handling.answer?.kind === 'failed' && a.person).map((a) => a.person!.id));
  for (const { type, record } of livePeople(crm)) {
    if (!queueIds.has(String(record['OwnerId'])) || rulesRouted.has(record.Id)) continue;
    const judged = last.get(record.Id);
    const touched = evidence.historyOf(record.Id).some((h) => PARTNER_PLACEMENT_FIELDS.has(h.field) && h.at >= run.startedAt && h.workflow !== 'seed');
    if (judged === undefined && type === 'Lead' && !touched) continue;
    if (judged === undefined && !parked.has(record.Id)) {
      out.push({ invariant: 'partner-queue', message: `${type} ${record.Id} is owned by the Partner Queue, but no delivery the pipeline handled sent it there; expected only people the partner rules send there.`, personId: record.Id, evidence: { ownerHistory: crm.history(record.Id).filter((h) => h.field === 'OwnerId') } });
    }
    if (judged?.verdict.partnerQueue === true || parked.has(record.Id)) continue;
    const unseen = queuedWithoutProspect(prospectsOf(record.Id), type, record, judged?.handling.id, (prospects) => ({ prospects: prospects.map((p) => ({ Id: p.Id, CrmId: p['CrmId'] ?? null, ShareStatus: p['ShareStatus'] ?? null })) }));
    if (unseen) out.push(unseen);
  }
  return out;
}

/** The person a handling was about: a delivery's (by its email), a re-run's own. */
function personOf(evidence: RunEvidence, handling: Handling): PersonRef | undefined {
  if (handling.kind !== 'delivery') {
    const found = handling.personId ? evidence.crm.byId(handling.personId) : undefined;
    return found && (found.type === 'Lead' || found.type === 'Contact') ? { type: found.type, id: found.record.Id } : undefined;
  }
  const email = handling.delivery ? evidence.readingOf(handling.delivery).email : undefined;
  return email === undefined ? undefined : evidence.personAt(email, evidence.endOf(handling), handling);
}

function finalState(evidence: RunEvidence, judged: Judged, queueIds: ReadonlySet<string>, prospectsOf: ProspectsOf): Violation[] {
  const { person, verdict: v } = judged;
  const record = evidence.crm.get(person.type, person.id);
  if (!record || record['IsConverted'] === true || record['IsDeleted'] === true) return [];
  const ownerId = String(record['OwnerId']);
  const contact = person.type === 'Contact';
  if (contact && queueIds.has(ownerId)) return [violation(evidence, judged, `Contact ${person.id} ends owned by the Partner Queue; expected a contact to keep its user owner.`)];
  if (v.partnerQueue === undefined) return [];
  if (!v.partnerQueue) return queueIds.has(ownerId) ? [violation(evidence, judged, `Lead ${person.id} ends owned by the Partner Queue; expected another owner after ${handlingText(judged.handling)} (${v.reason}).`)] : [];
  const problems: string[] = [];
  if (!contact && !queueIds.has(ownerId)) problems.push(`it ends owned by ${ownerText(evidence, ownerId)}`);
  const unset = PARTNER_STATUS_FIELDS[v.rule].filter((f) => isEmptyValue(record[f]));
  if (unset.length > 0) problems.push(`${unset.join(' and ')} ${unset.length > 1 ? 'are' : 'is'} empty`);
  const prospects = prospectsOf(person.id);
  if (!prospects.some(isLiveProspect)) problems.push(prospects.length > 0 ? `its Impartner prospect ${prospects.map((p) => p.Id).join(', ')} is recalled` : 'it has no Impartner prospect with its id as CrmId');
  if (problems.length === 0) return [];
  const expected = contact
    ? `its user owner kept, ${PARTNER_STATUS_FIELDS[v.rule].join(' and ')} set and a live PRM prospect (a contact meeting a partner rule is shared too)`
    : `the Partner Queue with ${PARTNER_STATUS_FIELDS[v.rule].join(' and ')} set and a live PRM prospect`;
  return [violation(evidence, judged, `${person.type} ${person.id} meets ${v.reason}, but ${problems.join(', ')}; expected ${expected}.`)];
}

function ownerText(evidence: RunEvidence, ownerId: unknown): string {
  if (typeof ownerId !== 'string' || ownerId === '') return 'nobody';
  const found = evidence.crm.byId(ownerId);
  if (!found) return ownerId;
  return `${found.type === 'Group' ? 'queue' : 'user'} ${JSON.stringify(found.record['Name'] ?? ownerId)} (${ownerId})`;
}

function violation(evidence: RunEvidence, judged: Judged, message: string): Violation {
  const f = judged.facts;
  return {
    invariant: 'partner-queue',
    message,
    personId: judged.person.id,
    eventId: judged.handling.id,
    evidence: {
      verdict: judged.verdict,
      facts: { trigger: f.trigger, person: f.person, campaign: f.campaign ?? null, campaignMember: f.campaignMember ?? null, partnerAccount: f.partnerAccount ?? null, ownerIsActiveUser: f.ownerIsActiveUser },
      ...handlingEvidence(evidence, judged.handling),
    },
  };
}
