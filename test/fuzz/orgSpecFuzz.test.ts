import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { checkOrgSpec } from '../../src/org/loadOrgSpec.ts';
import { createWorld } from '../../src/world/world.ts';
import { fuzzParameters } from './fuzzRuns.ts';
import { mutateJson } from './jsonMutation.ts';
import { loadsOrRefuses } from './refusedAsBadInput.ts';

/**
 * Fuzzing org specs (LEADSIM_FUZZ_RUNS=5000 for thousands of cases; README "Fuzzing"): whatever a file says, the
 * loader either refuses it as bad input (exit 2, the file and the path) or returns an org that seeds. This is the
 * fuzzer that found values over the CRM's lengths and two people with one email crashing a replay.
 */
const FILE = 'leadsim.org.json';
type Json = Record<string, any>;
const BASE = (JSON.parse(readFileSync(fileURLToPath(new URL('../../scenarios/entry-points/chat.json', import.meta.url)), 'utf8')) as Json)['org'] as Json;

/** A string field of some record set to a value of any length around the CRM's limits (40, 80, 255). */
const longValue = fc
  .record({
    list: fc.constantFrom('users', 'accounts', 'campaigns', 'people'),
    field: fc.constantFrom('FirstName', 'LastName', 'Name', 'Company', 'Website', 'Email', 'key'),
    length: fc.oneof(fc.constantFrom(39, 40, 41, 79, 80, 81, 254, 255, 256), fc.nat(1_000)),
    at: fc.nat(),
  })
  .map(({ list, field, length, at }) => {
    const org = structuredClone(BASE);
    const records = org[list] as Json[];
    if (records.length === 0) return org;
    const record = records[at % records.length]!;
    record[field] = field === 'Email' ? `${'e'.repeat(length)}@x.example` : 'v'.repeat(length);
    return org;
  });

/** Two people given one email, as a spreadsheet would: other case, spaces around it. */
const sharedEmail = fc.record({ a: fc.nat(), b: fc.nat(), upper: fc.boolean(), pad: fc.constantFrom('', ' ', '\t') }).map(({ a, b, upper, pad }) => {
  const org = structuredClone(BASE);
  const people = org['people'] as Json[];
  people.push({ key: 'fuzz-person', kind: b % 2 ? 'Lead' : 'Contact', LastName: 'Fuzz', Email: 'fuzz@x.example' });
  const from = people[a % people.length]!;
  const to = people[b % people.length]!;
  const email = String(from['Email']);
  to['Email'] = `${pad}${upper ? email.toUpperCase() : email}${pad}`;
  return org;
});

/** A spec changed in one to three places: a value replaced by a hostile one, deleted, or wrapped deep. */
const mutated = mutateJson(BASE).chain((once) => fc.oneof(fc.constant(once), mutateJson(once), mutateJson(once).chain((twice) => mutateJson(twice))));

describe('fuzzing org specs', () => {
  test.prop([fc.oneof(mutated, longValue, sharedEmail)], fuzzParameters(200))('every spec is refused with its path, or seeds', (json) => {
    const org = loadsOrRefuses(() => checkOrgSpec(json, FILE), FILE);
    if (org !== undefined) expect(() => createWorld({ seed: 1, org })).not.toThrow();
  });
});
