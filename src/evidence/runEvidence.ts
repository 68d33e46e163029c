import type { RunRecord } from '../simulation/runRecord.ts';
import type { Crm } from '../systems/crm/crm.ts';
import type { HistoryEntry } from '../systems/crm/fieldHistory.ts';
import type { SRecord } from '../systems/crm/recordSource.ts';
import { normalizeId } from '../systems/crm/ids.ts';
import { standardizeEmail } from '../standardize/email.ts';
import type { Delivery, DeliveryLog, Handling } from './deliveryLog.ts';
import type { SystemRequest, SystemRequestLog } from './systemRequestLog.ts';

/** A CRM person as the evidence names it. */
export interface PersonRef {
  readonly type: 'Lead' | 'Contact';
  readonly id: string;
}

/**
 * The evidence any pipeline leaves, indexed once per run so that every evidence-form invariant is linear in the
 * run's size: the CRM's records and field history (who changed which field, when, through which request), the
 * systems' request log (what was asked, with which credential, while handling which delivery), and the delivery log
 * (what the pipeline was asked to do and what it answered). Positions are indexes into the CRM's whole field
 * history, in the order changes happened: "the value at position p" is the value after the first p changes.
 */
export class RunEvidence {
  readonly run: RunRecord;
  readonly crm: Crm;
  readonly requests: SystemRequestLog;
  readonly deliveries: DeliveryLog;
  /** The pipeline's own Salesforce credential: the integration user `env.salesforce` authenticates as. */
  readonly pipelineUserId: string;
  /** The CRM's whole field history, oldest first. */
  readonly history: readonly HistoryEntry[];
  readonly #position = new Map<HistoryEntry, number>();
  readonly #byRecord = new Map<string, HistoryEntry[]>();
  readonly #writes = new Map<number, HistoryEntry[]>();
  readonly #requestsOf = new Map<number, SystemRequest[]>();
  readonly #handlingsOfId = new Map<string, Handling[]>();
  readonly #peopleByEmail = new Map<string, Set<string>>();
  #members: Map<string, SRecord[]> | undefined;
  #others: { system: 'marketo' | 'impartner'; record: string; field: string; at: number; source: string }[] | undefined;

