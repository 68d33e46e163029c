import type { SimClock } from '../../core/clock.ts';
import { ActivityLog, ACTIVITY_TYPES, type Activity, type ActivityPageOptions } from './activityLog.ts';
import { AssetCatalog } from './assetCatalog.ts';
import { CallLimiter, type CallLimiterState, type MarketoLimits } from './callLimiter.ts';
import type { LimitEpisode } from '../limitLog.ts';
import { Folders, type Folder } from './folders.ts';
import { findLeads, resolveFields, viewLead, encodePageToken, decodePageToken, type FindLeadsPaging, type LeadView } from './findLeads.ts';
import { LEAD_FIELDS } from './leadFields.ts';
import { LeadDatabase, type LeadDatabaseState, type LeadHistoryEntry, type MarketoLead } from './leadDatabase.ts';
import { failure, invalidData, marketoError, type MarketoError, type MarketoResult } from './marketoError.ts';
import { MarketoIdentity, type MarketoIdentityError, type MarketoTokenResponse } from './marketoIdentity.ts';
import type { TokenMint } from '../../core/tokenMint.ts';
import { marketoTime } from './marketoTime.ts';
import { Programs, type MemberStatusResult, type Program, type ProgramMember, type ProgramOptions, type ProgramsState } from './programs.ts';
import { StaticLists, type ListMemberResult, type StaticList, type StaticListsState } from './staticLists.ts';
import { submitForm, type FormFillEvent, type SubmitFormRequest } from './submitForm.ts';
import { syncLeads, type SyncLeadResult, type SyncLeadsRequest } from './syncLeads.ts';

/** Options of {@link Marketo}. */
export interface MarketoOptions {
  readonly clock: SimClock;
  /** API client id. Default `"leadsim-client"`. */
  readonly clientId?: string;
  /** API client secret. Default `"leadsim-secret"`. */
  readonly clientSecret?: string;
  /** Scope returned with tokens. Default `"apis@leadsim.example"`. */
  readonly scope?: string;
  /** API limits; default 100 calls / 20 s and 50,000 calls a day. */
  readonly limits?: MarketoLimits;
  /** Mints access tokens (default: seed 0's); a world passes one drawn from its seed. */
  readonly tokens?: TokenMint;
}

/** The instance's whole state, copied by {@link Marketo.snapshot}. */
export interface MarketoState {
  readonly leads: LeadDatabaseState;
  readonly activities: readonly Activity[];
  readonly lists: StaticListsState;
  readonly programs: ProgramsState;
  readonly folders: readonly Folder[];
  readonly identity: ReturnType<MarketoIdentity['snapshot']>;
  readonly limiter: CallLimiterState;
}

/** A static list as the lead database API shows it (`GET /rest/v1/lists.json`). */
export interface LeadDbList {
  readonly id: number;
  readonly name: string;
  readonly description?: string;
  readonly programName?: string;
  readonly workspaceName: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One entry of `GET /rest/v1/leads/describe.json`. */
export interface LeadFieldDescription {
  readonly id: number;
  readonly displayName: string;
  readonly dataType: string;
  readonly length?: number;
  readonly rest: { readonly name: string; readonly readOnly: boolean };
  readonly soap: { readonly name: string; readonly readOnly: boolean };
}

/** A push-to-program request (`POST /rest/v1/leads/push.json`). */
export interface PushLeadsRequest {
  readonly programName: string;
  readonly lookupField?: string;
  readonly source?: string;
  readonly reason?: string;
  readonly input: readonly Record<string, unknown>[];
}

/**
 * The simulated Marketo (MAP): lead database, form fills, static lists, programs, the activity log, identity tokens
 * and API limits, all in memory on the simulated clock. Pure: the MSW handlers in `mocks/marketo` speak HTTP for it.
 *
 * @example
 * const marketo = new Marketo({ clock });
 * marketo.syncLeads({ action: 'createOrUpdate', lookupField: 'email', input: [{ email: 'ada@example.com' }] });
 */
export class Marketo {
  readonly #clock: SimClock;
  readonly #activities: ActivityLog;
  readonly #db: LeadDatabase;
  readonly #lists: StaticLists;
  readonly #programs: Programs;
  readonly #identity: MarketoIdentity;
  readonly #limiter: CallLimiter;
  readonly #folders: Folders;
  /** The asset API (`/rest/asset/v1`): folders, static lists, programs, channels. */
  readonly assets: AssetCatalog;
  readonly #formListeners = new Set<(event: FormFillEvent) => void>();

