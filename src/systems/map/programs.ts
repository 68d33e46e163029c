import type { SimClock } from '../../core/clock.ts';
import { ACTIVITY_TYPES, type ActivityLog } from './activityLog.ts';
import type { FolderRef } from './folders.ts';
import type { LeadDatabase } from './leadDatabase.ts';
import { failure, invalidData, marketoError, type MarketoError, type MarketoResult } from './marketoError.ts';
import { marketoTime } from './marketoTime.ts';

/** Progression statuses a program gets when none are given (an event/webinar channel). */
export const DEFAULT_PROGRAM_STATUSES = ['Not in Program', 'Invited', 'Registered', 'Attended', 'No Show', 'Engaged', 'Member'] as const;

/** Statuses that count as success by default. */
const DEFAULT_SUCCESS_STATUSES = ['Attended', 'Engaged'];

/** A program cost entry (`{"startDate":"2015-01-01","cost":2000}`). */
export interface ProgramCost {
  readonly startDate: string;
  readonly cost: number;
  readonly note?: string;
}

/** A program with its channel's progression statuses. Times are epoch ms. */
export interface Program {
  readonly id: number;
  readonly name: string;
  readonly channel: string;
  readonly statuses: readonly string[];
  readonly successStatuses: readonly string[];
  /** `Default`, `Event`, `Event with Webinar`, `Engagement` or `Email`. */
  readonly type: string;
  readonly description: string;
  readonly folder: FolderRef;
  readonly costs: readonly ProgramCost[] | null;
  readonly tags: readonly { readonly tagType: string; readonly tagValue: string }[] | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** Options of {@link Programs.create}. */
export interface ProgramOptions {
  readonly name: string;
  /** Default "Webinar". */
  readonly channel?: string;
  /** Default {@link DEFAULT_PROGRAM_STATUSES}. */
  readonly statuses?: readonly string[];
  /** Default Attended and Engaged (those present in `statuses`). */
  readonly successStatuses?: readonly string[];
  /** Program type; default `Default`. */
  readonly type?: string;
  readonly description?: string;
  /** Default Marketing Activities › Programs (folders.ts). */
  readonly folder?: FolderRef;
  readonly costs?: readonly ProgramCost[] | null;
  readonly tags?: readonly { readonly tagType: string; readonly tagValue: string }[] | null;
}

/** Programs and their members in a world snapshot. */
export type ProgramsState = readonly { readonly program: Program; readonly members: readonly ProgramMember[] }[];

/** A program member, as `GET /rest/v1/programs/{id}/members.json` returns it. */
export interface ProgramMember {
  readonly leadId: number;
  readonly programId: number;
  readonly statusName: string;
  readonly reachedSuccess: boolean;
  readonly membershipDate: string;
  readonly updatedAt: string;
  readonly acquiredBy: boolean;
}

/** Result of one member status change. */
export type MemberStatusResult =
  | { readonly seq: number; readonly leadId: number; readonly status: 'created' | 'updated' }
  | { readonly seq: number; readonly leadId: number; readonly status: 'skipped'; readonly reasons: readonly MarketoError[] };

/** Programs and their members; a status change logs a Change Status in Progression activity. */
export class Programs {
  readonly #clock: SimClock;
  readonly #db: LeadDatabase;
  readonly #activities: ActivityLog;
  readonly #programs = new Map<number, { program: Program; members: Map<number, ProgramMember> }>();

  constructor(clock: SimClock, db: LeadDatabase, activities: ActivityLog) {
    this.#clock = clock;
    this.#db = db;
    this.#activities = activities;
  }

