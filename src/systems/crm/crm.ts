import type { SimClock } from '../../core/clock.ts';
import { ApiUsage } from './apiUsage.ts';
import { CampaignMemberIndex, hasResponded } from './campaignMembers.ts';
import { ChangeEvents, type ChangeEvent, type ChangeListener } from './changeEvents.ts';
import { convertLead, type LeadConvertRequest, type LeadConvertResult } from './convertLead.ts';
import { crmFailure, type CrmResult } from './crmError.ts';
import { describeGlobal, describeSObject, type DescribeSObject } from './describe.ts';
import { DuplicateIndex } from './duplicateRule.ts';
import { FieldHistory, type HistoryEntry } from './fieldHistory.ts';
import { FieldIndex } from './fieldIndex.ts';
import { IdFactory, makeId, normalizeId } from './ids.ts';
import { RecordStore } from './recordStore.ts';
import type { SRecord } from './recordSource.ts';
import type { IndexedRecordSource } from './soql/indexedRecordSource.ts';
import { assertTimeZone } from './soql/orgCalendar.ts';
import { CRM_SCHEMA, KEY_PREFIXES, type SObjectType } from './schema.ts';
import { formatSfDateTime } from './sfDateTime.ts';
import { Sessions } from './sessions.ts';
import { canonicalField, validateFields } from './validateFields.ts';

/** Who writes, and through which process. */
export interface WriteContext {
  /** The authenticated API user (CreatedById / LastModifiedById / history). */
  readonly userId: string;
  /** The process making the change, e.g. `pipeline:upsert`; recorded in field history and change events. */
  readonly workflow?: string;
  /** The API request making the change (its id in the request log); recorded in field history. */
  readonly requestId?: string;
  /** The `Sforce-Duplicate-Rule-Header`; the standard rules block, so `allowSave` does not bypass them. */
  readonly duplicateRuleHeader?: { readonly allowSave: boolean };
}

/** Options of the {@link Crm} constructor. */
export interface CrmOptions {
  /** The simulation's clock: every audit date comes from it. */
  readonly clock: SimClock;
  /** Daily API request limit; default 15000. */
  readonly dailyApiLimit?: number;
  /**
   * The org's default time zone (IANA name), in which SOQL date literals (TODAY, LAST_N_DAYS:n, …) and
   * convertTimezone() are read; default `'UTC'`. Throws RangeError for an unknown zone.
   */
  readonly timeZone?: string;
}

/** Internal create options (conversion skips the converted lead in the duplicate rule). */
interface CreateInternals {
  readonly ignoreDuplicateIds?: readonly string[];
}

const NOT_FOUND = 'The requested resource does not exist';
const NAMED_TYPES = new Set<SObjectType>(['Lead', 'Contact', 'User']);

/**
 * The simulated Salesforce org, in memory: records with Salesforce's validation, defaults, audit fields,
 * duplicate rule, field history and change events; lead conversion; sessions and the API usage counter.
 * Every method is synchronous and deterministic; HTTP is the mocks' job.
 * @example
 * const crm = new Crm({ clock: new SimClock() });
 * const res = crm.create('Lead', { LastName: 'Ng', Company: 'Acme' }, { userId: crm.integrationUserId });
 */
