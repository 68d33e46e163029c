import type { SimClock } from '../../core/clock.ts';
import { CompactLog } from '../../core/compactLog.ts';
import { changesOf, eachNewValue, newestFirst, newValueAt, type ChangeChain } from '../../core/derivedNewValues.ts';
import { HashIndex } from '../../core/hashIndex.ts';
import { IdTable } from '../../core/idTable.ts';
import { ACTIVITY_TYPES, type ActivityLog } from './activityLog.ts';
import { marketoTime } from './marketoTime.ts';

/** A field value as stored and returned by the REST API. */
export type LeadValue = string | number | boolean | null;

/** A stored lead: REST field name → value. `id`, `createdAt` and `updatedAt` are always set. */
export type MarketoLead = { readonly id: number; readonly createdAt: string; readonly updatedAt: string } & Readonly<Record<string, LeadValue>>;

/** Which channel changed a field: the REST API or a form fill. */
export type LeadChangeSource = 'api' | 'form';

/** One field change, like a CRM audit-trail row. */
export interface LeadHistoryEntry {
  readonly leadId: number;
  readonly field: string;
  readonly oldValue: LeadValue;
  readonly newValue: LeadValue;
  readonly source: LeadChangeSource;
  /** Simulated time of the change, ISO-8601 with milliseconds (`SimClock.iso()`). */
  readonly at: string;
}

/** The lead table in a world snapshot. */
export interface LeadDatabaseState {
  readonly leads: readonly MarketoLead[];
  readonly history: readonly LeadHistoryEntry[];
  readonly nextId: number;
}

/** Trims and lower-cases an email for matching; the stored value keeps the client's spelling. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The lead table of the simulated Marketo: integer ids from a counter starting at 1, an email index
 * (case-insensitive, trimmed), field history and the New Lead / Change Data Value activities. Values passed in are
 * already validated and coerced (see `coerceLeadValue`).
 */
