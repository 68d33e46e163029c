import { fc } from '@fast-check/vitest';
import { LEAD_STATUSES } from '../../../src/systems/crm/schema.ts';
import { MemorySource } from '../memorySource.ts';

// Random leads and their owners for the SOQL properties, with a plain reading of each field written independently
// of the engine.

export type Kind = 'text' | 'picklist' | 'boolean' | 'number' | 'datetime' | 'id';
export interface FieldDef {
  readonly name: string;
  readonly kind: Kind;
  /** Read through the owner (a User) rather than from the lead itself. */
  readonly viaOwner?: string;
}
export const FIELDS: readonly FieldDef[] = [
  { name: 'LastName', kind: 'text' },
  { name: 'Email', kind: 'text' },
  { name: 'Status', kind: 'picklist' },
  { name: 'High_Priority__c', kind: 'boolean' },
  { name: 'NumberOfEmployees', kind: 'number' },
  { name: 'CreatedDate', kind: 'datetime' },
  { name: 'OwnerId', kind: 'id' },
  { name: 'Owner.Name', kind: 'text', viaOwner: 'Name' },
  { name: 'Owner.Region__c', kind: 'picklist', viaOwner: 'Region__c' },
];
export const TIMES = ['2026-01-01T00:00:00.000Z', '2026-01-05T09:00:00.000Z', '2026-01-05T09:00:01.000Z', '2026-02-28T23:59:59.000Z'];
export const REGIONS = ['AMER', 'EMEA', 'APJ'];
const USER_NAMES = ['ann', 'Bo', 'ann b'];

export const text = fc.string({ unit: fc.constantFrom('a', 'A', 'b', '_', '%', "'", '\\', ' '), maxLength: 4 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 4 });

/** A lead's fields, any of them absent; `CreatedDate` from `times` (Salesforce's `+0000` form). */
export function leadArb(times: readonly string[] = TIMES) {
  return fc.record({
    LastName: text,
    Email: maybe(fc.constantFrom('a@x.io', 'A@X.io', 'b@x.io', 'c_d@y.io', '')),
    Status: maybe(fc.constantFrom(...LEAD_STATUSES)),
    High_Priority__c: maybe(fc.boolean()),
    NumberOfEmployees: maybe(fc.integer({ min: -3, max: 3 })),
    CreatedDate: maybe(fc.constantFrom(...times).map((t) => t.replace('Z', '+0000'))),
    owner: maybe(fc.integer({ min: 0, max: 2 })),
  });
}
export type LeadSeed = ReturnType<typeof leadArb> extends fc.Arbitrary<infer T> ? T : never;

export type Val = string | number | boolean | null;
export interface User {
  readonly Name: string;
  readonly Region__c: string;
}
export interface Row {
  readonly id: string;
  readonly lead: LeadSeed;
  readonly owner: User | undefined;
  readonly ownerId: string | undefined;
}

/** Three users with drawn regions. */
export const usersArb = fc
  .tuple(fc.constantFrom(...REGIONS), fc.constantFrom(...REGIONS), fc.constantFrom(...REGIONS))
  .map((regions) => USER_NAMES.map((Name, i): User => ({ Name, Region__c: regions[i] as string })));

/** The ids `MemorySource` gives the users (they are added first, so their ids are fixed). */
export const USER_IDS: readonly string[] = (() => {
  const crm = new MemorySource();
  return USER_NAMES.map((Name) => crm.add('User', { Name }));
})();

/** A CRM holding the users and the leads, and the rows the reference model reads. */
export function buildCrm(users: readonly User[], seeds: readonly LeadSeed[], indexed: boolean): { crm: MemorySource; rows: Row[] } {
  const crm = new MemorySource(indexed ? { indexed: ['Email', 'LastName', 'Status'] } : {});
  users.forEach((u) => crm.add('User', { ...u }));
  const rows = seeds.map((lead): Row => {
    const ownerId = lead.owner === undefined ? undefined : USER_IDS[lead.owner];
    const { owner, ...fields } = lead;
    const id = crm.add('Lead', { ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)), ...(ownerId ? { OwnerId: ownerId } : {}) });
    return { id, lead, ownerId, owner: owner === undefined ? undefined : users[owner] };
  });
  return { crm, rows };
}

/** A field's value on a row as Salesforce reads it: '' is null, an unset checkbox false, datetimes epoch ms. */
export function valueOf(row: Row, field: FieldDef): Val {
  if (field.viaOwner) {
    const v = row.owner ? (row.owner as unknown as Record<string, string>)[field.viaOwner] : undefined;
    return v === undefined || v === '' ? null : v;
  }
  if (field.name === 'OwnerId') return row.ownerId ?? null;
  const raw = (row.lead as Record<string, unknown>)[field.name];
  if (field.kind === 'boolean') return raw === true;
  if (raw === undefined || raw === '') return null;
  if (field.kind === 'datetime') return new Date(String(raw).replace('+0000', 'Z')).getTime();
  return raw as Val;
}

export const caseless = (k: Kind) => k === 'text' || k === 'picklist';
