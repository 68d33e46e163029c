import type { SimClock } from '../../core/clock.ts';
import { assignmentRuleToGraph } from '../../assignmentRules/assignmentRuleToGraph.ts';
import type { AssignmentRulesFile } from '../../assignmentRules/readAssignmentRules.ts';
import { ruleDirectoryOf } from '../../assignmentRules/ruleTargets.ts';
import { ApiUsage } from './apiUsage.ts';
import { AssignmentRuleSet, type AssignmentRuleHeader } from './assignmentRuleSet.ts';
import { CampaignMemberIndex, hasResponded } from './campaignMembers.ts';
import { ChangeEvents, type ChangeEvent, type ChangeListener } from './changeEvents.ts';
import { convertLead, type LeadConvertRequest, type LeadConvertResult } from './convertLead.ts';
import { crmFailure, type CrmResult } from './crmError.ts';
import { describeGlobal, describeSObject, type DescribeSObject } from './describe.ts';
import { isoCountryCodes } from '../../standardize/country.ts';
import { countryIntegrationValue, COUNTRY_FIELDS, syncCountryPicklist } from './countryPicklist.ts';
import { DuplicateIndex } from './duplicateRule.ts';
import { FieldHistory, type FieldHistoryReader, type HistoryEntry } from './fieldHistory.ts';
import { FieldIndex } from './fieldIndex.ts';
import { IdFactory, makeId, normalizeId } from './ids.ts';
import { OrgSettingsSchema, type OrgSettings, type OrgSettingsInput } from './orgSettings.ts';
import { RecordStore } from './recordStore.ts';
import type { SRecord } from './recordSource.ts';
import type { IndexedRecordSource } from './soql/indexedRecordSource.ts';
import { assertTimeZone } from './soql/orgCalendar.ts';
import { KEY_PREFIXES, type CrmSchema, type SObjectType } from './schema.ts';
import { extendSchema, type SchemaExtension } from './schemaExtension.ts';
import { formatSfDateTime } from './sfDateTime.ts';
import { Sessions, type SessionsState } from './sessions.ts';
import type { TokenMint } from '../../core/tokenMint.ts';
import { canonicalField, validateFields } from './validateFields.ts';

/** Who writes, and through which process. */
export interface WriteContext {
  /** The authenticated API user (CreatedById / LastModifiedById / history). */
  readonly userId: string;
  /** The process making the change, e.g. `pipeline:upsert`; recorded in field history and change events. */
  readonly workflow?: string;
  /** The API request making the change (its id in the request log); recorded in field history. */
  readonly requestId?: string;
  /**
   * The `Sforce-Duplicate-Rule-Header`: `allowSave` saves a record an alert rule flags (a block rule still refuses);
   * `includeRecordDetails` puts every field of the matched records in the verdict.
   */
  readonly duplicateRuleHeader?: { readonly allowSave: boolean; readonly includeRecordDetails?: boolean };
  /** Run a lead assignment rule on this create or update (REST `Sforce-Auto-Assign`, SOAP `AssignmentRuleHeader`). */
  readonly assignmentRuleHeader?: AssignmentRuleHeader;
}

/** Options of the {@link Crm} constructor. */
export interface CrmOptions {
  /** The simulation's clock: every audit date comes from it. */
  readonly clock: SimClock;
  /** API requests allowed per rolling 24 hours; default an Enterprise org's base allocation (100,000). */
  readonly dailyApiLimit?: number;
  /** Org settings (duplicate rules, state and country picklists); defaults in orgSettings.ts. */
  readonly settings?: OrgSettingsInput;
  /**
   * The org's default time zone (IANA name), in which SOQL date literals (TODAY, LAST_N_DAYS:n, …) and
   * convertTimezone() are read; default `'UTC'`. Throws RangeError for an unknown zone.
   */
  readonly timeZone?: string;
  /**
   * What the org has beyond leadsim's schema (an org spec's `fields`, `picklistValues`, `recordTypes`): describe,
   * SOQL, SOSL and every write use the extended schema, and each record type becomes a RecordType record.
   * Default: none.
   */
  readonly schemaExtension?: SchemaExtension;
  /** Mints access and refresh tokens (default: seed 0's); a world passes one drawn from its seed. */
  readonly tokens?: TokenMint;
}