  constructor(options: MarketoOptions) {
    this.#clock = options.clock;
    this.#activities = new ActivityLog(options.clock);
    this.#db = new LeadDatabase(options.clock, this.#activities);
    this.#lists = new StaticLists(options.clock, this.#db, this.#activities);
    this.#programs = new Programs(options.clock, this.#db, this.#activities);
    this.#identity = new MarketoIdentity(options.clock, {
      clientId: options.clientId ?? 'leadsim-client',
      clientSecret: options.clientSecret ?? 'leadsim-secret',
      scope: options.scope ?? 'apis@leadsim.example',
    }, options.tokens);
    this.#limiter = new CallLimiter(options.clock, options.limits);
    this.#folders = new Folders(options.clock);
    this.assets = new AssetCatalog(this.#folders, this.#lists, this.#programs);
  }

  /** The instance's whole state, copied: leads, activities, lists, programs, folders, tokens and limits. */
  snapshot(): MarketoState {
    return {
      leads: this.#db.snapshot(),
      activities: [...this.#activities.all()],
      lists: this.#lists.snapshot(),
      programs: this.#programs.snapshot(),
      folders: this.#folders.snapshot(),
      identity: this.#identity.snapshot(),
      limiter: this.#limiter.snapshot(),
    };
  }

  /** The issued tokens (for carrying a client's credentials across a reset). */
  tokens(): MarketoState['identity'] {
    return this.#identity.snapshot();
  }

  /** Replaces the issued tokens with `tokens` (see {@link tokens}). */
  restoreTokens(tokens: MarketoState['identity']): void {
    this.#identity.restore(tokens);
  }

  /** Puts back a state {@link snapshot} took (form-fill listeners stay subscribed). */
  restore(state: MarketoState): void {
    this.#db.restore(state.leads);
    this.#activities.restore(state.activities);
    this.#lists.restore(state.lists);
    this.#programs.restore(state.programs);
    this.#folders.restore(state.folders);
    this.#identity.restore(state.identity);
    this.#limiter.restore(state.limiter);
  }

  // --- identity and limits -------------------------------------------------------------------------------------

  /** `/identity/oauth/token`: a client_credentials token, reused until it expires. */
  token(grantType: string | undefined, clientId: string | undefined, clientSecret: string | undefined): { ok: true; body: MarketoTokenResponse } | { ok: false; body: MarketoIdentityError } {
    return this.#identity.token(grantType, clientId, clientSecret);
  }

  /** Checks a bearer token (600/601/602). */
  checkToken(token: string | undefined): { ok: true } | { ok: false; error: MarketoError } {
    return this.#identity.check(token);
  }

  /** Expires every issued token, so the next REST call gets 602. */
  expireTokens(): void {
    this.#identity.expireAll();
  }

  /** Counts one REST call against the limits, or refuses it (606/607). */
  admitCall(): { ok: true } | { ok: false; error: MarketoError } {
    return this.#limiter.admit();
  }

  /** Changes the API limits (`false` disables one). */
  configureLimits(limits: MarketoLimits): void {
    this.#limiter.configure(limits);
  }

  /** When the limits refused calls: stretches of 606 (rate limit) and of 607 (daily quota), oldest first. */
  limitHits(): { readonly rateLimit: LimitEpisode[]; readonly dailyQuota: LimitEpisode[] } {
    return { rateLimit: this.#limiter.rateHits.episodes(), dailyQuota: this.#limiter.quotaHits.episodes() };
  }

  // --- leads ---------------------------------------------------------------------------------------------------

  /** `POST /rest/v1/leads.json`: per-record results in input order. */
  syncLeads(request: SyncLeadsRequest): MarketoResult<SyncLeadResult> {
    return syncLeads(this.#db, request, 'api');
  }

  /** `GET /rest/v1/leads.json`: leads by a searchable field, paged. */
  findLeads(filterType: string, values: readonly string[], fields?: readonly string[], paging?: FindLeadsPaging): MarketoResult<LeadView> {
    return findLeads(this.#db, filterType, values, fields, paging);
  }

  /** `GET /rest/v1/lead/{id}.json`: one lead (empty result when there is none). */
  getLead(id: number, fields?: readonly string[]): MarketoResult<LeadView> {
    const resolved = resolveFields(fields);
    if (!resolved.ok) return failure(marketoError('1006', resolved.unknown));
    const lead = this.#db.get(id);
    return { ok: true, result: lead ? [viewLead(lead, resolved.fields)] : [] };
  }

  /**
   * `POST /rest/v1/leads/delete.json` (and `DELETE /rest/v1/leads.json`): deletes leads, with their list and program
   * memberships; per lead `{id, status: 'deleted'}`, or skipped with 1004 (at most 300).
   */
  deleteLeads(ids: readonly number[]): MarketoResult<{ id: number; status: 'deleted' } | { id: number; status: 'skipped'; reasons: readonly MarketoError[] }> {
    if (ids.length === 0) return failure(marketoError('701', 'input'));
    if (ids.length > 300) return failure(invalidData(`Too many leads: ${ids.length} (at most 300)`));
    return {
      ok: true,
      result: ids.map((id) => {
        if (!this.#db.delete(id)) return { id, status: 'skipped' as const, reasons: [marketoError('1004')] };
        this.#lists.forget(id);
        this.#programs.forget(id);
        return { id, status: 'deleted' as const };
      }),
    };
  }

  /** `GET /rest/v1/activities/types.json`: the activity types the simulator logs, with their primary attribute. */
  activityTypes(): MarketoResult<unknown> {
    return {
      ok: true,
      result: Object.values(ACTIVITY_TYPES).map((t) => ({ id: t.id, name: t.name, description: t.name, primaryAttribute: { name: t.id === ACTIVITY_TYPES.addToList.id || t.id === ACTIVITY_TYPES.removeFromList.id ? 'List ID' : t.id === ACTIVITY_TYPES.changeStatusInProgression.id ? 'Program ID' : 'Lead ID', dataType: 'integer' }, attributes: [] })),
    };
  }

  /** The stored lead with every field, or undefined (for invariants and tests, not part of the REST API). */
  lead(id: number): MarketoLead | undefined {
    return this.#db.get(id);
  }

  /** Every stored lead, in id order. */
  leads(): MarketoLead[] {
    return [...this.#db.all()];
  }

  /** `GET /rest/v1/leads/describe.json`. */
  describeLeads(): LeadFieldDescription[] {
    return LEAD_FIELDS.map((spec, i) => ({
      id: i + 1,
      displayName: spec.displayName,
      dataType: spec.dataType,
      ...(spec.length !== undefined ? { length: spec.length } : {}),
      rest: { name: spec.name, readOnly: spec.readOnly === true },
      soap: { name: spec.name.charAt(0).toUpperCase() + spec.name.slice(1), readOnly: spec.readOnly === true },
    }));
  }

  /** Field history (`source` api or form), oldest first; one lead's when `leadId` is given. */
  history(leadId?: number): readonly LeadHistoryEntry[] {
    return this.#db.history(leadId);
  }

  // --- forms ---------------------------------------------------------------------------------------------------

  /** `POST /rest/v1/leads/submitForm.json`: upserts by email, logs Fill Out Form, then notifies form-fill listeners. */
  submitForm(request: SubmitFormRequest): MarketoResult<SyncLeadResult> {
    const { result, events } = submitForm(this.#db, this.#activities, request, this.#clock.iso());
    for (const event of events) for (const listener of [...this.#formListeners]) listener(event);
    return result;
  }

  /** Subscribes to form fills; returns the unsubscribe function. Listeners run synchronously, in subscription order. */
  onFormFill(listener: (event: FormFillEvent) => void): () => void {
    this.#formListeners.add(listener);
    return () => this.#formListeners.delete(listener);
  }

  // --- static lists --------------------------------------------------------------------------------------------

  /** Creates a static list (ids from 1), in Lead Database › Group Lists unless a folder is given. */
  createList(name: string, options: { folder?: StaticList['folder']; description?: string } = {}): StaticList {
    return this.#lists.create(name, options);
  }

  /**
   * `GET /rest/v1/lists.json`: static lists, filtered by `id`s, `name`s and `programName`s, paged
   * (https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/lead-database/static-lists is the
   * asset side; this is the lead database's Get Lists).
   */
  lists(filter: { ids?: readonly number[]; names?: readonly string[]; programNames?: readonly string[] } = {}, paging: FindLeadsPaging = {}): MarketoResult<LeadDbList> {
    const lists = this.#lists
      .all()
      .filter((l) => !filter.ids?.length || filter.ids.includes(l.id))
      .filter((l) => !filter.names?.length || filter.names.includes(l.name))
      .map((l) => this.#leadDbList(l))
      .filter((l) => !filter.programNames?.length || (l.programName !== undefined && filter.programNames.includes(l.programName)));
    const offset = paging.nextPageToken === undefined ? 0 : decodePageToken(paging.nextPageToken);
    if (offset === undefined) return failure(invalidData(`Invalid nextPageToken '${paging.nextPageToken}'`));
    const size = Math.min(Math.max(paging.batchSize ?? 300, 1), 300);
    const result = lists.slice(offset, offset + size);
    return offset + size < lists.length ? { ok: true, result, nextPageToken: encodePageToken(offset + size) } : { ok: true, result };
  }

  /** `GET /rest/v1/leads/{id}/listMembership.json`: the static lists a lead belongs to (1004 for an unknown lead). */
  listMembershipOf(leadId: number): MarketoResult<LeadDbList> {
    if (!this.#db.get(leadId)) return failure(marketoError('1004'));
    return { ok: true, result: this.#lists.listsOf(leadId).map((id) => this.#leadDbList(this.#lists.get(id)!)) };
  }

  /** `GET /rest/v1/leads/{id}/programMembership.json`: the programs a lead is a member of, with its status. */
  programMembershipOf(leadId: number): MarketoResult<unknown> {
    if (!this.#db.get(leadId)) return failure(marketoError('1004'));
    return {
      ok: true,
      result: this.#programs.membershipsOf(leadId).map(({ program, member }) => ({
        id: program.id,
        name: program.name,
        description: program.description,
        createdAt: marketoTime(program.createdAt),
        updatedAt: marketoTime(program.updatedAt),
        url: `https://app-sim.marketo.com/#PG${program.id}A1`,
        type: program.type,
        channel: program.channel,
        folder: program.folder,
        membership: { acquiredBy: member.acquiredBy, isExhausted: false, membershipDate: member.membershipDate, progressionStatus: member.statusName, reachedSuccess: member.reachedSuccess, stream: null, nurtureCadence: null },
      })),
    };
  }

  #leadDbList(list: StaticList): LeadDbList {
    const program = list.folder.type === 'Program' ? this.#programs.get(list.folder.id) : undefined;
    return {
      id: list.id,
      name: list.name,
      ...(list.description !== null ? { description: list.description } : {}),
      ...(program ? { programName: program.name } : {}),
      workspaceName: 'Default',
      createdAt: list.createdAt,
      updatedAt: list.updatedAt,
    };
  }

  /** Adds leads to a static list. */
  addToList(listId: number, leadIds: readonly number[]): MarketoResult<ListMemberResult> {
    return this.#lists.add(listId, leadIds);
  }

  /** Removes leads from a static list. */
  removeFromList(listId: number, leadIds: readonly number[]): MarketoResult<ListMemberResult> {
    return this.#lists.remove(listId, leadIds);
  }

  /** Membership of each lead (`memberof` / `notmemberof`). */
  isMemberOfList(listId: number, leadIds: readonly number[]): MarketoResult<ListMemberResult> {
    return this.#lists.isMember(listId, leadIds);
  }

  /** `GET /rest/v1/lists/{id}/leads.json`: members as leads, paged. */
  listMembers(listId: number, fields?: readonly string[], paging: FindLeadsPaging = {}): MarketoResult<LeadView> {
    const ids = this.#lists.memberIds(listId);
    if (!ids) return failure({ code: '1013', message: `Static list '${listId}' not found` });
    const resolved = resolveFields(fields);
    if (!resolved.ok) return failure(marketoError('1006', resolved.unknown));
    const offset = paging.nextPageToken === undefined ? 0 : decodePageToken(paging.nextPageToken);
    if (offset === undefined) return failure(invalidData(`Invalid nextPageToken '${paging.nextPageToken}'`));
    const size = Math.min(Math.max(paging.batchSize ?? 300, 1), 300);
    const result = ids.slice(offset, offset + size).map((id) => viewLead(this.#db.get(id)!, resolved.fields));
    return offset + size < ids.length ? { ok: true, result, nextPageToken: encodePageToken(offset + size) } : { ok: true, result };
  }

  // --- programs ------------------------------------------------------------------------------------------------

  /** Creates a program (ids from 1001). */
  createProgram(options: ProgramOptions): Program {
    return this.#programs.create(options);
  }

  /** The program with this id or name. */
  program(idOrName: number | string): Program | undefined {
    return this.#programs.get(idOrName);
  }

  /** `POST /rest/v1/programs/{id}/members/status.json`. */
  setProgramMemberStatus(programId: number, statusName: string, leadIds: readonly number[]): MarketoResult<MemberStatusResult> {
    return this.#programs.setStatus(programId, statusName, leadIds);
  }

  /** `GET /rest/v1/programs/{id}/members.json`; undefined when the program does not exist. */
  programMembers(programId: number, filter?: { leadIds?: readonly number[]; statusNames?: readonly string[] }): readonly ProgramMember[] | undefined {
    return this.#programs.members(programId, filter);
  }

  /** `POST /rest/v1/leads/push.json`: syncs the leads (createOrUpdate) and makes new ones members of the program. */
  pushLeads(request: PushLeadsRequest): MarketoResult<SyncLeadResult> {
    const program = this.#programs.get(request.programName);
    if (!program) return failure({ code: '1013', message: `Program '${request.programName}' not found` });
    const synced = syncLeads(this.#db, { action: 'createOrUpdate', lookupField: request.lookupField ?? 'email', input: [...request.input] }, 'api');
    if (!synced.ok) return synced;
    const memberStatus = program.statuses.find((s) => s === 'Member') ?? program.statuses.find((s) => s !== 'Not in Program') ?? program.statuses[0]!;
    const existing = new Set((this.#programs.members(program.id) ?? []).map((m) => m.leadId));
    const joining = synced.result.flatMap((r) => ('id' in r && !existing.has(r.id) ? [r.id] : []));
    if (joining.length) this.#programs.setStatus(program.id, memberStatus, joining);
    return synced;
  }

  // --- activities ----------------------------------------------------------------------------------------------

  /** `GET /rest/v1/activities/pagingtoken.json`: a token for activities at or after `since` (epoch ms). */
  activityPagingToken(since: number): string {
    return this.#activities.pagingToken(since);
  }

  /** `GET /rest/v1/activities.json`: one page of activities after the token. */
  activities(token: string, options?: ActivityPageOptions): MarketoResult<Activity> {
    const page = this.#activities.page(token, options);
    if (!page.ok) return failure(invalidData(`Invalid nextPageToken '${token}'`));
    return { ok: true, result: page.result, nextPageToken: page.nextPageToken, moreResult: page.moreResult };
  }

  /** Every activity, oldest first (for tests and invariants). */
  allActivities(): readonly Activity[] {
    return this.#activities.all();
  }
}
