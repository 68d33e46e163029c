import type { SimClock } from '../../core/clock.ts';
import { CompactLog } from '../../core/compactLog.ts';
import { IdTable } from '../../core/idTable.ts';
import { PrmFieldIndex } from './prmFieldIndex.ts';
import { describePrmObject, describePrmObjects, type PrmFieldDescription, type PrmObjectDescription } from './prmDescribe.ts';
import { projectPrm, queryPrm, resolvePrmFields, type PrmListPage, type PrmListQuery } from './prmQuery.ts';
import { prmFailure, prmOk, type PrmResult } from './prmResult.ts';
import { PRM_OBJECTS, PRM_SCHEMA, prmObject, type PrmObjectName } from './prmSchema.ts';
import { prmTime, validatePrmInput, type PrmRecord, type PrmValue } from './prmValues.ts';
import { findDuplicateProspect, SHARE_TRANSITIONS, stampShareStatus } from './prospectRules.ts';

/** Options of {@link Impartner}. */
export interface ImpartnerOptions {
  readonly clock: SimClock;
  /** The API key clients send as `Authorization: prm-key <apiKey>`. Default `"leadsim-prm-key"`. */
  readonly apiKey?: string;
  /** The tenant id clients send as `X-PRM-TenantId`. Default 1001. */
  readonly tenantId?: string | number;
}

/** Who changed a field: an API client (the pipeline), a partner acting in the portal, or the PRM itself. */
export type PrmChangeSource = 'api' | 'partner' | 'system';

/** One field change, like a CRM audit-trail row. */
export interface PrmHistoryEntry {
  readonly object: PrmObjectName;
  readonly recordId: number;
  readonly field: string;
  readonly oldValue: PrmValue;
  readonly newValue: PrmValue;
  readonly source: PrmChangeSource;
  /** Simulated time, ISO-8601 (`SimClock.iso()`). */
  readonly at: string;
}

/** A history entry as the portal stores it: the time in epoch ms. */
type StoredChange = Omit<PrmHistoryEntry, 'at'> & { readonly at: number };

/** What `onLeadRegistered` listeners receive, synchronously after a partner registers a lead. */
export interface LeadRegisteredEvent {
  /** Id of the `Lead` (registration) record. */
  readonly registrationId: number;
  /** Impartner Account id of the partner. */
  readonly partnerAccountId: number;
  /** Impartner User id of the partner user. */
  readonly partnerUserId: number;
  /** The fields the partner entered, by canonical name. */
  readonly fields: Readonly<Record<string, PrmValue>>;
  /**
   * The registration as an outbound payload (modelled): the stored fields that are set, with `PartnerAccountId` as
   * the partner's CRM Account id (its `CrmId`, else the Impartner id as a string) and `PartnerUserId` as a string.
   */
  readonly payload: Readonly<Record<string, PrmValue>> & { readonly Email: string; readonly PartnerAccountId: string; readonly PartnerUserId: string };
  /** Simulated time, ISO-8601. */
  readonly at: string;
}

/** The portal's whole state in a world snapshot. */
export interface ImpartnerState {
  readonly tables: ReadonlyMap<PrmObjectName, readonly PrmRecord[]>;
  readonly counters: ReadonlyMap<PrmObjectName, number>;
  readonly history: readonly PrmHistoryEntry[];
}

/**
 * The simulated Impartner PRM: partner accounts and users, shared prospects with their share/lead statuses, partner
 * lead registrations and deals, with a field history. In memory, integer ids from a counter per object.
 * Modelled on public integration code, not vendor-verified (Impartner's API reference is login-gated).
 */
export class Impartner {
  readonly #clock: SimClock;
  readonly #apiKey: string;
  readonly #tenantId: string;
  /** Each object's records by Id (ids count from 1 per object: arrays, not maps). */
  readonly #tables = new Map<PrmObjectName, IdTable<PrmRecord>>(PRM_OBJECTS.map((o) => [o, new IdTable()]));
  readonly #index = new PrmFieldIndex();
  readonly #counters = new Map<PrmObjectName, number>();
  /** Field history, stored by column (src/core/compactLog.ts), the time in epoch ms. */
  readonly #history = new CompactLog<StoredChange>({ object: 'code', recordId: 'int32', field: 'code', oldValue: 'value', newValue: 'value', source: 'code', at: 'number' });
  readonly #listeners = new Set<(event: LeadRegisteredEvent) => void>();

  constructor(options: ImpartnerOptions) {
    this.#clock = options.clock;
    this.#apiKey = options.apiKey ?? 'leadsim-prm-key';
    this.#tenantId = String(options.tenantId ?? 1001);
  }