/** The org's whole state, copied by {@link Crm.snapshot} (records are immutable, so the copy is cheap). */
export interface CrmState {
  readonly records: ReturnType<RecordStore['snapshot']>;
  readonly ids: ReadonlyMap<string, number>;
  readonly history: readonly HistoryEntry[];
  readonly sessions: SessionsState;
  readonly apiUsage: ReturnType<ApiUsage['snapshot']>;
  readonly settings: OrgSettings;
  readonly assignmentRules: ReturnType<AssignmentRuleSet['snapshot']>;
  readonly leadSettings: { readonly defaultLeadOwnerId?: string };
}

/** Internal create options (conversion skips the converted lead in the duplicate rule). */
interface CreateInternals {
  readonly ignoreDuplicateIds?: readonly string[];
}

const NOT_FOUND = 'The requested resource does not exist';
const NAMED_TYPES = new Set<SObjectType>(['Lead', 'Contact', 'User']);
/** Fields {@link Crm} writes itself on a write (a name from its parts, a response flag, the audit stamps): a history row of one keeps its value. */
const SET_BY_WRITE = new Set(['Name', 'HasResponded', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp']);
/** Whether a record holds the value a write recorded for `field` once the write is stored (see FieldHistory.append). */
const heldAfterWrite = (field: string): boolean => !SET_BY_WRITE.has(field);

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
  /** The deployed assignment rules (AssignmentRule records) and the log of every time one ran. */
  readonly assignmentRules = new AssignmentRuleSet();
  /** Lead Settings: the default lead owner (a user or queue id) gets the leads an assignment rule run leaves unmatched. */
  readonly leadSettings: { defaultLeadOwnerId?: string } = {};
  /** The org's time zone (IANA name) for SOQL date literals and convertTimezone(). */
  readonly timeZone: string;
  /** The org's schema: leadsim's own, extended with the org's declared fields, picklist values and record types. */
  readonly schema: CrmSchema;
  /** What the org declares beyond leadsim's schema (see {@link CrmOptions.schemaExtension}). */
  readonly schemaExtension: SchemaExtension;
  readonly #ids = new IdFactory();
  readonly #history = new FieldHistory((id, field) => (SET_BY_WRITE.has(field) ? undefined : (this.#store.get(id)?.record[field] ?? null)));
  readonly #events = new ChangeEvents();
  #duplicates = new DuplicateIndex();
  readonly #members = new CampaignMemberIndex(() => this.#fields);
  #fields = new FieldIndex((id) => this.#store.get(id));
  #settings: OrgSettings;
  readonly #store = new RecordStore((type, _id, prev, next) => {
    this.#duplicates.update(type, prev, next);
    this.#fields.update(type, prev, next);
  });

  constructor(options: CrmOptions) {
    this.clock = options.clock;
    this.#settings = OrgSettingsSchema.parse(options.settings ?? {});
    this.timeZone = options.timeZone ?? 'UTC';
    assertTimeZone(this.timeZone);
    this.schemaExtension = options.schemaExtension ?? {};
    this.schema = extendSchema(this.schemaExtension);
    this.sessions = new Sessions(this.orgId, options.tokens);
    this.apiUsage = new ApiUsage(() => this.clock.now(), options.dailyApiLimit);
    const bootstrap = { userId: makeId(KEY_PREFIXES.User, 1), workflow: 'bootstrap' };
    const user = this.create('User', { FirstName: 'Integration', LastName: 'User', Username: 'integration@leadsim.test', Email: 'integration@leadsim.test' }, bootstrap);
    if (!user.ok) throw new Error(`Failed to bootstrap the CRM: ${user.errors[0]?.message}. This is a bug in leadsim.`);
    this.integrationUserId = user.value.id;
    this.#store.put('Organization', this.#organization());
    for (const [object, names] of Object.entries(options.schemaExtension?.recordTypes ?? {})) {
      for (const name of names) this.#write('RecordType', this.#blank('RecordType', bootstrap), { Name: name, DeveloperName: developerName(name), SobjectType: object, IsActive: true }, bootstrap, 'create');
    }
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
    const checked = validateFields(type, given, { mode: 'update', lookup: (ref) => this.#store.get(ref), schema: this.schema });
    if (!checked.ok) return checked;
    const synced = this.#syncPicklists(type, checked.value, old);
    if (!synced.ok) return synced;
    const values = synced.value;
    if ((type === 'Lead' || type === 'Contact') && 'Email' in values && values['Email'] !== old['Email']) {
      const duplicate = this.#duplicateCheck(type, values['Email'], [old.Id], ctx);
      if (duplicate) return { ok: false, errors: [duplicate] };
    }
    const assigned = this.#assign(type, { ...old, ...values }, ctx);
    if (!assigned.ok) return assigned;
    if (assigned.value !== undefined) values['OwnerId'] = assigned.value;
    this.#write(type, old, values, ctx, 'update');
    return { ok: true, value: { id: old.Id } };
  }

  /** Soft-deletes a record (IsDeleted = true; still visible with `includeDeleted`), with its campaign memberships. */
  delete(type: SObjectType, id: string, ctx: WriteContext): CrmResult<{ id: string }> {
    const found = this.#find(type, id);
    if (!found.ok) return found;
    if (type === 'User' || type === 'Group' || type === 'AssignmentRule' || type === 'Organization' || type === 'RecordType') return crmFailure('INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id');
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
      const name = canonicalField(type, field, this.schema);
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
    // A stored id is valid by construction: only look further (15 characters, wrong case, not an id) when it is not one.
    const stored = id.length === 18 ? this.#store.get(id) : undefined;
    if (stored) return stored;
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

  /** The field history itself, to read by index without copying it (see {@link FieldHistoryReader}). */
  get fieldHistory(): FieldHistoryReader {
    return this.#history;
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

  /**
   * Deploys a Metadata API assignment rules file, as a deploy does: each Lead rule becomes an AssignmentRule record
   * (Name, Active, SobjectType; read-only through the API) and runs as its imported graph. A rule of the same name
   * is replaced. Throws an InputError naming each assignee the org lacks, each unknown field, each formula entry.
   * Returns the AssignmentRule ids in file order.
   */
  deployAssignmentRules(source: AssignmentRulesFile): string[] {
    const directory = ruleDirectoryOf((type) => this.records(type));
    const graphs = source.rules.assignmentRule.map((rule) => assignmentRuleToGraph(source, { rule: rule.fullName, directory, org: this.schemaExtension }).graph);
    const ctx = { userId: this.integrationUserId, workflow: 'deploy' };
    return source.rules.assignmentRule.map((rule, i) => {
      const existing = [...this.records('AssignmentRule')].find((r) => r['Name'] === rule.fullName && r['SobjectType'] === source.object);
      const fields = { Name: rule.fullName, Active: rule.active, SobjectType: source.object };
      const record = existing ?? this.#blank('AssignmentRule', ctx);
      this.#write('AssignmentRule', record, fields, ctx, existing ? 'update' : 'create');
      this.assignmentRules.put({ id: record.Id, name: rule.fullName, object: source.object, active: rule.active, graph: graphs[i]! });
      if (rule.active) {
        for (const other of this.records('AssignmentRule')) {
          if (other.Id !== record.Id && other['SobjectType'] === source.object && other['Active'] === true) this.#write('AssignmentRule', other, { Active: false }, ctx, 'update');
        }
      }
      return record.Id;
    });
  }

  /**
   * Describe of one object type in the org's schema, with its record types (country codes describe as a picklist
   * when the org has country picklists).
   */
  describe(type: SObjectType): DescribeSObject {
    const describe = describeSObject(type, this.schema, recordTypeInfos([...this.records('RecordType')].filter((r) => r['SobjectType'] === type)));
    const country = COUNTRY_FIELDS[type];
    if (!this.#settings.stateAndCountryPicklists || !country) return describe;
    return { ...describe, fields: describe.fields.map((f) => (f.name === country.code ? countryCodePicklist(f) : f)) };
  }

  /** The org's settings (duplicate rules, state and country picklists). */
  get settings(): OrgSettings {
    return this.#settings;
  }

  /** Changes org settings; omitted ones keep their value. Existing records are left as they are, as in Setup. */
  configure(settings: OrgSettingsInput): OrgSettings {
    this.#settings = OrgSettingsSchema.parse({
      ...this.#settings,
      ...settings,
      duplicateRules: { ...this.#settings.duplicateRules, ...settings.duplicateRules },
    });
    return this.#settings;
  }

  /** The org's whole state, copied: records, id counters, field history, sessions, API usage, settings, assignment rules. */
  snapshot(): CrmState {
    return {
      records: this.#store.snapshot(),
      ids: this.#ids.snapshot(),
      history: this.#history.list(),
      sessions: this.sessions.snapshot(),
      apiUsage: this.apiUsage.snapshot(),
      settings: this.#settings,
      assignmentRules: this.assignmentRules.snapshot(),
      leadSettings: { ...this.leadSettings },
    };
  }

  /** Puts back a state {@link snapshot} took (the indexes are rebuilt; change listeners stay subscribed). */
  restore(state: CrmState): void {
    this.#duplicates = new DuplicateIndex();
    this.#fields = new FieldIndex((id) => this.#store.get(id));
    this.#store.load(state.records);
    this.#ids.restore(state.ids);
    this.#history.restore(state.history);
    this.sessions.restore(state.sessions);
    this.apiUsage.restore(state.apiUsage);
    this.#settings = state.settings;
    this.assignmentRules.restore(state.assignmentRules);
    const lead = this.leadSettings as { defaultLeadOwnerId?: string };
    delete lead.defaultLeadOwnerId;
    Object.assign(lead, state.leadSettings);
  }

  /** Describe of every object type. */
  describeGlobal(): ReturnType<typeof describeGlobal> {
    return describeGlobal();
  }

  /** The duplicate rule's verdict on a lead or contact about to be saved, per the org's rule action and the request's header. */
  #duplicateCheck(type: 'Lead' | 'Contact', email: unknown, ignoreIds: readonly string[], ctx: WriteContext): ReturnType<DuplicateIndex['check']> {
    const action = this.#settings.duplicateRules[type];
    if (action === 'off' || this.#settings.duplicateRuleBypassUsers.includes(ctx.userId)) return undefined;
    const header = ctx.duplicateRuleHeader;
    if (action === 'alert' && header?.allowSave) return undefined;
    const details = header?.includeRecordDetails ? (id: string) => this.byId(id)?.record : undefined;
    return this.#duplicates.check(type, email, ignoreIds, { allowSave: action === 'alert', ...(details ? { recordDetails: details } : {}) });
  }

  #syncPicklists(type: SObjectType, values: Record<string, unknown>, old: SRecord | undefined): CrmResult<Record<string, unknown>> {
    return this.#settings.stateAndCountryPicklists ? syncCountryPicklist(type, values, old) : { ok: true, value: values };
  }

  /** The org's own read-only record (Id = the org id), put in place at bootstrap without history or events. */
  #organization(): SRecord {
    const stamp = formatSfDateTime(this.clock.now());
    const defaults = Object.fromEntries(Object.entries(this.schema.Organization).map(([name, spec]) => [name, spec.defaultValue ?? (spec.type === 'boolean' ? false : null)]));
    return {
      ...defaults,
      Id: this.#ids.next(KEY_PREFIXES.Organization),
      Name: 'Leadsim Simulated Org',
      InstanceName: 'SIM1',
      Country: 'US',
      CreatedDate: stamp,
      CreatedById: this.integrationUserId,
      LastModifiedDate: stamp,
      LastModifiedById: this.integrationUserId,
      SystemModstamp: stamp,
    } as SRecord;
  }

  /** The owner the requested assignment rule gives `record` (a Lead about to be saved), if any rule runs. */
  #assign(type: SObjectType, record: Readonly<Record<string, unknown>>, ctx: WriteContext): CrmResult<string | undefined> {
    if (type !== 'Lead' || ctx.assignmentRuleHeader === undefined) return { ok: true, value: undefined };
    const selected = this.assignmentRules.select(ctx.assignmentRuleHeader, type);
    if (!selected.ok) return selected;
    const fallback = this.leadSettings.defaultLeadOwnerId;
    // Asked for the active rule and there is none: Salesforce still makes its default assignment (help article 000395506).
    if (selected.value === undefined) return { ok: true, value: ctx.assignmentRuleHeader.useDefaultRule === true ? fallback : undefined };
    const queues = [...this.records('Group')].filter((g) => g['Type'] === 'Queue');
    const inputs = { users: [...this.records('User')], queues, currentUser: this.byId(ctx.userId)?.record, campaign: this.#leadCampaign(record), names: this.#referencedNames(type, record) };
    const result = this.assignmentRules.run(selected.value, record, inputs, this.clock.now());
    return { ok: true, value: result.matched ? result.ownerId : fallback };
  }

  /**
   * The campaign lead assignment rule criteria read as `Campaign.*`: the campaign of the lead's most recent campaign
   * membership (leadsim's reading: web-to-lead's campaign is the one the lead joins), or an empty one, whose fields
   * are blank.
   */
  #leadCampaign(record: Readonly<Record<string, unknown>>): SRecord {
    const id = record['Id'];
    const members = [...this.records('CampaignMember')].filter((m) => m['LeadId'] === id);
    const campaignId = members.at(-1)?.['CampaignId'];
    return (typeof campaignId === 'string' ? this.byId(campaignId)?.record : undefined) ?? ({ Id: '' } as SRecord);
  }

  /** The names of the records a record's lookups hold (record types and other non-user lookups), by id. */
  #referencedNames(type: SObjectType, record: Readonly<Record<string, unknown>>): Record<string, string> {
    const names: Record<string, string> = {};
    for (const [field, spec] of Object.entries(this.schema[type])) {
      const id = record[field];
      if (spec.type !== 'reference' || typeof id !== 'string' || spec.referenceTo?.every((t) => t === 'User' || t === 'Group')) continue;
      const name = this.byId(id)?.record['Name'];
      if (typeof name === 'string') names[id] = name;
    }
    return names;
  }

  /** A new record of `type` with its defaults and creation stamps, not yet stored. */
  #blank(type: SObjectType, ctx: WriteContext): SRecord {
    const base: Record<string, unknown> = { ...blankRecord(type, this.schema) };
    base['Id'] = this.#ids.next(KEY_PREFIXES[type]);
    base['CreatedDate'] = formatSfDateTime(this.clock.now());
    base['CreatedById'] = ctx.userId;
    return base as unknown as SRecord;
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
    const checked = validateFields(type, fields, { mode: 'create', lookup: (ref) => this.#store.get(ref), schema: this.schema });
    if (!checked.ok) return checked;
    const synced = this.#syncPicklists(type, checked.value, undefined);
    if (!synced.ok) return synced;
    const values = synced.value;
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
      const duplicate = this.#duplicateCheck(type, values['Email'], internals.ignoreDuplicateIds ?? [], ctx);
      if (duplicate) return { ok: false, errors: [duplicate] };
    }
    const base: Record<string, unknown> = this.#blank(type, ctx);
    if ('OwnerId' in base && values['OwnerId'] == null) values['OwnerId'] = ctx.userId;
    const assigned = this.#assign(type, { ...base, ...values }, ctx);
    if (!assigned.ok) return assigned;
    if (assigned.value !== undefined) values['OwnerId'] = assigned.value;
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
      heldAfterWrite,
    );
    const changedFields = kind === 'delete' ? [] : changed;
    this.#events.emit({ kind, object: type, id: old.Id, changedFields, userId: ctx.userId, ...(workflow === undefined ? {} : { workflow }), at });
  }
}

