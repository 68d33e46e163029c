import type { SimClock } from '../../core/clock.ts';
import { ACTIVITY_TYPES, type ActivityLog } from './activityLog.ts';
import type { LeadDatabase } from './leadDatabase.ts';
import type { FolderRef } from './folders.ts';
import { failure, marketoError, type MarketoError, type MarketoResult } from './marketoError.ts';
import { marketoTime } from './marketoTime.ts';

/** A static list. Times are as the lead database API shows them (`2026-01-05T09:00:00Z`). */
export interface StaticList {
  readonly id: number;
  readonly name: string;
  readonly description: string | null;
  /** The folder or program the list lives in. */
  readonly folder: FolderRef;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Where a list goes when the caller names no folder: Lead Database › Group Lists (folders.ts). */
const DEFAULT_LIST_FOLDER: FolderRef = { id: 5, type: 'Folder' };

/** The lists and their members in a world snapshot. */
export type StaticListsState = readonly { readonly list: StaticList; readonly members: readonly number[] }[];

/** Result of adding, removing or checking one lead. */
export type ListMemberResult =
  | { readonly id: number; readonly status: 'added' | 'removed' | 'memberof' | 'notmemberof' }
  | { readonly id: number; readonly status: 'skipped'; readonly reasons: readonly MarketoError[] };

/** Most leads per list call. */
const MAX_LIST_BATCH = 300;

/** Static lists of the simulated Marketo: ids from a counter, membership in insertion order. */
export class StaticLists {
  readonly #clock: SimClock;
  readonly #db: LeadDatabase;
  readonly #activities: ActivityLog;
  readonly #lists = new Map<number, { list: StaticList; members: Set<number> }>();

  constructor(clock: SimClock, db: LeadDatabase, activities: ActivityLog) {
    this.#clock = clock;
    this.#db = db;
    this.#activities = activities;
  }

  /** Creates an empty static list (ids from a counter; the caller checks the name is free). */
  create(name: string, options: { folder?: FolderRef; description?: string | null } = {}): StaticList {
    const at = marketoTime(this.#clock.now());
    const id = Math.max(0, ...this.#lists.keys()) + 1;
    const list: StaticList = { id, name, description: options.description ?? null, folder: options.folder ?? DEFAULT_LIST_FOLDER, createdAt: at, updatedAt: at };
    this.#lists.set(list.id, { list, members: new Set() });
    return list;
  }

  /** The list with this id, or undefined. */
  get(id: number): StaticList | undefined {
    return this.#lists.get(id)?.list;
  }

  /** The list with exactly this name, or undefined. */
  byName(name: string): StaticList | undefined {
    for (const { list } of this.#lists.values()) if (list.name === name) return list;
    return undefined;
  }

  /** Every list, in id order. */
  all(): StaticList[] {
    return [...this.#lists.values()].map((e) => e.list).sort((a, b) => a.id - b.id);
  }

  /** Changes a list's name or description. */
  update(id: number, changes: { name?: string; description?: string | null }): StaticList | undefined {
    const entry = this.#lists.get(id);
    if (!entry) return undefined;
    entry.list = { ...entry.list, ...changes, updatedAt: marketoTime(this.#clock.now()) };
    return entry.list;
  }

  /** Deletes a list and its memberships; false when there is none. */
  delete(id: number): boolean {
    return this.#lists.delete(id);
  }

  /** Takes a deleted lead out of every list. */
  forget(leadId: number): void {
    for (const { members } of this.#lists.values()) members.delete(leadId);
  }

  /** Ids of the lists a lead is a member of, in list id order. */
  listsOf(leadId: number): number[] {
    return this.all().filter((list) => this.#lists.get(list.id)!.members.has(leadId)).map((list) => list.id);
  }

  /** Every list with its members, copied: for a world snapshot. */
  snapshot(): StaticListsState {
    return [...this.#lists.values()].map(({ list, members }) => ({ list, members: [...members] }));
  }

  /** Puts back what {@link snapshot} took. */
  restore(state: StaticListsState): void {
    this.#lists.clear();
    for (const { list, members } of state) this.#lists.set(list.id, { list, members: new Set(members) });
  }

  /** Member lead ids of a list, in the order they were added. */
  memberIds(listId: number): readonly number[] | undefined {
    const entry = this.#lists.get(listId);
    return entry ? [...entry.members] : undefined;
  }

  /** `POST /rest/v1/lists/{id}/leads.json`: adds leads; unknown leads are skipped with 1004. */
  add(listId: number, leadIds: readonly number[]): MarketoResult<ListMemberResult> {
    return this.#each(listId, leadIds, (members, id, list) => {
      if (!members.has(id)) {
        members.add(id);
        this.#activities.log({ leadId: id, activityTypeId: ACTIVITY_TYPES.addToList.id, primaryAttributeValueId: list.id, primaryAttributeValue: list.name, attributes: [] });
      }
      return { id, status: 'added' };
    });
  }

  /** `DELETE /rest/v1/lists/{id}/leads.json`: removes leads; a lead not in the list is skipped with 1015. */
  remove(listId: number, leadIds: readonly number[]): MarketoResult<ListMemberResult> {
    return this.#each(listId, leadIds, (members, id, list) => {
      if (!members.delete(id)) return { id, status: 'skipped', reasons: [marketoError('1015')] };
      this.#activities.log({ leadId: id, activityTypeId: ACTIVITY_TYPES.removeFromList.id, primaryAttributeValueId: list.id, primaryAttributeValue: list.name, attributes: [] });
      return { id, status: 'removed' };
    });
  }

  /** `GET /rest/v1/lists/{id}/leads/ismember.json`. */
  isMember(listId: number, leadIds: readonly number[]): MarketoResult<ListMemberResult> {
    return this.#each(listId, leadIds, (members, id) => ({ id, status: members.has(id) ? 'memberof' : 'notmemberof' }));
  }

  #each(listId: number, leadIds: readonly number[], fn: (members: Set<number>, id: number, list: StaticList) => ListMemberResult): MarketoResult<ListMemberResult> {
    const entry = this.#lists.get(listId);
    if (!entry) return failure({ code: '1013', message: `Static list '${listId}' not found` });
    if (leadIds.length === 0) return failure(marketoError('701', 'input'));
    if (leadIds.length > MAX_LIST_BATCH) return failure({ code: '1003', message: `Too many leads: ${leadIds.length} (at most ${MAX_LIST_BATCH})` });
    const result = leadIds.map((id): ListMemberResult =>
      this.#db.get(id) ? fn(entry.members, id, entry.list) : { id, status: 'skipped', reasons: [marketoError('1004')] },
    );
    return { ok: true, result };
  }
}
