import type { JobName } from './jobNames.ts';

/** What a summarized step keeps of its input and output. */
export interface StepEvidence {
  readonly input: unknown;
  readonly output: unknown;
}

type Projection = (input: unknown, output: unknown) => StepEvidence;
type Fields = Readonly<Record<string, unknown>>;

function record(value: unknown): Fields | undefined {
  return typeof value === 'object' && value !== null ? (value as Fields) : undefined;
}

/** `value` with only `keys` (those it has); null when it is not an object or has none of them. */
function pick(value: unknown, keys: readonly string[]): Fields | null {
  const from = record(value);
  if (!from) return null;
  const out: Record<string, unknown> = {};
  let any = false;
  for (const key of keys) {
    if (!(key in from)) continue;
    out[key] = from[key];
    any = true;
  }
  return any ? out : null;
}

/** `{ person: { country }, company: { country } }` of a standard lead, each part only when it has a country. */
function countries(lead: unknown): Fields | null {
  const from = record(lead);
  if (!from) return null;
  const out: Record<string, unknown> = {};
  for (const part of ['person', 'company']) {
    const country = record(from[part])?.['country'];
    if (country !== undefined) out[part] = { country };
  }
  return out;
}

/** The person fields the partner rules and the fresh-data checks read from the route step (and violations show). */
const ROUTED_PERSON = [
  'Id', 'OwnerId', 'Status', 'Lead_Acquisition_Source__c', 'Impartner_Partner_Account__c', 'Partner_Recalled__c', 'Partner_Recalled_Date__c',
  'Actively_Being_Sequenced__c', 'isSalesCreated', 'ownerIsUser', 'CountryCode', 'High_Priority__c', 'Rerun_Routing__c',
] as const;

/**
 * What a summarized trace keeps of each job's input and output: what the invariants, the simulation report and the
 * violations' evidence read (src/invariants, src/report). Whole when small; the big parts (payloads, records
 * written, graph paths) reduced to the fields read. Jobs not listed keep neither. A test runs the invariants on
 * full and summarized traces of sound and broken pipelines and requires the same verdicts: an invariant that starts
 * reading more of a step must add it here.
 */
const PROJECTIONS: Partial<Record<JobName, Projection>> = {
  // One process reads a sales-created event's ChangeEventHeader; country before compliance reads the raw country.
  transform: (input, output) => ({ input: pick(input, ['ChangeEventHeader']), output: countries(output) }),
  // The report's "countries as typed": the raw country, the code it became, the country issue.
  standardize: (input, output) => {
    const out = countries(output);
    const issues = record(output)?.['issues'];
    const countryIssues = Array.isArray(issues) ? issues.filter((i) => typeof i === 'string' && i.startsWith('country: ')) : undefined;
    return { input: pick(input, ['country']), output: out && countryIssues ? { ...out, issues: countryIssues } : out };
  },
  matchAccount: (input, output) => ({ input, output }),
  upsertPerson: (input, output) => ({ input, output: pick(output, ['action', 'type', 'id']) }),
  attribution: (_input, output) => ({ input: null, output: pick(output, ['campaign', 'member', 'action', 'unknownCampaign']) }),
  compliance: (input, output) => ({ input, output }),
  qualify: (_input, output) => ({ input: null, output: pick(output, ['mql']) }),
  route: (input, output) => {
    const i = record(input);
    const o = record(output);
    const path = o?.['path'];
    return {
      input: i ? { ...pick(i, ['trigger', 'ownerIsActive', 'campaign', 'campaignMember', 'account', 'partnerAccount']), person: pick(i['person'], ROUTED_PERSON) } : null,
      output: o
        ? {
            ...pick(o, ['owner', 'changes', 'sharePrm', 'keptContactOwner', 'refusedOwners', 'decision']),
            // Round robin's fairness and the out-of-office check read the assignments of the path.
            ...(Array.isArray(path) ? { path: path.filter((p) => record(p)?.['kind'] === 'assign') } : {}),
          }
        : null,
    };
  },
  sync: (input, output) => ({ input: pick(input, ['sharePrm']), output }),
};

/** The evidence a summarized step of `job` keeps (see {@link PROJECTIONS}). */
export function evidenceOfStep(job: JobName, input: unknown, output: unknown): StepEvidence {
  return PROJECTIONS[job]?.(input, output) ?? { input: null, output: null };
}