/** A record type's developer name from its label, as Setup proposes it: `CPS - EOC` → `CPS_EOC`. */
function developerName(label: string): string {
  const name = label.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[A-Za-z]/.test(name) ? name : `X${name}`;
}

/** describe's `recordTypeInfos` for an object's record types: each one, then the Master record type. */
function recordTypeInfos(recordTypes: readonly SRecord[]): Record<string, unknown>[] {
  if (recordTypes.length === 0) return [];
  const info = (id: string, name: string, developer: string, master: boolean, isDefault: boolean) => ({ active: true, available: true, defaultRecordTypeMapping: isDefault, developerName: developer, master, name, recordTypeId: id });
  return [...recordTypes.map((r, i) => info(r.Id, String(r['Name']), String(r['DeveloperName']), false, i === 0)), info('012000000000000AAA', 'Master', 'Master', true, false)];
}

const blanks = new WeakMap<CrmSchema, Map<SObjectType, Readonly<Record<string, unknown>>>>();

/** Every field of `type` in the org's schema with its default (false for checkboxes, else null), `Id` first: copied for each new record. */
function blankRecord(type: SObjectType, schema: CrmSchema): Readonly<Record<string, unknown>> {
  let byType = blanks.get(schema);
  if (!byType) blanks.set(schema, (byType = new Map()));
  let blank = byType.get(type);
  if (!blank) {
    const fields: Record<string, unknown> = { Id: null };
    for (const [name, spec] of Object.entries(schema[type])) if (name !== 'Id') fields[name] = spec.defaultValue ?? (spec.type === 'boolean' ? false : null);
    blank = fields;
    byType.set(type, blank);
  }
  return blank;
}

function countryCodePicklist(field: DescribeSObject['fields'][number]): DescribeSObject['fields'][number] {
  const picklistValues = isoCountryCodes().map((value) => ({ value, label: countryIntegrationValue(value) ?? value, active: true, defaultValue: false, validFor: null }));
  return { ...field, type: 'picklist', restrictedPicklist: true, picklistValues };
}
