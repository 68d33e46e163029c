import type { InputIssue } from '../core/errors.ts';
import type { OrgSpec } from '../org/orgSpec.ts';
import { KEY_PREFIXES } from '../systems/crm/schema.ts';
import type { SeededOrg } from '../world/seedOrg.ts';

/** The kinds of org record a scenario may refer to by key. */
export const ORG_REF_KINDS = ['user', 'queue', 'account', 'campaign', 'person'] as const;
/** One kind of org reference. */
export type OrgRefKind = (typeof ORG_REF_KINDS)[number];

/**
 * A reference to an org record by key inside a scenario's payloads and field values: `"@account:acme"`,
 * `"@user:sdr-amer-1"`, `"@queue:Partner Queue"`, `"@campaign:webinar"`, `"@person:dana"`. CRM ids are assigned when
 * the org is seeded, so scenario files name records by key and the runner puts the ids in.
 */
export const ORG_REF = /^@(user|queue|account|campaign|person):(.+)$/;

/** Parses an `@kind:key` string, or undefined for any other value. */
export function parseOrgRef(value: unknown): { kind: OrgRefKind; key: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ORG_REF.exec(value);
  return m ? { kind: m[1] as OrgRefKind, key: m[2]! } : undefined;
}

/** The keys a scenario may refer to: its org's, plus the people its inbound events create. */
export interface ScenarioKeys {
  readonly users: ReadonlySet<string>;
  readonly queues: ReadonlySet<string>;
  readonly accounts: ReadonlySet<string>;
  readonly campaigns: ReadonlySet<string>;
  readonly people: ReadonlySet<string>;
}

/** The keys of an org, with `extraPeople` (keys named by inbound events) and `extraCampaigns` (created by events) added. */
export function keysOf(org: OrgSpec, extraPeople: Iterable<string> = [], extraCampaigns: Iterable<string> = []): ScenarioKeys {
  return {
    users: new Set(org.users.map((u) => u.key)),
    queues: new Set(org.queues),
    accounts: new Set(org.accounts.map((a) => a.key)),
    campaigns: new Set([...org.campaigns.map((c) => c.key), ...extraCampaigns]),
    people: new Set([...org.people.map((p) => p.key), ...extraPeople]),
  };
}

const SETS: Readonly<Record<OrgRefKind, keyof ScenarioKeys>> = { user: 'users', queue: 'queues', account: 'accounts', campaign: 'campaigns', person: 'people' };

/** An issue for `key` when it is not a key of `kind`, listing a few that are. */
export function unknownKeyIssue(keys: ScenarioKeys, kind: OrgRefKind, key: string, path: readonly (string | number)[]): InputIssue | undefined {
  const known = keys[SETS[kind]];
  if (known.has(key)) return undefined;
  const some = [...known].slice(0, 6).map((k) => JSON.stringify(k));
  return { path, message: `unknown ${kind} key`, expected: some.length ? `a ${kind} key of the scenario (${some.join(', ')}${known.size > 6 ? ', …' : ''})` : `a ${kind} defined in the scenario's org`, got: JSON.stringify(key) };
}

/** Every `@kind:key` string inside `value` that names no record of the scenario, as issues at their JSON paths. */
export function checkRefs(value: unknown, keys: ScenarioKeys, path: readonly (string | number)[]): InputIssue[] {
  const ref = parseOrgRef(value);
  if (ref) {
    const issue = unknownKeyIssue(keys, ref.kind, ref.key, path);
    return issue ? [issue] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => checkRefs(v, keys, [...path, i]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => checkRefs(v, keys, [...path, k]));
  return [];
}

/** Placeholder ids (right prefix, 18 characters) for checking payloads before the org is seeded. */
const PLACEHOLDER_PREFIX: Readonly<Record<OrgRefKind, string>> = { user: KEY_PREFIXES.User, queue: KEY_PREFIXES.Group, account: KEY_PREFIXES.Account, campaign: KEY_PREFIXES.Campaign, person: KEY_PREFIXES.Lead };

/**
 * Replaces every `@kind:key` string in `value` (deeply) with what `resolve` returns for it. With no resolver, each
 * becomes a placeholder id of the right prefix and length, which is what payload schemas check before seeding.
 */
export function substituteRefs<T>(value: T, resolve?: (kind: OrgRefKind, key: string) => string | undefined): T {
  const ref = parseOrgRef(value);
  if (ref) return (resolve ? (resolve(ref.kind, ref.key) ?? value) : `${PLACEHOLDER_PREFIX[ref.kind]}000000000000AAA`) as T;
  if (Array.isArray(value)) return value.map((v) => substituteRefs(v, resolve)) as T;
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteRefs(v, resolve)])) as T;
  return value;
}

/** The CRM id of a key in a seeded world, or undefined. `person` keys resolve through `people` (they move on conversion). */
export function resolveRef(ids: SeededOrg, people: ReadonlyMap<string, { id: string }>, kind: OrgRefKind, key: string): string | undefined {
  switch (kind) {
    case 'user':
      return ids.userIds.get(key);
    case 'queue':
      return ids.queueIds.get(key);
    case 'account':
      return ids.accountIds.get(key);
    case 'campaign':
      return ids.campaignIds.get(key);
    case 'person':
      return people.get(key)?.id ?? ids.personIds.get(key)?.id;
  }
}

/** The reverse of a seeded org: CRM id → `@kind:key`, for writing recorded payloads portably. */
export function refsById(ids: SeededOrg): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, id] of ids.userIds) out.set(id, `@user:${key}`);
  for (const [key, id] of ids.queueIds) out.set(id, `@queue:${key}`);
  for (const [key, id] of ids.accountIds) out.set(id, `@account:${key}`);
  for (const [key, id] of ids.campaignIds) out.set(id, `@campaign:${key}`);
  for (const [key, p] of ids.personIds) out.set(p.id, `@person:${key}`);
  return out;
}
