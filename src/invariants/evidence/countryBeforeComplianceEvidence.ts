import { evidenceOf, type Change, type PersonRef, type RunEvidence } from '../../evidence/runEvidence.ts';
import type { Consent } from '../../model/person.ts';
import type { RunRecord } from '../../simulation/runRecord.ts';
import { mailabilityFor } from '../../standardize/compliance.ts';
import { isIsoCountryCode, standardizeCountry } from '../../standardize/country.ts';
import { isEmptyValue } from '../livePeople.ts';
import type { Violation } from '../violation.ts';
import { changeEvidence, handlingEvidence, handlingText } from './describeEvidence.ts';
import { finalAnswers, wroteNothing } from './finalAnswers.ts';

/** Where a person keeps its country: the ISO code field, and the country field (which may hold a code too). */
const COUNTRY_FIELDS = { Lead: ['CountryCode', 'Country'], Contact: ['MailingCountryCode', 'MailingCountry'] } as const;

/**
 * Country before compliance, from the field history and the deliveries:
 * - every value of `Mailability__c` the pipeline's credential writes equals the decision (`mailabilityFor`) for the
 *   person's standardized country at that moment (its `CountryCode`, `MailingCountryCode` for a contact, else its
 *   `Country` standardized) or the delivery's standardized country, and the consent: the person's
 *   `HasOptedOutOfEmail` / `Email_Opt_In__c` then, or the delivery's. A decision made on the raw country
 *   ("Deutschland" is no ISO code, so "Not mailable") differs from the decision for DE ("Opt-in required");
 * - every delivery the pipeline answered done leaves its person with a `Mailability__c`.
 */
export function countryBeforeComplianceEvidence(run: RunRecord): Violation[] {
  const evidence = evidenceOf(run);
  if (!evidence) return [];
  const out: Violation[] = [];
  for (const entry of evidence.changesTo('Mailability__c')) {
    if ((entry.object !== 'Lead' && entry.object !== 'Contact')) continue;
    if (!evidence.byPipeline(entry) || isEmptyValue(entry.newValue)) continue;
    const problem = judgeWrite(evidence, entry);
    if (problem === undefined) continue;
    const handling = evidence.handlingOf(entry);
    out.push({
      invariant: 'country-before-compliance',
      message: `${entry.object} ${entry.recordId}: ${problem}; expected compliance to decide after the country is standardized, on the ISO code.`,
      personId: entry.recordId,
      ...(handling ? { eventId: handling.id } : {}),
      evidence: { write: changeEvidence(evidence, entry), ...(handling?.delivery ? { delivery: { entryPoint: handling.delivery.entryPoint, payload: handling.delivery.payload, reading: evidence.readingOf(handling.delivery) } } : {}) },
    });
  }
  for (const { handling, person } of finalAnswers(evidence)) {
    if (handling.answer?.kind !== 'done' || person === undefined || wroteNothing(evidence, handling.id)) continue;
    if (!isEmptyValue(evidence.valueAt(person.id, 'Mailability__c', evidence.endOf(handling)))) continue;
    out.push({
      invariant: 'country-before-compliance',
      message: `${person.type} ${person.id} has no Mailability__c after ${handlingText(handling)} was done; expected every delivery to leave its person with a compliance decision.`,
      personId: person.id,
      eventId: handling.id,
      evidence: handlingEvidence(evidence, handling),
    });
  }
  return out;
}

function judgeWrite(evidence: RunEvidence, entry: Change): string | undefined {
  const person: PersonRef = { type: entry.object as PersonRef['type'], id: entry.recordId };
  const at = afterRequest(evidence, entry);
  const [codeField, nameField] = COUNTRY_FIELDS[person.type];
  const code = evidence.valueAt(person.id, codeField, at);
  const name = evidence.valueAt(person.id, nameField, at);
  const recordCountry = isoOf(code) ?? isoOf(name) ?? standardizedOf(name);
  const handling = evidence.handlingOf(entry);
  const reading = handling?.delivery ? evidence.readingOf(handling.delivery) : undefined;
  const countries = [...new Set([recordCountry, reading?.country].filter((c): c is string => c !== undefined))];
  const consents = consentsAt(evidence, person.id, at, reading?.consents ?? []);
  const decisions = (countries.length > 0 ? countries : [undefined]).flatMap((c) => consents.map((k) => ({ country: c, consent: k, decision: mailabilityFor(c, k) })));
  if (decisions.some((d) => d.decision === entry.newValue)) return undefined;
  const first = decisions[0]!;
  const typed = [code, name].find((v) => !isEmptyValue(v)) ?? reading?.rawCountry;
  const country = first.country === undefined ? 'no country' : `${first.country}${typed !== undefined && typed !== first.country ? ` (from ${JSON.stringify(typed)})` : ''}`;
  return `Mailability__c was set to ${JSON.stringify(entry.newValue)}, but the country then was ${country}, and with consent ${first.consent} that is ${JSON.stringify(first.decision)}`;
}

/** A value that is an ISO 3166-1 alpha-2 code. */
function isoOf(value: unknown): string | undefined {
  return typeof value === 'string' && isIsoCountryCode(value) ? value : undefined;
}

/** The ISO code a country name standardizes to. */
function standardizedOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const result = standardizeCountry(value);
  return result.ok ? result.code : undefined;
}

/** The position after every change the entry's request made to the record (a create writes all its fields at once). */
function afterRequest(evidence: RunEvidence, entry: Change): number {
  const at = evidence.position(entry) + 1;
  if (entry.requestId === undefined) return at;
  return Math.max(at, evidence.lastChangeBy(entry.recordId, entry.requestId) + 1);
}

/** The consents compliance may decide on: the person's opt-out or opt-in flag then, and the delivery's reading. */
function consentsAt(evidence: RunEvidence, personId: string, at: number, fromDelivery: readonly Consent[]): Consent[] {
  const flags: Consent[] = [];
  if (evidence.valueAt(personId, 'HasOptedOutOfEmail', at) === true) flags.push('opt-out');
  if (evidence.valueAt(personId, 'Email_Opt_In__c', at) === true) flags.push('opt-in');
  const all = [...new Set([...flags, ...fromDelivery])];
  return all.length > 0 ? all : ['unknown'];
}
