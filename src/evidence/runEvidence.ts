import type { RunRecord } from '../simulation/runRecord.ts';
import type { Crm } from '../systems/crm/crm.ts';
import type { FieldHistoryReader, HistoryEntry } from '../systems/crm/fieldHistory.ts';
import type { SRecord } from '../systems/crm/recordSource.ts';
import { standardizeEmail } from '../standardize/email.ts';
import type { Delivery, DeliveryLog, Handling } from './deliveryLog.ts';
import { readDelivery, type DeliveryReading } from './deliveryReading.ts';
import type { SystemRequest, SystemRequestLog } from './systemRequestLog.ts';

/** A CRM person as the evidence names it. */
export interface PersonRef {
  readonly type: 'Lead' | 'Contact';
  readonly id: string;
}

/** A change of the CRM's field history as the evidence hands it out: the entry, and its position in the whole history. */
export interface Change extends HistoryEntry {
  /** The entry's index in the CRM's whole field history (0 is the oldest change). */
  readonly position: number;
}

/**
 * The evidence any pipeline leaves, indexed once per check so that every evidence-form invariant is linear in the
 * run's size: the CRM's records and field history (who changed which field, when, through which request), the
 * systems' request log (what was asked, with which credential, while handling which delivery), and the delivery log
 * (what the pipeline was asked to do and what it answered). Positions are indexes into the CRM's whole field
 * history, in the order changes happened: "the value at position p" is the value after the first p changes. The
 * history is read where the CRM keeps it (by index, a column at a time); only the changes asked for become objects.
 * Build it through {@link withEvidence} / {@link evidenceOf}, which keep it no longer than the check that reads it.
 */
export class RunEvidence {
  readonly run: RunRecord;
  readonly crm: Crm;
  readonly requests: SystemRequestLog;
  readonly deliveries: DeliveryLog;
  /**
   * Every handling in the delivery log when the evidence was indexed, read from it once (`handlings[seq - 1]`): the
   * evidence hands out these, the same object for the same handling, rather than reading one again per question.
   */
  readonly handlings: readonly Handling[];
  /** The pipeline's own Salesforce credential: the integration user `env.salesforce` authenticates as. */
  readonly pipelineUserId: string;
  /** Number of changes in the CRM's field history when the evidence was indexed. */
  readonly length: number;
  readonly #history: FieldHistoryReader;
  readonly #at: (position: number) => number;
  readonly #field: (position: number) => string;
  readonly #recordId: (position: number) => string;
  readonly #object: (position: number) => string;
  readonly #oldValue: (position: number) => unknown;
  readonly #newValue: (position: number) => unknown;
  readonly #userId: (position: number) => string;
  readonly #workflow: (position: number) => string | undefined;
  readonly #requestId: (position: number) => string | undefined;
  /** The positions of each handling's changes: those of handling `seq` are `#writes[#writeStart[seq - 1] … #writeStart[seq])`. */
  readonly #writeStart: Int32Array;
  readonly #writes: Int32Array;
  readonly #byField = new Map<string, Int32Array>();
  readonly #requestsOf = new Map<number, SystemRequest[]>();
  readonly #handlingsOfId = new Map<string, Handling[]>();
  readonly #peopleByEmail = new Map<string, Set<string>>();
  /** Readings by delivery seq. */
  readonly #readings = new Map<number, DeliveryReading>();
  #members: Map<string, SRecord[]> | undefined;
  #others: { system: 'marketo' | 'impartner'; record: string; field: string; at: number; source: string }[] | undefined;