  /** Checks `Authorization: prm-key <key>` and `X-PRM-TenantId`; a 401 result otherwise. */
  checkAuth(authorization: string | null, tenantId: string | null): PrmResult<void> {
    const key = /^prm-key\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    if (key === undefined) return prmFailure(401, 'Failed to authenticate "prm-key": the Authorization header is missing or not "prm-key <apiKey>". Send Authorization: prm-key <apiKey>.');
    if (key !== this.#apiKey) return prmFailure(401, 'Failed to authenticate "prm-key": the API key is not valid. Send a key issued for this tenant.');
    if (tenantId === null || tenantId.trim() === '') return prmFailure(401, 'Failed to authenticate "X-PRM-TenantId": the header is missing. Send X-PRM-TenantId: <tenant id>.');
    if (tenantId.trim() !== this.#tenantId) return prmFailure(401, `Failed to authenticate "X-PRM-TenantId": tenant ${tenantId.trim()} does not match the API key. Send the tenant id the key was issued for.`);
    return prmOk(undefined);
  }

  /** `GET /api/objects/v1/_describe`. */
  describeObjects(): PrmObjectDescription[] {
    return describePrmObjects();
  }

  /** `GET /api/objects/v1/{Object}/_describe`. */
  describe(object: string): PrmResult<PrmFieldDescription[]> {
    const name = prmObject(object);
    return name ? prmOk(describePrmObject(name)) : unknownObject(object);
  }

  /** `PUT /api/objects/v1/{Object}`: creates a record (defaults applied, Fks and the duplicate prospect rule checked). */
  create(object: string, body: unknown, source: PrmChangeSource = 'api'): PrmResult<PrmRecord> {
    const name = prmObject(object);
    if (!name) return unknownObject(object);
    const input = validatePrmInput(name, body, 'create');
    if (!input.ok) return input;
    const now = prmTime(this.#clock.now());
    const values: Record<string, PrmValue> = {};
    for (const spec of PRM_SCHEMA[name]) if (!spec.isReadOnly) values[spec.name] = input.value.values[spec.name] ?? spec.defaultValue ?? null;
    const checked = this.#checkRecord(name, 'create', values, undefined);
    if (!checked.ok) return checked;
    if (name === 'Prospect') {
      stampShareStatus(undefined, values, now);
      values['SharedDate'] ??= now;
    }
    const id = (this.#counters.get(name) ?? 0) + 1;
    this.#counters.set(name, id);
    const record: PrmRecord = { Id: id, ...values, Created: now, Updated: now };
    this.#store(name, undefined, record);
    for (const [field, value] of Object.entries(values)) if (value !== null) this.#record(name, id, field, null, value, source);
    return prmOk(record);
  }

  /** `GET /api/objects/v1/{Object}/{id}`. */
  get(object: string, id: number, fields?: readonly string[]): PrmResult<Readonly<Record<string, PrmValue>>> {
    const name = prmObject(object);
    if (!name) return unknownObject(object);
    const record = this.#table(name).get(id);
    if (!record) return notFound(name, id);
    const projection = resolvePrmFields(name, fields, 'get');
    return projection.ok ? prmOk(projectPrm(record, projection.value)) : projection;
  }

  /** `GET /api/objects/v1/{Object}`: filter (THQL), orderBy, skip/take, fields. */
  list(object: string, query: PrmListQuery = {}): PrmResult<PrmListPage> {
    const name = prmObject(object);
    return name ? queryPrm(name, this.#table(name).values(), query, (field, value) => this.#index.lookup(name, field, value)) : unknownObject(object);
  }

  /** `PATCH /api/objects/v1/{Object}`: updates the record whose `Id` the body carries. Unchanged values leave no trace. */
  update(object: string, body: unknown, source: PrmChangeSource = 'api'): PrmResult<PrmRecord> {
    const name = prmObject(object);
    if (!name) return unknownObject(object);
    const input = validatePrmInput(name, body, 'update');
    if (!input.ok) return input;
    const id = input.value.id!;
    const current = this.#table(name).get(id);
    if (!current) return notFound(name, id);
    const changes = { ...input.value.values };
    const merged = { ...current, ...changes };
    const checked = this.#checkRecord(name, 'update', merged, id);
    if (!checked.ok) return checked;
    const now = prmTime(this.#clock.now());
    if (name === 'Prospect') stampShareStatus(current['ShareStatus'], changes, now);
    const next: Record<string, PrmValue> = { ...current };
    let changed = false;
    for (const [field, value] of Object.entries(changes)) {
      if ((current[field] ?? null) === value) continue;
      this.#record(name, id, field, current[field] ?? null, value, source);
      next[field] = value;
      changed = true;
    }
    if (changed) next['Updated'] = now;
    const record = next as PrmRecord;
    this.#store(name, current, record);
    return prmOk(record);
  }

  /** `DELETE /api/objects/v1/{Object}/{id}`. */
  delete(object: string, id: number): PrmResult<{ Id: number }> {
    const name = prmObject(object);
    if (!name) return unknownObject(object);
    const current = this.#table(name).get(id);
    if (!current) return notFound(name, id);
    this.#table(name).delete(id);
    this.#index.update(name, current, undefined);
    return prmOk({ Id: id });
  }

  /** Pulls a shared prospect back from the partner: ShareStatus Recalled, RecalledDate now. From Pending or Accepted. */
  recall(prospectId: number): PrmResult<PrmRecord> {
    return this.#transition('recall', prospectId, { ShareStatus: 'Recalled' }, 'api');
  }

  /** The partner accepts a prospect (from Pending); `partnerUserId` becomes its PartnerContactId when given. */
  accept(prospectId: number, partnerUserId?: number): PrmResult<PrmRecord> {
    return this.#transition('accept', prospectId, { ShareStatus: 'Accepted', ...(partnerUserId !== undefined ? { PartnerContactId: partnerUserId } : {}) }, 'partner');
  }

  /** The partner rejects a prospect (from Pending or Accepted), with an optional reason. */
  reject(prospectId: number, reason?: string): PrmResult<PrmRecord> {
    return this.#transition('reject', prospectId, { ShareStatus: 'Rejected', ...(reason !== undefined ? { RejectionReason: reason } : {}) }, 'partner');
  }

  /** The partner moves a prospect's LeadStatus (Qualifying, Qualified, Disqualified, Converted to DR). */
  setLeadStatus(prospectId: number, leadStatus: string): PrmResult<PrmRecord> {
    return this.update('Prospect', { Id: prospectId, LeadStatus: leadStatus }, 'partner');
  }

  /**
   * The partner-portal entry point: an active partner user registers a lead. Creates a `Lead` (registration) record
   * for the user's account, then notifies `onLeadRegistered` listeners synchronously.
   */
  registerLead(partnerUserId: number, fields: Readonly<Record<string, unknown>>): PrmResult<PrmRecord> {
    const user = this.#table('User').get(partnerUserId);
    if (!user) return notFound('User', partnerUserId);
    if (user['IsActive'] !== true) return prmFailure(400, `Failed to register a lead for "User ${partnerUserId}": the partner user is inactive. Register the lead as an active user.`);
    const account = this.#table('Account').get(user['AccountId'] as number);
    if (!account) return notFound('Account', user['AccountId'] as number);
    const created = this.create('Lead', { ...fields, PartnerAccountId: account.Id, PartnerUserId: user.Id }, 'partner');
    if (!created.ok) return created;
    const record = created.value;
    const entered = Object.fromEntries(Object.keys(fields).map((k) => PRM_SCHEMA.Lead.find((f) => f.name.toLowerCase() === k.toLowerCase())!.name).map((k) => [k, record[k] ?? null]));
    const payload = Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null));
    const event: LeadRegisteredEvent = {
      registrationId: record.Id,
      partnerAccountId: account.Id,
      partnerUserId: user.Id,
      fields: entered,
      payload: { ...payload, Email: String(record['Email']), PartnerAccountId: String(account['CrmId'] ?? account.Id), PartnerUserId: String(user['CrmId'] ?? user.Id) },
      at: this.#clock.iso(),
    };
    for (const listener of [...this.#listeners]) listener(event);
    return created;
  }

  /** Subscribes to partner lead registrations; returns the unsubscribe function. */
  onLeadRegistered(listener: (event: LeadRegisteredEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Field history, oldest first, optionally for one object or record. */
  history(filter: { object?: PrmObjectName; recordId?: number } = {}): readonly PrmHistoryEntry[] {
    const out: PrmHistoryEntry[] = [];
    for (let i = 0; i < this.#history.length; i++) {
      if (filter.object !== undefined && this.#history.value(i, 'object') !== filter.object) continue;
      if (filter.recordId !== undefined && this.#history.value(i, 'recordId') !== filter.recordId) continue;
      const { at, ...change } = this.#history.at(i);
      out.push({ ...change, at: new Date(at).toISOString() });
    }
    return out;
  }

  /** Every table, counter and the history, copied (records are immutable): for a world snapshot. */
  snapshot(): ImpartnerState {
    return {
      tables: new Map([...this.#tables].map(([name, table]) => [name, [...table.values()]])),
      counters: new Map(this.#counters),
      history: this.history(),
    };
  }

  /** Puts back what {@link snapshot} took (registration listeners stay subscribed). */
  restore(state: ImpartnerState): void {
    this.#index.clear();
    for (const [name, table] of this.#tables) {
      table.clear();
      for (const record of state.tables.get(name) ?? []) this.#store(name, undefined, record);
    }
    this.#counters.clear();
    for (const [name, n] of state.counters) this.#counters.set(name, n);
    this.#history.truncate(0);
    for (const entry of state.history) this.#history.append({ ...entry, at: Date.parse(entry.at) });
  }

  /** Every stored record of an object, in Id order (for invariants and tests). */
  records(object: PrmObjectName): PrmRecord[] {
    return [...this.#table(object).values()];
  }

  #transition(action: keyof typeof SHARE_TRANSITIONS, prospectId: number, changes: Record<string, PrmValue>, source: PrmChangeSource): PrmResult<PrmRecord> {
    const prospect = this.#table('Prospect').get(prospectId);
    if (!prospect) return notFound('Prospect', prospectId);
    const allowed: readonly string[] = SHARE_TRANSITIONS[action];
    const status = String(prospect['ShareStatus']);
    if (!allowed.includes(status)) return prmFailure(400, `Failed to ${action} "Prospect ${prospectId}": its share status is ${status}. Only ${allowed.join(' or ')} prospects can be ${action === 'accept' ? 'accepted' : `${action}ed`}.`);
    if (action === 'accept' && changes['PartnerContactId'] !== undefined) {
      const user = this.#table('User').get(changes['PartnerContactId'] as number);
      if (!user || user['AccountId'] !== prospect['PartnerAccountId']) return prmFailure(400, `Failed to accept "Prospect ${prospectId}": user ${String(changes['PartnerContactId'])} is not a user of partner account ${String(prospect['PartnerAccountId'])}. Accept as a user of that partner.`);
    }
    return this.update('Prospect', { Id: prospectId, ...changes }, source);
  }

  #checkRecord(name: PrmObjectName, action: 'create' | 'update', values: Readonly<Record<string, PrmValue>>, selfId: number | undefined): PrmResult<void> {
    for (const spec of PRM_SCHEMA[name]) {
      const ref = values[spec.name];
      if (spec.fkObject && typeof ref === 'number' && !this.#table(spec.fkObject).has(ref)) {
        return prmFailure(400, `Failed to ${action} "${name}": field "${spec.name}" refers to ${spec.fkObject} ${ref}, which does not exist. Create the ${spec.fkObject} first or fix the id.`);
      }
      if (action === 'update' && spec.isRequired && (values[spec.name] ?? null) === null) return prmFailure(400, `Failed to update "${name}": field "${spec.name}" is required and cannot be cleared. Send a value for "${spec.name}".`);
    }
    if (name !== 'Prospect') return prmOk(undefined);
    // Only prospects with the same CrmId or email can be duplicates: test those, in Id order as a scan would.
    const byCrmId = this.#index.lookup('Prospect', 'CrmId', values['CrmId']) ?? [];
    const byEmail = this.#index.lookup('Prospect', 'Email', values['Email']) ?? [];
    const candidates = byEmail.length === 0 ? byCrmId : byCrmId.length === 0 ? byEmail : [...new Set([...byCrmId, ...byEmail])].sort((a, b) => a.Id - b.Id);
    const duplicate = findDuplicateProspect(candidates, values, selfId);
    if (!duplicate) return prmOk(undefined);
    return prmFailure(409, `Failed to ${action} "Prospect": duplicate of Prospect ${duplicate.existing.Id} (${duplicate.reason}). Update Prospect ${duplicate.existing.Id} instead of creating another.`);
  }

  #record(object: PrmObjectName, recordId: number, field: string, oldValue: PrmValue, newValue: PrmValue, source: PrmChangeSource): void {
    this.#history.append({ object, recordId, field, oldValue, newValue, source, at: this.#clock.now() });
  }

  /** Stores `record` in place of `previous` (undefined: a new one), keeping the index in step. */
  #store(name: PrmObjectName, previous: PrmRecord | undefined, record: PrmRecord): void {
    this.#table(name).set(record.Id, record);
    this.#index.update(name, previous, record);
  }

  #table(name: PrmObjectName): IdTable<PrmRecord> {
    return this.#tables.get(name)!;
  }
}

function unknownObject(object: string): { ok: false; status: 404; message: string } {
  return { ok: false, status: 404, message: `Object not found: ${object}. Use one of ${PRM_OBJECTS.join(', ')}.` };
}

function notFound(object: PrmObjectName, id: number): { ok: false; status: 404; message: string } {
  return { ok: false, status: 404, message: `Record not found: ${object} ${id}` };
}