export class Crm implements IndexedRecordSource {
  /** The org id (`00D…`, 18 characters). */
  readonly orgId: string = makeId('00D', 1);
  /** The API user created at bootstrap ("Integration User", integration@leadsim.test). */
  readonly integrationUserId: string;
  /** Access and refresh tokens. */
  readonly sessions: Sessions;
  /** The daily API request counter (`Sforce-Limit-Info`). */
  readonly apiUsage: ApiUsage;
  readonly clock: SimClock;
  /** The org's time zone (IANA name) for SOQL date literals and convertTimezone(). */
  readonly timeZone: string;
  readonly #ids = new IdFactory();
  readonly #history = new FieldHistory();
  readonly #events = new ChangeEvents();
  readonly #duplicates = new DuplicateIndex();
  readonly #members = new CampaignMemberIndex();
  readonly #fields = new FieldIndex();
  readonly #store = new RecordStore((type, id, prev, next) => {
    this.#duplicates.update(type, id, prev, next);
    this.#fields.update(type, prev, next);
    if (type === 'CampaignMember') this.#members.update(prev, next);
  });

  constructor(options: CrmOptions) {
    this.clock = options.clock;
    this.timeZone = options.timeZone ?? 'UTC';
    assertTimeZone(this.timeZone);
    this.sessions = new Sessions(this.orgId);
    this.apiUsage = new ApiUsage(() => this.clock.now(), options.dailyApiLimit);
    const bootstrap = { userId: makeId(KEY_PREFIXES.User, 1), workflow: 'bootstrap' };
    const user = this.create('User', { FirstName: 'Integration', LastName: 'User', Username: 'integration@leadsim.test', Email: 'integration@leadsim.test' }, bootstrap);
    if (!user.ok) throw new Error(`Failed to bootstrap the CRM: ${user.errors[0]?.message}. This is a bug in leadsim.`);
    this.integrationUserId = user.value.id;
  }

  /** Creates a record. Errors are Salesforce's: REQUIRED_FIELD_MISSING, INVALID_FIELD, DUPLICATES_DETECTED, … */
  create(type: SObjectType, fields: Readonly<Record<string, unknown>>, ctx: WriteContext): CrmResult<{ id: string }> {
    return this.#create(type, fields, ctx, {});
  }

  /** Updates a record (15- or 18-character id). Only fields given are touched; `null` clears a field. */
  update(type: SObjectType, id: string, fields: Readonly<Record<string, unknown>>, ctx: WriteContext): CrmResult<{ id: string }> {
    const found = this.#find(type, id);
    if (!found.ok) return found;
    const old = found.value;
    if (type === 'Lead' && old['IsConverted'] === true) return crmFailure('CANNOT_UPDATE_CONVERTED_LEAD', 'cannot reference converted lead');
    const given = Object.fromEntries(Object.entries(fields).filter(([k, v]) => !(k.toLowerCase() === 'id' && normalizeId(String(v)) === old.Id)));
    const checked = validateFields(type, given, { mode: 'update', lookup: (ref) => this.#store.get(ref) });
    if (!checked.ok) return checked;
    const values = checked.value;
    if ((type === 'Lead' || type === 'Contact') && 'Email' in values && values['Email'] !== old['Email']) {
      const duplicate = this.#duplicates.check(type, values['Email'], [old.Id]);
      if (duplicate) return { ok: false, errors: [duplicate] };
    }
    this.#write(type, old, values, ctx, 'update');
    return { ok: true, value: { id: old.Id } };
  }

  /** Soft-deletes a record (IsDeleted = true; still visible with `includeDeleted`), with its campaign memberships. */
  delete(type: SObjectType, id: string, ctx: WriteContext): CrmResult<{ id: string }> {
    const found = this.#find(type, id);
    if (!found.ok) return found;
    if (type === 'User' || type === 'Group') return crmFailure('INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id');
    const record = found.value;
    return this.transaction(() => {
      if (type === 'Lead' || type === 'Contact') {
        for (const member of [...this.records('CampaignMember')]) {
          if (member['LeadId'] === record.Id || member['ContactId'] === record.Id) this.#write('CampaignMember', member, { IsDeleted: true }, ctx, 'delete');
        }
      }
      this.#write(type, record, { IsDeleted: true }, ctx, 'delete');
      return { ok: true, value: { id: record.Id } };
    });
  }

  /** A copy of a live record of this type (all fields, or `Id` plus the given ones), or undefined. */
  get(type: SObjectType, id: string, fields?: readonly string[]): Record<string, unknown> | undefined {
    const found = this.#find(type, id);
    if (!found.ok) return undefined;
    if (!fields) return { ...found.value };
    const copy: Record<string, unknown> = { Id: found.value.Id };
    for (const field of fields) {
      const name = canonicalField(type, field);
      if (name !== undefined) copy[name] = found.value[name] ?? null;
    }
    return copy;
  }

  /** Every record of a type in creation order; live ones unless `includeDeleted`. */
  *records(type: SObjectType, options: { includeDeleted?: boolean } = {}): IterableIterator<SRecord> {
    for (const record of this.#store.all(type)) if (options.includeDeleted || record['IsDeleted'] !== true) yield record;
  }

  /** The record with this 15- or 18-character id (deleted ones too), with its type. */
  byId(id: string): { type: SObjectType; record: SRecord } | undefined {
    const id18 = normalizeId(id);
    return id18 === undefined ? undefined : this.#store.get(id18);
  }

  /** Live records whose indexed text field equals a lower-cased value (IndexedRecordSource, for SOQL). */
  lookup(type: SObjectType, field: string, normalizedValue: string): Iterable<SRecord> | undefined {
    return this.#fields.lookup(type, field, normalizedValue);
  }

  /** Field history, oldest first: every entry, or those of one record. */
  history(recordId?: string): readonly HistoryEntry[] {
    return this.#history.list(recordId === undefined ? undefined : (normalizeId(recordId) ?? recordId));
  }

  /** Listens to committed creates, updates and deletes; returns the unsubscribe function. */
  onChange(listener: ChangeListener): () => void {
    return this.#events.subscribe(listener);
  }

  /**
   * Runs `fn` as one transaction: when it returns `{ ok: false }` (or throws), every write it made is undone,
   * with its history entries and change events. Nested transactions roll back independently.
   */
  transaction<T extends { readonly ok: boolean }>(fn: () => T): T {
    const historyMark = this.#history.length;
    this.#store.begin();
    this.#events.begin();
    let result: T;
    try {
      result = fn();
    } catch (error) {
      this.#rollback(historyMark);
      throw error;
    }
    if (result.ok) {
      this.#store.commit();
      this.#events.commit();
    } else {
      this.#rollback(historyMark);
    }
    return result;
  }

  /** Converts a lead into an account and a contact (see convertLead.ts); all or nothing per lead. */
  convertLead(request: LeadConvertRequest, ctx: WriteContext): LeadConvertResult {
    let result: LeadConvertResult | undefined;
    this.transaction(() => {
      result = convertLead(
        {
          find: (id) => this.byId(id),
          create: (type, fields, options) => this.#create(type, fields, ctx, options),
          writeSystem: (type, record, changes) => this.#write(type, record, changes, ctx, 'update'),
          records: (type) => this.records(type),
          now: () => this.clock.now(),
        },
        request,
      );
      return { ok: result.success };
    });
    return result!;
  }

  /** Describe of one object type. */
  describe(type: SObjectType): DescribeSObject {
    return describeSObject(type);
  }

  /** Describe of every object type. */
  describeGlobal(): ReturnType<typeof describeGlobal> {
    return describeGlobal();
  }

  #rollback(historyMark: number): void {
    this.#store.rollback();
    this.#history.truncate(historyMark);
    this.#events.rollback();
  }

  #find(type: SObjectType, id: string): CrmResult<SRecord> {
    const found = this.byId(id);
    if (!found || found.type !== type) return crmFailure('NOT_FOUND', NOT_FOUND);
    if (found.record['IsDeleted'] === true) return crmFailure('ENTITY_IS_DELETED', 'entity is deleted');
    return { ok: true, value: found.record };
  }

  #create(type: SObjectType, fields: Readonly<Record<string, unknown>>, ctx: WriteContext, internals: CreateInternals): CrmResult<{ id: string }> {
    const checked = validateFields(type, fields, { mode: 'create', lookup: (ref) => this.#store.get(ref) });
    if (!checked.ok) return checked;
    const values = checked.value;
    if (type === 'CampaignMember') {
      const lead = values['LeadId'];
      const contact = values['ContactId'];
      if (lead == null && contact == null) return crmFailure('REQUIRED_FIELD_MISSING', 'Required fields are missing: [LeadId, ContactId]', ['LeadId', 'ContactId']);
      const campaign = String(values['CampaignId']);
      if ([lead, contact].some((person) => typeof person === 'string' && this.#members.has(campaign, person))) {
        return crmFailure('DUPLICATE_VALUE', 'Already a campaign member.');
      }
    }
    if (type === 'Lead' || type === 'Contact') {
      const duplicate = this.#duplicates.check(type, values['Email'], internals.ignoreDuplicateIds ?? []);
      if (duplicate) return { ok: false, errors: [duplicate] };
    }
    const base: Record<string, unknown> = { Id: this.#ids.next(KEY_PREFIXES[type]) };
    for (const [name, spec] of Object.entries(CRM_SCHEMA[type])) {
      if (name !== 'Id') base[name] = spec.defaultValue ?? (spec.type === 'boolean' ? false : null);
    }
    if ('OwnerId' in base && values['OwnerId'] == null) values['OwnerId'] = ctx.userId;
    const stamp = formatSfDateTime(this.clock.now());
    Object.assign(base, { CreatedDate: stamp, CreatedById: ctx.userId });
    this.#write(type, base as SRecord, values, ctx, 'create');
    return { ok: true, value: { id: base['Id'] as string } };
  }

  /** Applies already-checked changes, derives fields, stamps audit fields, records history and the change event. */
  #write(type: SObjectType, old: SRecord, changes: Readonly<Record<string, unknown>>, ctx: WriteContext, kind: ChangeEvent['kind']): void {
    const at = this.clock.now();
    const next: Record<string, unknown> = { ...old, ...changes };
    if (NAMED_TYPES.has(type)) next['Name'] = [next['FirstName'], next['LastName']].filter((part) => typeof part === 'string' && part !== '').join(' ');
    if (type === 'CampaignMember') next['HasResponded'] = hasResponded(next['Status']);
    const stamp = formatSfDateTime(at);
    Object.assign(next, { LastModifiedDate: stamp, LastModifiedById: ctx.userId, SystemModstamp: stamp });
    const changed = Object.keys(changes).filter((field) => kind === 'create' || old[field] !== next[field]);
    this.#store.put(type, next as SRecord);
    const workflow = ctx.workflow;
    const request = ctx.requestId === undefined ? {} : { requestId: ctx.requestId };
    this.#history.append(
      changed.map((field) => ({ recordId: old.Id, object: type, field, oldValue: kind === 'create' ? null : (old[field] ?? null), newValue: next[field] ?? null, userId: ctx.userId, workflow, at, ...request })),
    );
    const changedFields = kind === 'delete' ? [] : changed;
    this.#events.emit({ kind, object: type, id: old.Id, changedFields, userId: ctx.userId, ...(workflow === undefined ? {} : { workflow }), at });
  }
}