  constructor(run: RunRecord, crm: Crm, requests: SystemRequestLog, deliveries: DeliveryLog) {
    this.run = run;
    this.crm = crm;
    this.requests = requests;
    this.deliveries = deliveries;
    this.pipelineUserId = crm.integrationUserId;
    const history = crm.fieldHistory;
    this.#history = history;
    this.length = history.length;
    this.#at = history.column('at');
    this.#field = history.column('field');
    this.#recordId = history.column('recordId');
    this.#object = history.column('object');
    this.#oldValue = history.column('oldValue');
    this.#newValue = history.newValues();
    this.#userId = history.column('userId');
    this.#workflow = history.column('workflow');
    this.#requestId = history.column('requestId');
    const handlingOf = new Int32Array(this.length);
    this.handlings = deliveries.handlings;
    const handlings = this.handlings.length;
    const counts = new Int32Array(handlings + 1);
    for (let i = 0; i < this.length; i++) {
      const requestId = this.#requestId(i);
      const seq = requestId === undefined ? undefined : requests.handlingOf(requestId);
      if (seq !== undefined && seq >= 1 && seq <= handlings) {
        handlingOf[i] = seq;
        counts[seq]! += 1;
      }
      if (this.#field(i) !== 'Email') continue;
      const object = this.#object(i);
      if (object !== 'Lead' && object !== 'Contact') continue;
      const email = emailKey(this.#newValue(i));
      if (email !== undefined) add(this.#peopleByEmail, email, this.#recordId(i));
    }
    this.#writeStart = new Int32Array(counts.length);
    for (let seq = 1; seq < counts.length; seq++) this.#writeStart[seq] = this.#writeStart[seq - 1]! + counts[seq]!;
    this.#writes = new Int32Array(this.#writeStart[counts.length - 1] ?? 0);
    const next = this.#writeStart.slice();
    for (let i = 0; i < this.length; i++) if (handlingOf[i]! > 0) this.#writes[next[handlingOf[i]! - 1]!++] = i;
    for (const request of requests.list()) if (request.handling !== undefined) push(this.#requestsOf, request.handling, request);
    for (const handling of this.handlings) push(this.#handlingsOfId, handling.id, handling);
  }

  /** The new value of the change at a position (worked out once per check for the whole history). */
  newValue(position: number): unknown {
    return this.#newValue(position);
  }

  /** The change at a position, as a new object. */
  change(position: number): Change {
    const recordId = this.#recordId(position);
    const object = this.#object(position);
    const field = this.#field(position);
    const oldValue = this.#oldValue(position);
    const newValue = this.#newValue(position);
    const userId = this.#userId(position);
    const workflow = this.#workflow(position);
    const requestId = this.#requestId(position);
    const at = this.#at(position);
    // One literal per shape: the request id is left out, as the CRM's history leaves it out, for changes made without the API.
    if (requestId === undefined) return { recordId, object, field, oldValue, newValue, userId, workflow, at, position };
    return { recordId, object, field, oldValue, newValue, userId, workflow, requestId, at, position };
  }

  /** Every change of one field (of any object), oldest first, as new objects (the positions are indexed on first use). */
  changesTo(field: string): Change[] {
    let positions = this.#byField.get(field);
    if (positions === undefined) {
      const found: number[] = [];
      for (let i = 0; i < this.length; i++) if (this.#field(i) === field) found.push(i);
      positions = Int32Array.from(found);
      this.#byField.set(field, positions);
    }
    return Array.from(positions, (p) => this.change(p));
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
    const seq = entry.requestId === undefined ? undefined : this.requests.handlingOf(entry.requestId);
    return seq === undefined ? undefined : this.handlings[seq - 1];
  }

  /** The handling with this `seq`. */
  handling(seq: number | undefined): Handling | undefined {
    return seq === undefined ? undefined : this.handlings[seq - 1];
  }

  /** The CRM changes made during a handling, in order, as new objects: all, or those of one record (and field). */
  writesOf(handling: Handling, recordId?: string, field?: string): Change[] {
    const out: Change[] = [];
    for (const p of this.#writesAt(handling)) {
      if ((recordId === undefined || this.#recordId(p) === recordId) && (field === undefined || this.#field(p) === field)) out.push(this.change(p));
    }
    return out;
  }

  /** The requests received during a handling, in order. */
  requestsOf(handling: Handling): readonly SystemRequest[] {
    return this.#requestsOf.get(handling.seq) ?? [];
  }

  /** Whether a handling wrote anything anywhere: a CRM change, or a write request any system answered with success. */
  wroteAnything(handling: Handling): boolean {
    if (this.#writesAt(handling).length > 0) return true;
    return this.requestsOf(handling).some(isSuccessfulWrite);
  }

  /** Every handling of a delivery id (its deliveries' and repeats'), in order. */
  handlingsOfId(id: string): readonly Handling[] {
    return this.#handlingsOfId.get(id) ?? [];
  }

  /** The changes of one record, oldest first, as new objects. */
  historyOf(recordId: string): Change[] {
    const out: Change[] = [];
    for (let i = this.#newest(recordId); i >= 0; i = this.#history.previous(i)) out.push(this.change(i));
    return out.reverse();
  }

  /** A record's first change of one field, undefined when it never changed. */
  firstChangeTo(recordId: string, field: string): Change | undefined {
    let first = -1;
    for (let i = this.#newest(recordId); i >= 0; i = this.#history.previous(i)) if (this.#field(i) === field) first = i;
    return first < 0 ? undefined : this.change(first);
  }

  /** The position of the last change a request made to a record, -1 when it made none. */
  lastChangeBy(recordId: string, requestId: string): number {
    for (let i = this.#newest(recordId); i >= 0; i = this.#history.previous(i)) if (this.#requestId(i) === requestId) return i;
    return -1;
  }

  /** The position of a record's creation (its first history entry), -1 when it has none. */
  creationOf(recordId: string): number {
    return this.#oldest(recordId);
  }

  /** The creation of a record (its first history entry). */
  createdBy(recordId: string): Change | undefined {
    const first = this.#oldest(recordId);
    return first < 0 ? undefined : this.change(first);
  }

  /** A change's position in the whole history. */
  position(entry: Change): number {
    return entry.position;
  }

  /** The position just before a handling's first change (or, when it changed nothing, after every change made by its start). */
  startOf(handling: Handling): number {
    const writes = this.#writesAt(handling);
    return writes.length > 0 ? writes[0]! : this.#countUntil(handling.startedAt);
  }

  /** The position just after a handling's last change (or, when it changed nothing, after every change made by its end). */
  endOf(handling: Handling): number {
    const writes = this.#writesAt(handling);
    return writes.length > 0 ? writes[writes.length - 1]! + 1 : this.#countUntil(handling.finishedAt ?? handling.startedAt);
  }

  /** The position after every change made at or before simulated time `t`. */
  at(t: number): number {
    return this.#countUntil(t);
  }

  /** A field's value at a position: the record's value now with every later change undone. */
  valueAt(recordId: string, field: string, position: number): unknown {
    const found = this.crm.byId(recordId);
    return this.#history.valueBefore(recordId, field, found?.record[field], (i) => i < position);
  }

  /** Whether a record existed at a position (its creation came before it). */
  existedAt(recordId: string, position: number): boolean {
    const created = this.#oldest(recordId);
    return created >= 0 && created < position;
  }

  /**
   * The live person (a lead not converted, or a contact) whose email standardizes to `email` at a position:
   * among several, one written during `handling`, else the contact, else the oldest.
   */
  personAt(email: string, position: number, handling?: Handling): PersonRef | undefined {
    const candidates = this.#peopleByEmail.get(email);
    if (candidates === undefined) return undefined;
    const written = new Set(handling ? Array.from(this.#writesAt(handling), this.#recordId) : []);
    let best: { ref: PersonRef; rank: number } | undefined;
    for (const id of candidates) {
      const found = this.crm.byId(id);
      if (!found || (found.type !== 'Lead' && found.type !== 'Contact')) continue;
      const then = this.#personAt(id, found.record, position);
      if (then === undefined || emailKey(then.Email) !== email || then.IsDeleted === true || then.IsConverted === true) continue;
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

  /** leadsim's reading of a delivery ({@link readDelivery}), made once per evidence. */
  readingOf(delivery: Delivery): DeliveryReading {
    let reading = this.#readings.get(delivery.seq);
    if (reading === undefined) {
      reading = readDelivery(delivery);
      this.#readings.set(delivery.seq, reading);
    }
    return reading;
  }

  /** The deliveries of the run in order, without the repeats. */
  firstDeliveries(): Delivery[] {
    return this.deliveries.deliveries.filter((d) => !d.repeat);
  }

  /** A person's Email, IsDeleted and IsConverted at a position (one walk over its changes); undefined when it did not exist yet. */
  #personAt(recordId: string, record: SRecord, position: number): { Email: unknown; IsDeleted: unknown; IsConverted: unknown } | undefined {
    const then = { Email: record['Email'], IsDeleted: record['IsDeleted'], IsConverted: record['IsConverted'] };
    let oldest = -1;
    for (let i = this.#newest(recordId); i >= 0; i = this.#history.previous(i)) {
      oldest = i;
      if (i < position) continue;
      const field = this.#field(i);
      if (field === 'Email' || field === 'IsDeleted' || field === 'IsConverted') then[field] = this.#oldValue(i);
    }
    return oldest >= 0 && oldest < position ? then : undefined;
  }

  /** The positions of a handling's changes, in order. */
  #writesAt(handling: Handling): Int32Array {
    const seq = handling.seq;
    if (seq < 1 || seq >= this.#writeStart.length) return EMPTY;
    return this.#writes.subarray(this.#writeStart[seq - 1], this.#writeStart[seq]);
  }

  /** A record's newest change within the indexed history, -1 when none. */
  #newest(recordId: string): number {
    let i = this.#history.newest(recordId);
    while (i >= this.length) i = this.#history.previous(i);
    return i;
  }

  #oldest(recordId: string): number {
    const newest = this.#newest(recordId);
    return newest < 0 ? -1 : this.#history.oldest(recordId);
  }

  #countUntil(t: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#at(mid) <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const EMPTY = new Int32Array(0);

/** The evidence of the runs being read right now (see {@link withEvidence}); a run has an entry only while one is open. */
const open = new Map<RunRecord, { evidence?: RunEvidence | undefined; shared?: Map<string, unknown>; readers: number }>();

/**
 * Runs `read` with the run's evidence indexed at most once for every {@link evidenceOf} inside it (a check of many
 * invariants, a report), on first use, and lets the index go when the outermost call returns: the index costs memory
 * in proportion to the run, and lives only as long as the reading. Calls nest; an inner call shares the outer's index.
 */
export function withEvidence<T>(run: RunRecord, read: () => T): T {
  const scope = open.get(run) ?? { readers: 0 };
  scope.readers += 1;
  open.set(run, scope);
  try {
    return read();
  } finally {
    scope.readers -= 1;
    if (scope.readers === 0) open.delete(run);
  }
}

/**
 * The evidence of a run: the one indexed by the enclosing {@link withEvidence}, else indexed now for this caller alone
 * (nothing keeps it); undefined for a run record without a request log and a delivery log (one built by hand), whose
 * evidence forms then have nothing to read.
 */
export function evidenceOf(run: RunRecord): RunEvidence | undefined {
  const scope = open.get(run);
  if (scope === undefined) return buildEvidence(run);
  if (!('evidence' in scope)) scope.evidence = buildEvidence(run);
  return scope.evidence;
}

/**
 * What `compute` returns for a run, computed once per enclosing {@link withEvidence} and shared by every caller inside
 * it (outside one, each call computes it again): for what several invariants of one check read, such as the traces in
 * the order they routed, kept no longer than the check. `key` names it; `compute` must depend on the run alone.
 */
export function sharedWhileReading<T>(run: RunRecord, key: string, compute: () => T): T {
  const scope = open.get(run);
  if (scope === undefined) return compute();
  scope.shared ??= new Map();
  if (!scope.shared.has(key)) scope.shared.set(key, compute());
  return scope.shared.get(key) as T;
}

function buildEvidence(run: RunRecord): RunEvidence | undefined {
  const { crm, requests, deliveries } = run.world as Partial<RunRecord['world']>;
  return crm && requests && deliveries ? new RunEvidence(run, crm, requests, deliveries) : undefined;
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
