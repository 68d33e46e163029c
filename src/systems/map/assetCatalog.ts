import { CHANNELS, channelByName, type Channel } from './channels.ts';
import type { Folder, FolderRef, Folders } from './folders.ts';
import { failure, invalidData, marketoError, type MarketoResult } from './marketoError.ts';
import { marketoTime } from './marketoTime.ts';
import type { Program, ProgramCost, Programs } from './programs.ts';
import type { StaticList, StaticLists } from './staticLists.ts';

/** Paging and date filters of the asset API's browse calls. */
export interface BrowseOptions {
  /** Default 0. */
  readonly offset?: number;
  /** Default 20, at most 200. */
  readonly maxReturn?: number;
  /** Only assets updated at or after (epoch ms). */
  readonly earliestUpdatedAt?: number;
  /** Only assets updated at or before (epoch ms). */
  readonly latestUpdatedAt?: number;
}

/** The program types the asset API accepts. */
export const PROGRAM_TYPES = ['Default', 'Event', 'Event with Webinar', 'Engagement', 'Email'] as const;

/** When the simulated instance's channels were set up (they are configuration, not data). */
const INSTANCE_SETUP = Date.UTC(2025, 0, 1);

const NOT_FOUND_WARNING = 'No assets found for the given search criteria.';

/** Asset API date-times: `2017-07-27T01:38:33Z+0000`, as Marketo's asset endpoints print them. */
export function assetTime(ms: number): string {
  return `${marketoTime(ms)}+0000`;
}

function listTime(leadDbTime: string): string {
  return `${leadDbTime}+0000`;
}

function found<T>(items: readonly T[]): MarketoResult<T> {
  return items.length ? { ok: true, result: items } : { ok: true, result: [], warnings: [NOT_FOUND_WARNING] };
}

function page<T extends { readonly updatedAt: number }>(items: readonly T[], options: BrowseOptions): T[] {
  const offset = Math.max(0, options.offset ?? 0);
  const max = Math.min(Math.max(1, options.maxReturn ?? 20), 200);
  return items
    .filter((a) => (options.earliestUpdatedAt === undefined || a.updatedAt >= options.earliestUpdatedAt) && (options.latestUpdatedAt === undefined || a.updatedAt <= options.latestUpdatedAt))
    .slice(offset, offset + max);
}

/**
 * The asset API of the simulated Marketo (`/rest/asset/v1/…`): folders, static lists, programs and channels, as
 * documented at https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/assets/ (static-lists,
 * programs, folders, channels). Queries by id or name that find nothing answer `success` with an empty result and
 * a warning; writes that name a missing folder answer 710; a name already taken answers 709. Works over the same
 * lists and programs the lead database API uses.
 */
export class AssetCatalog {
  readonly #folders: Folders;
  readonly #lists: StaticLists;
  readonly #programs: Programs;

  constructor(folders: Folders, lists: StaticLists, programs: Programs) {
    this.#folders = folders;
    this.#lists = lists;
    this.#programs = programs;
  }

  // --- folders -------------------------------------------------------------------------------------------------

