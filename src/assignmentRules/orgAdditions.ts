import { z } from 'zod';
import type { DeclaredField } from '../systems/crm/schemaExtension.ts';

/**
 * What an org spec lacks for a rule file to import: fields (new declarations, or an org field's declaration with
 * the values the rule adds), values for leadsim's standard picklists, record types, and the users and queues the
 * rule names. The keys are the org spec's own, so each part can be pasted into it.
 */
export interface OrgAdditions {
  /** `"Lead.Territory__c"` → its declaration. */
  readonly fields: Record<string, DeclaredField>;
  /** `"Lead.Status"` → the values the org must add. */
  readonly picklistValues: Record<string, string[]>;
  /** `"Lead"` → record type names. */
  readonly recordTypes: Record<string, string[]>;
  /** Users the rule names: an assignee by username, or a lookup value (`CreatedById equals Connection User`) by name. */
  readonly users: { readonly username?: string; readonly name?: string }[];
  /** Queues the rule assigns to, by developer name. */
  readonly queues: string[];
}

/** No additions. */
export function emptyAdditions(): OrgAdditions {
  return { fields: {}, picklistValues: {}, recordTypes: {}, users: [], queues: [] };
}

/** True when nothing needs adding. */
export function hasAdditions(a: OrgAdditions): boolean {
  return Object.keys(a.fields).length + Object.keys(a.picklistValues).length + Object.keys(a.recordTypes).length + a.users.length + a.queues.length > 0;
}

/** The additions of several rules as one: declarations merged (a picklist gets every rule's values), lists united. */
export function mergeOrgAdditions(all: readonly OrgAdditions[]): OrgAdditions {
  const out = emptyAdditions();
  const seenUsers = new Set<string>();
  for (const a of all) {
    for (const [key, declared] of Object.entries(a.fields)) {
      const before = out.fields[key];
      out.fields[key] = before?.values && declared.values && before.type === declared.type ? { ...before, values: [...new Set([...before.values, ...declared.values])] } : (before ?? declared);
    }
    for (const [target, source] of [[out.picklistValues, a.picklistValues], [out.recordTypes, a.recordTypes]] as const) {
      for (const [key, values] of Object.entries(source)) target[key] = [...new Set([...(target[key] ?? []), ...values])];
    }
    for (const user of a.users) {
      const id = `${user.username ?? ''}|${user.name ?? ''}`;
      if (!seenUsers.has(id)) out.users.push(user);
      seenUsers.add(id);
    }
    for (const queue of a.queues) if (!out.queues.includes(queue)) out.queues.push(queue);
  }
  return out;
}

/** One key of an org spec and its value, as JSON text to paste: `"fields": {"Lead.X": {"type": "string"}}`. */
export function orgSnippet(key: 'fields' | 'picklistValues' | 'recordTypes', entries: Readonly<Record<string, unknown>>): string {
  return `"${key}": ${inlineJson(entries)}`;
}

/** JSON on one line with a space after each colon and comma, as people write it by hand. */
function inlineJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(', ')}]`;
  if (typeof value === 'object' && value !== null) return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inlineJson(v)}`).join(', ')}}`;
  return JSON.stringify(value);
}

/** Every addition as org spec snippets, one line per key (users and queues included), to paste into the org spec. */
export function renderAdditions(a: OrgAdditions): string[] {
  const lines: string[] = [];
  if (Object.keys(a.fields).length > 0) lines.push(orgSnippet('fields', a.fields));
  if (Object.keys(a.picklistValues).length > 0) lines.push(orgSnippet('picklistValues', a.picklistValues));
  if (Object.keys(a.recordTypes).length > 0) lines.push(orgSnippet('recordTypes', a.recordTypes));
  if (a.users.length > 0) lines.push(`"users": [..., ${declaredUsers(a.users, new Set()).map(inlineJson).join(', ')}]`);
  if (a.queues.length > 0) lines.push(`"queues": [..., ${a.queues.map((q) => JSON.stringify(queueName(q))).join(', ')}]`);
  return lines;
}

/**
 * The org spec JSON `org` with the additions merged in (other keys and their order kept): declarations added or
 * replaced, picklist values and record types appended, users and queues appended. Users get a key from their
 * username, names split from it (or from the lookup value), and no sales role or region (edit them in: a user
 * without a role is not in any round-robin pool).
 */
export function mergeAdditions(org: Readonly<Record<string, unknown>>, a: OrgAdditions): Record<string, unknown> {
  const out: Record<string, unknown> = { ...org };
  const record = (key: string) => ({ ...((out[key] as Record<string, unknown> | undefined) ?? {}) });
  if (Object.keys(a.fields).length > 0) out['fields'] = { ...record('fields'), ...a.fields };
  for (const [key, kind] of [['picklistValues', a.picklistValues], ['recordTypes', a.recordTypes]] as const) {
    if (Object.keys(kind).length === 0) continue;
    const merged = record(key);
    for (const [k, values] of Object.entries(kind)) merged[k] = [...new Set([...((merged[k] as string[] | undefined) ?? []), ...values])];
    out[key] = merged;
  }
  const users = Array.isArray(out['users']) ? [...(out['users'] as Record<string, unknown>[])] : [];
  if (a.users.length > 0) out['users'] = [...users, ...declaredUsers(a.users, new Set(users.map((u) => String(u['key']))))];
  else if (!('users' in out)) out['users'] = [];
  if (a.queues.length > 0) {
    const queues = Array.isArray(out['queues']) ? (out['queues'] as string[]) : ['Partner Queue', 'Inquiry Queue'];
    out['queues'] = [...new Set([...queues, ...a.queues.map(queueName)])];
  }
  return out;
}

/**
 * A queue name whose developer name, as a seeded org derives it (non-word runs become `_`), is `developerName`:
 * `US_SDR_Inbound` → `US SDR Inbound`; the developer name itself when spaces would not give it back.
 */
export function queueName(developerName: string): string {
  const pretty = developerName.replace(/_/g, ' ');
  return pretty.replace(/\W+/g, '_') === developerName && pretty.length <= 40 ? pretty : developerName;
}

function declaredUsers(users: OrgAdditions['users'], taken: Set<string>): Record<string, unknown>[] {
  return users.map((u) => {
    const local = u.username !== undefined ? (u.username.split('@')[0] ?? u.username) : (u.name ?? 'user');
    const words = (u.name ?? local).split(/[\s._-]+/).filter((w) => w !== '');
    const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
    let key = local.replace(/[^A-Za-z0-9]+/g, '.').replace(/^\.|\.$/g, '').toLowerCase() || 'user';
    for (let n = 2; taken.has(key); n++) key = `${key.replace(/-\d+$/, '')}-${n}`;
    taken.add(key);
    const email = u.username !== undefined && z.email().safeParse(u.username).success ? u.username : `${key}@example.com`;
    return {
      key,
      FirstName: words.length > 1 ? words.slice(0, -1).map(cap).join(' ') : '',
      LastName: cap(words.at(-1) ?? key),
      Email: email,
      ...(u.username !== undefined && u.username !== email ? { Username: u.username } : {}),
    };
  });
}
