import type { Consent } from '../model/person.ts';
import type { EventTrace, JobTrace } from '../pipeline/trace.ts';
import { mailabilityFor } from '../standardize/compliance.ts';
import { isIsoCountryCode, standardizeCountry } from '../standardize/country.ts';
import { countryBeforeComplianceEvidence } from './evidence/countryBeforeComplianceEvidence.ts';
import { defineInvariant } from './invariant.ts';
import { stepEvidence, stepOf, traceSegments } from './traceSegments.ts';
import type { Violation } from './violation.ts';

/**
 * DOMAIN.md invariant 4. Evidence form ({@link countryBeforeComplianceEvidence}: field history, deliveries): every
 * write of `Mailability__c` happened when the person's country was already an ISO code and equals the decision for
 * that code and consent; every delivery done leaves its person with a decision. Trace form (the reference
 * pipeline): in every run of every trace, compliance comes after standardize; the country it decided on is an ISO
 * 3166-1 alpha-2 code (absent only when the raw country could not be standardized); when the raw country
 * standardizes to a code, compliance used that code; and the decision equals `mailabilityFor(country, consent)`.
 */
export const countryBeforeCompliance = defineInvariant({
  id: 'country-before-compliance',
  title: 'Country standardized before compliance',
  description:
    'Every Mailability__c decision was written when the person\'s country was already an ISO code (standardized), and equals the decision for that country and consent; every delivery leaves its person with one.',
  evidence: ['field history', 'deliveries'],
  checkEvidence: countryBeforeComplianceEvidence,
  checkTraces(run) {
    return run.traces.flatMap((trace) => traceSegments(trace).flatMap((segment) => checkSegment(trace, segment)));
  },
});

function checkSegment(trace: EventTrace, segment: readonly JobTrace[]): Violation[] {
  const compliance = stepOf(segment, 'compliance');
  if (!compliance) return [];
  const input = compliance.input as { country?: unknown; consent?: unknown } | null;
  const output = compliance.output as { mailability?: unknown } | null;
  if (input === null || output === null) return []; // the step failed (parked): it decided nothing
  const standardizeAt = segment.findIndex((s) => s.job === 'standardize');
  const complianceAt = segment.indexOf(compliance);
  const transform = stepOf(segment, 'transform');
  const raw = rawCountry(transform);
  const standardized = raw === undefined ? undefined : standardizeCountry(raw);
  const country = typeof input.country === 'string' ? input.country : undefined;
  const problems: string[] = [];
  if (standardizeAt < 0 || standardizeAt > complianceAt) problems.push(standardizeAt < 0 ? 'compliance ran in a run without standardize' : 'compliance ran before standardize');
  if (country !== undefined && !isIsoCountryCode(country)) problems.push(`compliance decided on ${JSON.stringify(country)}, which is not an ISO alpha-2 code`);
  if (country === undefined && standardized?.ok) problems.push(`compliance decided on no country, but the raw country ${JSON.stringify(raw)} standardizes to ${standardized.code}`);
  if (standardized?.ok && country !== undefined && country !== standardized.code) problems.push(`compliance decided on ${country}, but the raw country ${JSON.stringify(raw)} standardizes to ${standardized.code}`);
  const expected = mailabilityFor(country, input.consent as Consent | undefined);
  if (output.mailability !== expected) problems.push(`the decision is ${JSON.stringify(output.mailability)}, but ${country ?? 'no country'} with consent ${JSON.stringify(input.consent)} is ${JSON.stringify(expected)}`);
  if (problems.length === 0) return [];
  const personId = (stepOf(segment, 'upsertPerson')?.output as { id?: unknown } | null)?.id;
  return [
    {
      invariant: 'country-before-compliance',
      message: `Event ${trace.eventId}: ${problems.join('; ')}; expected compliance to decide after standardize, on the standardized ISO country.`,
      eventId: trace.eventId,
      ...(typeof personId === 'string' ? { personId } : {}),
      evidence: {
        rawCountry: raw ?? null,
        standardized: standardized ?? null,
        jobs: segment.map((s) => s.job),
        compliance: stepEvidence(compliance),
        ...(standardizeAt >= 0 ? { standardize: stepEvidence(segment[standardizeAt]!) } : {}),
      },
    },
  ];
}

/** The country the entry point sent (the transform step's output: person country, else company country). */
function rawCountry(transform: JobTrace | undefined): string | undefined {
  const lead = transform?.output as { person?: { country?: unknown }; company?: { country?: unknown } } | null | undefined;
  const value = lead?.person?.country ?? lead?.company?.country;
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