export class LeadDatabase {
  readonly #clock: SimClock;
  readonly #activities: ActivityLog;
  /** The leads by id (ids count from 1: an array, not a map). */
  readonly #leads = new IdTable<MarketoLead>();
  /** The leads by normalized email (see HashIndex: the key is read from the lead, not stored), in id order. */
  readonly #byEmail = new HashIndex<MarketoLead>({ keyOf: emailKey, same: (a, b) => a.id === b.id, compare: (a, b) => a.id - b.id });
  /**
   * Field history, stored compactly (src/core/compactLog.ts); each entry links to the previous one of its lead. A
   * new value the lead held when it was recorded is not stored (`derived`): every change to a lead is recorded, so it
   * is the old value of the lead's next change to the field, or the lead's value now (a created lead's values, most
   * of the history, are not kept twice). A lead's derived values are stored before it is deleted.
   */
  readonly #history = new CompactLog<StoredHistoryEntry>({
    leadId: 'int32',
    field: 'code',
    oldValue: 'value',
    newValue: 'value',
    derived: 'code',
    source: 'code',
    at: 'number',
    previous: 'int32',
  });
  /** The index of each lead's newest history entry, by lead id (ids count from 1: an array, not a map). */
  readonly #newest: number[] = [];
  /** The history as src/core/derivedNewValues.ts reads its new values. */
  readonly #chain: ChangeChain<number> = {
    record: this.#history.reader('leadId'),
    field: this.#history.reader('field'),
    oldValue: this.#history.reader('oldValue'),
    derived: this.#history.reader('derived'),
    storedNewValue: this.#history.reader('newValue'),
    current: (leadId, field) => this.#leads.get(leadId)?.[field] ?? null,
    newest: (leadId) => this.#newest[leadId] ?? -1,
    previous: this.#history.reader('previous'),
  };
  #nextId = 1;

  constructor(clock: SimClock, activities: ActivityLog) {
    this.#clock = clock;
    this.#activities = activities;
  }

  /** The lead with this id, or undefined. */
  get(id: number): MarketoLead | undefined {
    return this.#leads.get(id);
  }

  /** Every lead, in id order. */
  all(): IterableIterator<MarketoLead> {
    return this.#leads.values();
  }

  /** Number of leads. */
  get size(): number {
    return this.#leads.size;
  }

  /** Ids of the leads whose email matches (case-insensitive, trimmed), in id order. */
  idsByEmail(email: string): readonly number[] {
    return this.#byEmail.get(normalizeEmail(email)).map((lead) => lead.id);
  }

  /** Ids of the leads whose `field` equals `value` (emails compared normalized), in id order. */
  idsBy(field: string, value: LeadValue): readonly number[] {
    if (field === 'email') return typeof value === 'string' ? this.idsByEmail(value) : [];
    if (field === 'id') return typeof value === 'number' && this.#leads.has(value) ? [value] : [];
    const ids: number[] = [];
    for (const lead of this.all()) if (lead[field] !== undefined && lead[field] === value) ids.push(lead.id);
    return ids;
  }

  /** Creates a lead from validated values and logs a New Lead activity. */
  create(values: Readonly<Record<string, LeadValue>>, source: LeadChangeSource, sourceType = 'Web service API'): MarketoLead {
    const id = this.#nextId++;
    const at = marketoTime(this.#clock.now());
    const lead: MarketoLead = { ...values, id, createdAt: at, updatedAt: at, originalSourceType: sourceType };
    this.#leads.set(id, lead);
    this.#byEmail.replace(undefined, lead);
    for (const [field, value] of Object.entries(values)) this.#record(id, field, null, value, source);
    this.#activities.log({ leadId: id, activityTypeId: ACTIVITY_TYPES.newLead.id, primaryAttributeValue: String(values['email'] ?? id), attributes: [{ name: 'Source Type', value: sourceType }] });
    return lead;
  }

  /** Applies validated values to a lead; returns the fields that changed. Unchanged values leave no trace. */
  update(id: number, values: Readonly<Record<string, LeadValue>>, source: LeadChangeSource): string[] {
    const current = this.get(id);
    if (!current) throw new RangeError(`Failed to update Marketo lead "${id}": no such lead. Look the lead up before updating it.`);
    const at = marketoTime(this.#clock.now());
    const changed: string[] = [];
    const next: Record<string, LeadValue> = { ...current };
    const olds: LeadValue[] = [];
    for (const [field, value] of Object.entries(values)) {
      const old = current[field] ?? null;
      if (old === value) continue;
      next[field] = value;
      changed.push(field);
      olds.push(old);
      this.#activities.log({
        leadId: id,
        activityTypeId: ACTIVITY_TYPES.changeDataValue.id,
        primaryAttributeValue: field,
        attributes: [
          { name: 'New Value', value },
          { name: 'Old Value', value: old },
          { name: 'Source', value: source === 'form' ? 'Form fill' : 'Web service API' },
        ],
      });
    }
    if (changed.length === 0) return changed;
    next['updatedAt'] = at;
    const lead = next as MarketoLead;
    this.#leads.set(id, lead);
    this.#byEmail.replace(current, lead);
    changed.forEach((field, i) => this.#record(id, field, olds[i]!, lead[field]!, source));
    return changed;
  }

  /** The table, copied (leads are immutable): for a world snapshot. */
  snapshot(): LeadDatabaseState {
    return { leads: [...this.all()], history: this.history(), nextId: this.#nextId };
  }

  /** Puts back what {@link snapshot} took; the email index is rebuilt. */
  restore(state: LeadDatabaseState): void {
    this.#leads.clear();
    this.#byEmail.clear();
    for (const lead of state.leads) {
      this.#leads.set(lead.id, lead);
      this.#byEmail.replace(undefined, lead);
    }
    this.#history.truncate(0);
    this.#newest.length = 0;
    for (const entry of state.history) this.#append(entry.leadId, entry.field, entry.oldValue, entry.newValue, entry.source, Date.parse(entry.at));
    this.#nextId = state.nextId;
  }

  /** Deletes a lead and logs a Delete Lead activity; false when there is none. */
  delete(id: number): boolean {
    const lead = this.get(id);
    if (!lead) return false;
    for (let i = this.#newest[id] ?? -1; i >= 0; i = this.#history.value(i, 'previous')) {
      if (!this.#history.value(i, 'derived')) continue;
      this.#history.set(i, 'newValue', newValueAt(this.#chain, i) as LeadValue);
      this.#history.set(i, 'derived', false);
    }
    this.#byEmail.replace(lead, undefined);
    this.#leads.delete(id);
    this.#activities.log({ leadId: id, activityTypeId: ACTIVITY_TYPES.deleteLead.id, primaryAttributeValue: String(lead['email'] ?? id), attributes: [] });
    return true;
  }

  /** Field history, oldest first; only one lead's when `leadId` is given. */
  history(leadId?: number): readonly LeadHistoryEntry[] {
    const out: LeadHistoryEntry[] = [];
    const changes = leadId === undefined ? newestFirst(this.#history.length) : changesOf(this.#chain, leadId);
    eachNewValue(this.#chain, changes, (i, newValue) => out.push(historyEntry(this.#history.at(i), newValue as LeadValue)));
    return out.reverse();
  }

  #record(leadId: number, field: string, oldValue: LeadValue, newValue: LeadValue, source: LeadChangeSource): void {
    this.#append(leadId, field, oldValue, newValue, source, this.#clock.now());
  }

  #append(leadId: number, field: string, oldValue: LeadValue, newValue: LeadValue, source: LeadChangeSource, at: number): void {
    const derived = newValue !== undefined && this.#leads.get(leadId)?.[field] === newValue;
    const index = this.#history.append({ leadId, field, oldValue, newValue: derived ? null : newValue, derived, source, at, previous: this.#newest[leadId] ?? -1 });
    this.#newest[leadId] = index;
  }
}

/** The key a lead is filed under in the email index, or undefined when it is not filed. */
function emailKey(lead: MarketoLead): string | undefined {
  const email = lead['email'];
  return typeof email === 'string' && email.trim() !== '' ? normalizeEmail(email) : undefined;
}

/** A stored history entry as the API gives it: the time as ISO-8601 with milliseconds (`SimClock.iso()`). */
function historyEntry(stored: StoredHistoryEntry, newValue: LeadValue): LeadHistoryEntry {
  return { leadId: stored.leadId, field: stored.field, oldValue: stored.oldValue, newValue, source: stored.source, at: new Date(stored.at).toISOString() };
}

/** A history entry as the log keeps it: time in ms, whether the new value is derived, the lead's entry before it. */
type StoredHistoryEntry = Omit<LeadHistoryEntry, 'at'> & { readonly at: number; readonly derived: boolean; readonly previous: number };