  /** `GET /rest/asset/v1/folders.json`: folders under `root` (itself included) down to `maxDepth` levels (default 2). */
  browseFolders(options: BrowseOptions & { root?: FolderRef; maxDepth?: number } = {}): MarketoResult<unknown> {
    const all = this.#folders.all();
    const depthOf = (f: Folder): number => (f.parent && f.parent.type === 'Folder' ? 1 + depthOf(this.#folders.get(f.parent.id) ?? f) : 0);
    const root = options.root ? this.#folders.get(options.root.id) : undefined;
    if (options.root && !root) return failure(marketoError('710'));
    const maxDepth = options.maxDepth ?? 2;
    const inTree = all.filter((f) => !root || f.path === root.path || f.path.startsWith(`${root.path}/`));
    const base = root ? depthOf(root) : 0;
    return found(page(inTree.filter((f) => depthOf(f) - base <= maxDepth), options).map(folderView));
  }

  /** `GET /rest/asset/v1/folder/{id}.json?type=Folder|Program`. */
  folderById(id: number, type: string): MarketoResult<unknown> {
    if (type === 'Program') {
      const program = this.#programs.get(id);
      return found(program ? [programAsFolderView(program)] : []);
    }
    const folder = this.#folders.get(id);
    return found(folder ? [folderView(folder)] : []);
  }

  /** `GET /rest/asset/v1/folder/byName.json?name=`: every folder (or program, with `type=Program`) with exactly this name. */
  folderByName(name: string, type?: string): MarketoResult<unknown> {
    if (type === 'Program') return found(this.#programs.all().filter((p) => p.name === name).map(programAsFolderView));
    return found(this.#folders.all().filter((f) => f.name === name).map(folderView));
  }

  /** `POST /rest/asset/v1/folders.json` (name, parent, description). */
  createFolder(input: { name?: string; parent?: FolderRef; description?: string }): MarketoResult<unknown> {
    if (!input.name) return failure(marketoError('701', 'name'));
    if (!input.parent) return failure(marketoError('701', 'parent'));
    if (!this.#containerExists(input.parent)) return failure(marketoError('710'));
    return { ok: true, result: [folderView(this.#folders.create(input.name, input.parent, input.description ?? null))] };
  }

  /** `POST /rest/asset/v1/folder/{id}.json`: name, description, isArchive. */
  updateFolder(id: number, changes: { name?: string; description?: string; isArchive?: boolean }): MarketoResult<unknown> {
    const folder = this.#folders.get(id);
    if (!folder) return failure({ code: '702', message: `Folder ${id} not found` });
    if (folder.isSystem) return failure({ code: '709', message: `Folder '${folder.name}' is a system folder and cannot be changed` });
    return { ok: true, result: [folderView(this.#folders.update(id, changes)!)] };
  }

  /** `POST /rest/asset/v1/folder/{id}/delete.json`: only an empty, non-system folder. */
  deleteFolder(id: number): MarketoResult<unknown> {
    const folder = this.#folders.get(id);
    if (!folder) return failure({ code: '702', message: `Folder ${id} not found` });
    const inside = (ref: FolderRef) => ref.type === 'Folder' && ref.id === id;
    const used = folder.isSystem || this.#folders.all().some((f) => f.parent && inside(f.parent)) || this.#lists.all().some((l) => inside(l.folder)) || this.#programs.all().some((p) => inside(p.folder));
    if (used) return failure({ code: '709', message: `Folder '${folder.name}' is not empty or is a system folder` });
    this.#folders.delete(id);
    return { ok: true, result: [{ id }] };
  }

  // --- static lists --------------------------------------------------------------------------------------------

  /** `GET /rest/asset/v1/staticLists.json` (folder, offset, maxReturn, earliestUpdatedAt, latestUpdatedAt). */
  browseLists(options: BrowseOptions & { folder?: FolderRef } = {}): MarketoResult<unknown> {
    const lists = this.#lists.all().filter((l) => !options.folder || (l.folder.id === options.folder.id && l.folder.type === options.folder.type));
    return found(page(lists.map((l) => ({ list: l, updatedAt: Date.parse(l.updatedAt) })), options).map((e) => listView(e.list)));
  }

  /** `GET /rest/asset/v1/staticList/{id}.json`. */
  listById(id: number): MarketoResult<unknown> {
    const list = this.#lists.get(id);
    return found(list ? [listView(list)] : []);
  }

  /** `GET /rest/asset/v1/staticList/byName.json?name=`: exact match. */
  listByName(name: string): MarketoResult<unknown> {
    const list = this.#lists.byName(name);
    return found(list ? [listView(list)] : []);
  }

  /** `POST /rest/asset/v1/staticLists.json` (form: name, folder, description): the name must be unique. */
  createList(input: { name?: string; folder?: FolderRef; description?: string }): MarketoResult<unknown> {
    if (!input.name) return failure(marketoError('701', 'name'));
    if (!input.folder) return failure(marketoError('701', 'folder'));
    if (!this.#containerExists(input.folder)) return failure(marketoError('710'));
    if (this.#lists.byName(input.name)) return failure({ code: '709', message: `Static list name '${input.name}' is already in use` });
    return { ok: true, result: [listView(this.#lists.create(input.name, { folder: input.folder, description: input.description ?? null }))] };
  }

  /** `POST /rest/asset/v1/staticList/{id}.json`: name (unique) and description. */
  updateList(id: number, changes: { name?: string; description?: string }): MarketoResult<unknown> {
    if (!this.#lists.get(id)) return failure({ code: '702', message: `Static list ${id} not found` });
    const taken = changes.name === undefined ? undefined : this.#lists.byName(changes.name);
    if (taken && taken.id !== id) return failure({ code: '709', message: `Static list name '${changes.name}' is already in use` });
    return { ok: true, result: [listView(this.#lists.update(id, changes)!)] };
  }

  /** `POST /rest/asset/v1/staticList/{id}/delete.json`. */
  deleteList(id: number): MarketoResult<unknown> {
    return this.#lists.delete(id) ? { ok: true, result: [{ id }] } : failure({ code: '702', message: `Static list ${id} not found` });
  }

  // --- programs ------------------------------------------------------------------------------------------------

  /** `GET /rest/asset/v1/programs.json` (offset, maxReturn, earliestUpdatedAt, latestUpdatedAt). */
  browsePrograms(options: BrowseOptions = {}): MarketoResult<unknown> {
    return found(page(this.#programs.all(), options).map((p) => programView(p, this.#folders, false)));
  }

  /** `GET /rest/asset/v1/program/{id}.json`. */
  programById(id: number): MarketoResult<unknown> {
    const program = this.#programs.get(id);
    return found(program ? [programView(program, this.#folders, true)] : []);
  }

  /** `GET /rest/asset/v1/program/byName.json?name=`. */
  programByName(name: string): MarketoResult<unknown> {
    const program = this.#programs.get(name);
    return found(program ? [programView(program, this.#folders, true)] : []);
  }

  /**
   * `POST /rest/asset/v1/programs.json` (form: name, folder, type, channel, description, costs, tags): the channel
   * must exist and decides the members' statuses; the name must be unique.
   */
  createProgram(input: { name?: string; folder?: FolderRef; type?: string; channel?: string; description?: string; costs?: readonly ProgramCost[]; tags?: Program['tags'] }): MarketoResult<unknown> {
    for (const field of ['name', 'folder', 'type', 'channel'] as const) if (!input[field]) return failure(marketoError('701', field));
    if (!this.#containerExists(input.folder!)) return failure(marketoError('710'));
    if (!(PROGRAM_TYPES as readonly string[]).includes(input.type!)) return failure(invalidData(`Invalid program type '${input.type}'. Valid: ${PROGRAM_TYPES.join(', ')}`));
    const channel = channelByName(input.channel!);
    if (!channel) return failure(invalidData(`Invalid channel '${input.channel}'. Valid: ${CHANNELS.map((c) => c.name).join(', ')}`));
    if (this.#programs.get(input.name!)) return failure({ code: '709', message: `Program name '${input.name}' is already in use` });
    const statuses = channel.progressionStatuses.map((s) => s.name);
    const program = this.#programs.create({
      name: input.name!,
      channel: channel.name,
      statuses,
      successStatuses: channel.progressionStatuses.filter((s) => s.success).map((s) => s.name),
      type: input.type!,
      description: input.description ?? '',
      folder: input.folder!,
      costs: input.costs ?? null,
      tags: input.tags ?? null,
    });
    return { ok: true, result: [programView(program, this.#folders, true)] };
  }

  /** `POST /rest/asset/v1/program/{id}.json`: name (unique), description, costs (appended unless `costsDestructiveUpdate`), tags. */
  updateProgram(id: number, changes: { name?: string; description?: string; costs?: readonly ProgramCost[]; costsDestructiveUpdate?: boolean; tags?: Program['tags'] }): MarketoResult<unknown> {
    const program = this.#programs.get(id);
    if (!program) return failure({ code: '702', message: `Program ${id} not found` });
    const taken = changes.name === undefined ? undefined : this.#programs.get(changes.name);
    if (taken && taken.id !== id) return failure({ code: '709', message: `Program name '${changes.name}' is already in use` });
    const costs = changes.costsDestructiveUpdate ? (changes.costs ?? null) : changes.costs ? [...(program.costs ?? []), ...changes.costs] : program.costs;
    const updated = this.#programs.update(id, {
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      ...(changes.tags !== undefined ? { tags: changes.tags } : {}),
      costs,
    });
    return { ok: true, result: [programView(updated!, this.#folders, true)] };
  }

  /** `POST /rest/asset/v1/program/{id}/delete.json`. */
  deleteProgram(id: number): MarketoResult<unknown> {
    return this.#programs.delete(id) ? { ok: true, result: [{ id }] } : failure({ code: '702', message: `Program ${id} not found` });
  }

  // --- channels ------------------------------------------------------------------------------------------------

  /** `GET /rest/asset/v1/channels.json` (offset, maxReturn). */
  browseChannels(options: BrowseOptions = {}): MarketoResult<unknown> {
    return found(page(CHANNELS.map((c) => ({ ...c, updatedAt: INSTANCE_SETUP })), options).map(channelView));
  }

  /** `GET /rest/asset/v1/channel/byName.json?name=`. */
  channelByName(name: string): MarketoResult<unknown> {
    const channel = channelByName(name);
    return found(channel ? [channelView(channel)] : []);
  }

  #containerExists(ref: FolderRef): boolean {
    return ref.type === 'Program' ? this.#programs.get(ref.id) !== undefined : this.#folders.get(ref.id) !== undefined;
  }
}

function folderView(f: Folder): Record<string, unknown> {
  return {
    name: f.name,
    description: f.description,
    createdAt: assetTime(f.createdAt),
    updatedAt: assetTime(f.updatedAt),
    url: null,
    folderId: { id: f.id, type: 'Folder' },
    folderType: f.folderType,
    parent: f.parent,
    path: f.path,
    isArchive: f.isArchive,
    isSystem: f.isSystem,
    accessZoneId: 1,
    workspace: 'Default',
    id: f.id,
  };
}

function programAsFolderView(p: Program): Record<string, unknown> {
  return { name: p.name, description: p.description, createdAt: assetTime(p.createdAt), updatedAt: assetTime(p.updatedAt), url: null, folderId: { id: p.id, type: 'Program' }, folderType: 'Program', parent: p.folder, path: null, isArchive: false, isSystem: false, accessZoneId: 1, workspace: 'Default', id: p.id };
}

function listView(l: StaticList): Record<string, unknown> {
  return {
    id: l.id,
    name: l.name,
    ...(l.description !== null ? { description: l.description } : {}),
    createdAt: listTime(l.createdAt),
    updatedAt: listTime(l.updatedAt),
    folder: l.folder,
    computedUrl: `https://app-sim.marketo.com/#ST${l.id}A1`,
  };
}

function programView(p: Program, folders: Folders, withDetails: boolean): Record<string, unknown> {
  const folderName = p.folder.type === 'Folder' ? (folders.get(p.folder.id)?.name ?? null) : null;
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    createdAt: assetTime(p.createdAt),
    updatedAt: assetTime(p.updatedAt),
    url: `https://app-sim.marketo.com/#PG${p.id}A1`,
    type: p.type,
    channel: p.channel,
    folder: { type: p.folder.type, value: p.folder.id, folderName },
    status: p.type === 'Engagement' ? 'off' : p.type === 'Email' ? 'unlocked' : '',
    workspace: 'Default',
    ...(withDetails ? { tags: p.tags, costs: p.costs } : {}),
    headStart: false,
  };
}

function channelView(c: Channel): Record<string, unknown> {
  return { id: c.id, name: c.name, applicableProgramType: c.applicableProgramType, progressionStatuses: c.progressionStatuses, createdAt: assetTime(INSTANCE_SETUP), updatedAt: assetTime(INSTANCE_SETUP) };
}
