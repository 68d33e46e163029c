import type { SimClock } from '../../core/clock.ts';
import { ACTIVITY_TYPES, type ActivityLog } from './activityLog.ts';
import type { LeadDatabase } from './leadDatabase.ts';
import { failure, marketoError, type MarketoError, type MarketoResult } from './marketoError.ts';
import { marketoTime } from './marketoTime.ts';

/** A static list. */
export interface StaticList {
  readonly id: number;
  readonly name: string;
  readonly createdAt: string;
}

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

  /** Creates an empty static list. */
  create(name: string): StaticList {
    const list: StaticList = { id: this.#lists.size + 1, name, createdAt: marketoTime(this.#clock.now()) };
    this.#lists.set(list.id, { list, members: new Set() });
    return list;
  }

  /** The list with this id, or undefined. */
  get(id: number): StaticList | undefined {
    return this.#lists.get(id)?.list;
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