  constructor(run: RunRecord, crm: Crm, requests: SystemRequestLog, deliveries: DeliveryLog) {
    this.run = run;
    this.crm = crm;
    this.requests = requests;
    this.deliveries = deliveries;
    this.pipelineUserId = crm.integrationUserId;
    this.history = crm.history();
    this.history.forEach((entry, i) => {
      this.#position.set(entry, i);
      push(this.#byRecord, entry.recordId, entry);
      const handling = this.handlingOf(entry);
      if (handling) push(this.#writes, handling.seq, entry);
      if (entry.field === 'Email' && (entry.object === 'Lead' || entry.object === 'Contact')) {
        const email = emailKey(entry.newValue);
        if (email !== undefined) add(this.#peopleByEmail, email, entry.recordId);
      }
    });
    for (const request of requests.list()) if (request.handling !== undefined) push(this.#requestsOf, request.handling, request);
    for (const handling of deliveries.handlings) push(this.#handlingsOfId, handling.id, handling);
  }

  /** Whether a change was made during the run (not while the org was seeded before it). */
  duringRun(entry: HistoryEntry): boolean {
    return entry.at >= this.run.startedAt && entry.workflow !== 'seed' && entry.workflow !== 'bootstrap';
  }

  /** Whether the pipeline made a change during the run: through its own credential, the integration user. */
  byPipeline(entry: HistoryEntry): boolean {
    return entry.userId === this.pipelineUserId && this.duringRun(entry);
  }

  /**
   * Whether an owner change was Salesforce's own: an assignment rule the request asked for gave that owner at that
   * moment (the CRM's assignment-rule log). The org then routes with its rules, not the handbook's.
   */
  byAssignmentRule(entry: HistoryEntry): boolean {
    if (entry.field !== 'OwnerId') return false;
    return this.crm.assignmentRules.log(entry.recordId).some((l) => l.at === entry.at && l.owner?.id === entry.newValue);
  }

  /** The request that made a change (undefined for changes made without the API: seeding). */
  requestOf(entry: HistoryEntry): SystemRequest | undefined {
    return entry.requestId === undefined ? undefined : this.requests.get(entry.requestId);
  }

  /** The handling during which a change was made, if any. */
  handlingOf(entry: HistoryEntry): Handling | undefined {
    const seq = this.requestOf(entry)?.handling;
    return seq === undefined ? undefined : this.deliveries.handlings[seq - 1];
  }

  /** The handling with this `seq`. */
  handling(seq: number | undefined): Handling | undefined {
    return seq === undefined ? undefined : this.deliveries.handlings[seq - 1];
  }

  /** The CRM changes made during a handling, in order. */
  writesOf(handling: Handling): readonly HistoryEntry[] {
    return this.#writes.get(handling.seq) ?? [];
  }

  /** The requests received during a handling, in order. */
  requestsOf(handling: Handling): readonly SystemRequest[] {
    return this.#requestsOf.get(handling.seq) ?? [];
  }

  /** Whether a handling wrote anything anywhere: a CRM change, or a write request any system answered with success. */
  wroteAnything(handling: Handling): boolean {
    if (this.writesOf(handling).length > 0) return true;
    return this.requestsOf(handling).some(isSuccessfulWrite);
  }

  /** Every handling of a delivery id (its deliveries' and repeats'), in order. */
  handlingsOfId(id: string): readonly Handling[] {
    return this.#handlingsOfId.get(id) ?? [];
  }

  /** The changes of one record, oldest first. */
  historyOf(recordId: string): readonly HistoryEntry[] {
    return this.#byRecord.get(normalizeId(recordId) ?? recordId) ?? [];
  }

  /** The creation of a record (its first history entry). */
  createdBy(recordId: string): HistoryEntry | undefined {
    return this.historyOf(recordId)[0];
  }

  /** A change's position in the whole history. */
  position(entry: HistoryEntry): number {
    return this.#position.get(entry) ?? -1;
  }

  /** The position just before a handling's first change (or, when it changed nothing, after every change made by its start). */
  startOf(handling: Handling): number {
    const first = this.writesOf(handling)[0];
    return first ? this.position(first) : this.#countUntil(handling.startedAt);
  }

  /** The position just after a handling's last change (or, when it changed nothing, after every change made by its end). */
  endOf(handling: Handling): number {
    const writes = this.writesOf(handling);
    const last = writes[writes.length - 1];
    return last ? this.position(last) + 1 : this.#countUntil(handling.finishedAt ?? handling.startedAt);
  }

  /** The position after every change made at or before simulated time `t`. */
  at(t: number): number {
    return this.#countUntil(t);
  }

  /** A field's value at a position: the record's value now with every later change undone. */
  valueAt(recordId: string, field: string, position: number): unknown {
    const found = this.crm.byId(recordId);
    let value: unknown = found?.record[field];
    const entries = this.historyOf(recordId);
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i]!;
      if (this.position(entry) < position) break;
      if (entry.field === field) value = entry.oldValue;
    }
    return value;
  }

  /** Whether a record existed at a position (its creation came before it). */
  existedAt(recordId: string, position: number): boolean {
    const created = this.createdBy(recordId);
    return created !== undefined && this.position(created) < position;
  }

  /**
   * The live person (a lead not converted, or a contact) whose email standardizes to `email` at a position:
   * among several, one written during `handling`, else the contact, else the oldest.
   */
  personAt(email: string, position: number, handling?: Handling): PersonRef | undefined {
    const written = new Set(handling ? this.writesOf(handling).map((e) => e.recordId) : []);
    let best: { ref: PersonRef; rank: number } | undefined;
    for (const id of this.#peopleByEmail.get(email) ?? []) {
      const found = this.crm.byId(id);
      if (!found || (found.type !== 'Lead' && found.type !== 'Contact')) continue;
      if (!this.existedAt(id, position) || emailKey(this.valueAt(id, 'Email', position)) !== email) continue;
      if (this.valueAt(id, 'IsDeleted', position) === true || this.valueAt(id, 'IsConverted', position) === true) continue;
      const rank = written.has(id) ? 0 : found.type === 'Contact' ? 1 : 2;
      if (best === undefined || rank < best.rank) best = { ref: { type: found.type, id }, rank };
    }
    return best?.ref;
  }

  /**
   * The changes Marketo and Impartner recorded in their field histories while a handling ran (they keep no request
   * ids, so the handling's time span says which are its own: deliveries are handled one at a time, and simulated time
   * moves on before each request, so a change at the very start belongs to what came before).
   */
  otherChangesIn(handling: Handling): { readonly system: 'marketo' | 'impartner'; readonly record: string; readonly field: string }[] {
    const from = handling.startedAt;
    const to = handling.finishedAt ?? handling.startedAt;
    this.#others ??= [
      ...this.run.world.marketo.history().map((e) => ({ system: 'marketo' as const, record: `lead ${e.leadId}`, field: e.field, at: Date.parse(e.at), source: e.source })),
      ...this.run.world.impartner.history().map((e) => ({ system: 'impartner' as const, record: `${e.object} ${e.recordId}`, field: e.field, at: Date.parse(e.at), source: e.source })),
    ];
    return this.#others.filter((e) => e.at > from && e.at <= to && e.source === 'api').map(({ system, record, field }) => ({ system, record, field }));
  }

  /** The campaign members (deleted ones too) that link a person, by its lead or contact id (indexed on first use). */
  membersOf(personId: string): readonly SRecord[] {
    if (this.#members === undefined) {
      this.#members = new Map();
      for (const member of this.crm.records('CampaignMember', { includeDeleted: true })) {
        for (const link of ['LeadId', 'ContactId']) {
          const id = member[link];
          if (typeof id === 'string' && id !== '') push(this.#members, id, member);
        }
      }
    }
    return this.#members.get(personId) ?? [];
  }

  /** The deliveries of the run in order, without the repeats. */
  firstDeliveries(): Delivery[] {
    return this.deliveries.deliveries.filter((d) => !d.repeat);
  }

  #countUntil(t: number): number {
    let lo = 0;
    let hi = this.history.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.history[mid]!.at <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const cache = new WeakMap<RunRecord, RunEvidence | null>();

/**
 * The evidence of a run, indexed once (cached per run record); undefined for a run record without a request log
 * and a delivery log (one built by hand), whose evidence forms then have nothing to read.
 */
export function evidenceOf(run: RunRecord): RunEvidence | undefined {
  const known = cache.get(run);
  if (known !== undefined) return known ?? undefined;
  const { crm, requests, deliveries } = run.world as Partial<RunRecord['world']>;
  const evidence = crm && requests && deliveries ? new RunEvidence(run, crm, requests, deliveries) : undefined;
  cache.set(run, evidence ?? null);
  return evidence;
}

/** An email as the evidence compares people: standardized when valid, else trimmed and lower-cased. */
export function emailKey(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const standard = standardizeEmail(value);
  return standard.ok ? standard.email : value.trim().toLowerCase();
}

/** A request that changed something: a POST, PUT, PATCH or DELETE answered 2xx (a Marketo read tunnelled as POST counts). */
export function isSuccessfulWrite(request: SystemRequest): boolean {
  return request.method !== 'GET' && request.method !== 'HEAD' && request.status !== undefined && request.status >= 200 && request.status < 300 && !isReadOnlyPath(request);
}

/** Requests that POST but change nothing: queries, token calls, Marketo's `_method=GET` tunnel, SOSL. */
function isReadOnlyPath(request: SystemRequest): boolean {
  const p = request.path;
  return /\/oauth2?\/token|\/identity\/oauth\/token|_method=GET|\/parameterizedSearch|\/composite\/sobjects\/\w+\?|\/query/.test(p);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function add<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