  /** Creates a program. Program ids start at 1001 so they are easy to tell from list ids in traces. */
  create(options: ProgramOptions): Program {
    const statuses = options.statuses ?? DEFAULT_PROGRAM_STATUSES;
    const now = this.#clock.now();
    const program: Program = {
      id: Math.max(1000, ...this.#programs.keys()) + 1,
      name: options.name,
      channel: options.channel ?? 'Webinar',
      statuses,
      successStatuses: options.successStatuses ?? DEFAULT_SUCCESS_STATUSES.filter((s) => statuses.includes(s)),
      type: options.type ?? 'Default',
      description: options.description ?? '',
      folder: options.folder ?? { id: 4, type: 'Folder' },
      costs: options.costs ?? null,
      tags: options.tags ?? null,
      createdAt: now,
      updatedAt: now,
    };
    this.#programs.set(program.id, { program, members: new Map() });
    return program;
  }

  /** The program with this id or name, or undefined. */
  get(idOrName: number | string): Program | undefined {
    if (typeof idOrName === 'number') return this.#programs.get(idOrName)?.program;
    for (const { program } of this.#programs.values()) if (program.name === idOrName) return program;
    return undefined;
  }

  /** Every program, in id order. */
  all(): Program[] {
    return [...this.#programs.values()].map((e) => e.program).sort((a, b) => a.id - b.id);
  }

  /** Changes a program's name, description, costs or tags (channel and type are fixed at creation). */
  update(id: number, changes: { name?: string; description?: string; costs?: readonly ProgramCost[] | null; tags?: Program['tags'] }): Program | undefined {
    const entry = this.#programs.get(id);
    if (!entry) return undefined;
    entry.program = { ...entry.program, ...changes, updatedAt: this.#clock.now() };
    return entry.program;
  }

  /** Deletes a program and its memberships; false when there is none. */
  delete(id: number): boolean {
    return this.#programs.delete(id);
  }

  /** Takes a deleted lead out of every program. */
  forget(leadId: number): void {
    for (const { members } of this.#programs.values()) members.delete(leadId);
  }

  /** A lead's membership in every program it is a member of, in program id order. */
  membershipsOf(leadId: number): { program: Program; member: ProgramMember }[] {
    return this.all().flatMap((program) => {
      const member = this.#programs.get(program.id)!.members.get(leadId);
      return member ? [{ program, member }] : [];
    });
  }

  /** Every program with its members, copied: for a world snapshot. */
  snapshot(): ProgramsState {
    return [...this.#programs.values()].map(({ program, members }) => ({ program, members: [...members.values()] }));
  }

  /** Puts back what {@link snapshot} took. */
  restore(state: ProgramsState): void {
    this.#programs.clear();
    for (const { program, members } of state) this.#programs.set(program.id, { program, members: new Map(members.map((m) => [m.leadId, m])) });
  }

  /** `POST /rest/v1/programs/{id}/members/status.json`: sets each lead's progression status. */
  setStatus(programId: number, statusName: string, leadIds: readonly number[]): MarketoResult<MemberStatusResult> {
    const entry = this.#programs.get(programId);
    if (!entry) return failure({ code: '1013', message: `Program '${programId}' not found` });
    if (!statusName) return failure(marketoError('1002', 'statusName'));
    const status = entry.program.statuses.find((s) => s.toLowerCase() === statusName.toLowerCase());
    if (!status) return failure(invalidData(`Invalid status name '${statusName}' for program '${entry.program.name}'. Valid: ${entry.program.statuses.join(', ')}`));
    if (leadIds.length === 0) return failure(marketoError('701', 'input'));
    const at = marketoTime(this.#clock.now());
    const result = leadIds.map((leadId, seq): MemberStatusResult => {
      if (!this.#db.get(leadId)) return { seq, leadId, status: 'skipped', reasons: [marketoError('1004')] };
      const previous = entry.members.get(leadId);
      entry.members.set(leadId, {
        leadId,
        programId,
        statusName: status,
        reachedSuccess: previous?.reachedSuccess === true || entry.program.successStatuses.includes(status),
        membershipDate: previous?.membershipDate ?? at,
        updatedAt: at,
        acquiredBy: previous?.acquiredBy ?? false,
      });
      if (previous?.statusName !== status) {
        this.#activities.log({
          leadId,
          activityTypeId: ACTIVITY_TYPES.changeStatusInProgression.id,
          primaryAttributeValueId: programId,
          primaryAttributeValue: entry.program.name,
          attributes: [
            { name: 'New Status', value: status },
            { name: 'Old Status', value: previous?.statusName ?? 'Not in Program' },
          ],
        });
      }
      return { seq, leadId, status: previous ? 'updated' : 'created' };
    });
    return { ok: true, result };
  }

  /** Members of a program, in the order they joined; only the given leads or statuses when filtered. */
  members(programId: number, filter?: { leadIds?: readonly number[]; statusNames?: readonly string[] }): readonly ProgramMember[] | undefined {
    const entry = this.#programs.get(programId);
    if (!entry) return undefined;
    const leads = filter?.leadIds ? new Set(filter.leadIds) : undefined;
    const statuses = filter?.statusNames ? new Set(filter.statusNames.map((s) => s.toLowerCase())) : undefined;
    return [...entry.members.values()].filter((m) => (!leads || leads.has(m.leadId)) && (!statuses || statuses.has(m.statusName.toLowerCase())));
  }
}
