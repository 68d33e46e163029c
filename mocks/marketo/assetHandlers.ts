import type { HttpHandler } from 'msw';
import { http } from '../inProcessHttp.ts';
import type { BrowseOptions } from '../../src/systems/map/assetCatalog.ts';
import type { FolderRef } from '../../src/systems/map/folders.ts';
import type { Marketo } from '../../src/systems/map/marketo.ts';
import { failure, marketoError, type MarketoError } from '../../src/systems/map/marketoError.ts';
import type { MarketoParams } from './marketoRequest.ts';
import type { BoundRoute } from './membershipHandlers.ts';
import { pathInt } from './marketoRoute.ts';

type Parsed<T> = { ok: true; value: T } | { ok: false; error: MarketoError };

/**
 * A `{"id":13,"type":"Folder"}` parameter (form or query), or undefined when absent. Read leniently, as clients in
 * the wild send it: marketorestpython writes `{'id': 13, 'type': Folder}` (not JSON) and Marketo accepts it.
 */
function folderParam(params: MarketoParams, name: string): Parsed<FolderRef | undefined> {
  const raw = params.get(name);
  if (raw === null || raw.trim() === '') return { ok: true, value: undefined };
  const id = /["']?id["']?\s*:\s*["']?(\d+)/i.exec(raw)?.[1];
  const type = (/["']?type["']?\s*:\s*["']?(\w+)/i.exec(raw)?.[1] ?? 'Folder').toLowerCase();
  if (id !== undefined && (type === 'folder' || type === 'program')) return { ok: true, value: { id: Number(id), type: type === 'program' ? 'Program' : 'Folder' } };
  return { ok: false, error: marketoError('1001', raw, `${name}: {"id": Integer, "type": "Folder"|"Program"}`) };
}

/** An embedded JSON parameter (`costs`, `tags`); Python-literal spellings (`[{'cost': 10}]`, as marketorestpython sends them) are read too. */
function jsonParam<T>(params: MarketoParams, name: string): Parsed<T | undefined> {
  const raw = params.get(name);
  if (raw === null || raw.trim() === '') return { ok: true, value: undefined };
  for (const text of [raw, raw.replace(/'/g, '"').replace(/\bTrue\b/g, 'true').replace(/\bFalse\b/g, 'false').replace(/\bNone\b/g, 'null')]) {
    try {
      return { ok: true, value: JSON.parse(text) as T };
    } catch {
      // try the next spelling
    }
  }
  return { ok: false, error: marketoError('1001', raw, `${name}: JSON`) };
}

function browseOptions(params: MarketoParams): Parsed<BrowseOptions> {
  const out: { -readonly [K in keyof BrowseOptions]: BrowseOptions[K] } = {};
  for (const name of ['offset', 'maxReturn'] as const) {
    const raw = params.get(name);
    if (raw === null || raw === '') continue;
    if (!/^\d+$/.test(raw)) return { ok: false, error: marketoError('1001', raw, 'Integer') };
    out[name] = Number(raw);
  }
  for (const name of ['earliestUpdatedAt', 'latestUpdatedAt'] as const) {
    const raw = params.get(name);
    if (raw === null || raw === '') continue;
    const ms = Date.parse(raw);
    if (Number.isNaN(ms)) return { ok: false, error: { code: '1001', message: `Invalid value '${raw}'. Required of type 'Datetime'` } };
    out[name] = ms;
  }
  return { ok: true, value: out };
}

/** The parameters among `names` that the request carries, as an object (absent ones left out). */
function present<K extends string>(params: MarketoParams, names: readonly K[]): Partial<Record<K, string>> {
  return Object.fromEntries(names.flatMap((n) => (params.get(n) === null ? [] : [[n, params.get(n)!]]))) as Partial<Record<K, string>>;
}

/** Every parsed value that is present, as an object; the first parse error otherwise. */
function parsedAll<T extends Record<string, Parsed<unknown>>>(parsed: T): Parsed<{ [K in keyof T]?: T[K] extends Parsed<infer V> ? Exclude<V, undefined> : never }> {
  const out: Record<string, unknown> = {};
  for (const [key, p] of Object.entries(parsed)) {
    if (!p.ok) return p;
    if (p.value !== undefined) out[key] = p.value;
  }
  return { ok: true, value: out as never };
}

/**
 * The asset API (`/rest/asset/v1`) for folders, static lists, programs and channels, over the simulated Marketo's
 * AssetCatalog. Writes take `application/x-www-form-urlencoded` bodies with `folder`/`parent`, `costs` and `tags`
 * as embedded JSON, as Marketo documents (https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/assets/static-lists,
 * …/programs, …/folders, …/channels).
 */
export function assetHandlers(marketo: Marketo, route: BoundRoute): HttpHandler[] {
  const { assets } = marketo;
  type Result = ReturnType<typeof assets.listById>;
  /** A call on the asset whose id is in the path. */
  const withId = (run: (id: number, params: MarketoParams) => Result) =>
    route(({ params, pathParams }) => {
      const id = pathInt(pathParams, 'id');
      return id === undefined ? failure(marketoError('1001', String(pathParams['id']), 'Integer')) : run(id, params);
    });
  /** A query by exact name (`?name=`, required). */
  const byName = (run: (name: string, params: MarketoParams) => Result) => route(({ params }) => (params.get('name') ? run(params.get('name')!, params) : failure(marketoError('701', 'name'))));
  /** A browse call with paging and date filters, plus more parsed parameters. */
  const browse = <T extends Record<string, Parsed<unknown>>>(extra: (params: MarketoParams) => T, run: (options: BrowseOptions & ReturnType<typeof parsedAll<T>> extends Parsed<infer V> ? BrowseOptions & V : never) => Result) =>
    route(({ params }) => {
      const paging = browseOptions(params);
      if (!paging.ok) return failure(paging.error);
      const more = parsedAll(extra(params));
      return more.ok ? run({ ...paging.value, ...more.value } as never) : failure(more.error);
    });
  const programJson = (params: MarketoParams) => ({ costs: jsonParam<{ startDate: string; cost: number; note?: string }[]>(params, 'costs'), tags: jsonParam<{ tagType: string; tagValue: string }[]>(params, 'tags') });
  return [
    // folders
    http.get('*/rest/asset/v1/folders.json', browse((p) => ({ root: folderParam(p, 'root'), maxDepth: intValue(p, 'maxDepth') }), (o) => assets.browseFolders(o))),
    http.get('*/rest/asset/v1/folder/byName.json', byName((name, p) => assets.folderByName(name, p.get('type') ?? undefined))),
    http.get('*/rest/asset/v1/folder/:id.json', withId((id, p) => assets.folderById(id, p.get('type') ?? 'Folder'))),
    http.post(
      '*/rest/asset/v1/folders.json',
      route(({ params }) => {
        const parent = folderParam(params, 'parent');
        return parent.ok ? assets.createFolder({ ...present(params, ['name', 'description']), ...(parent.value ? { parent: parent.value } : {}) }) : failure(parent.error);
      }),
    ),
    http.post('*/rest/asset/v1/folder/:id/delete.json', withId((id) => assets.deleteFolder(id))),
    http.post('*/rest/asset/v1/folder/:id.json', withId((id, p) => assets.updateFolder(id, { ...present(p, ['name', 'description']), ...(p.get('isArchive') !== null ? { isArchive: p.get('isArchive') === 'true' } : {}) }))),

    // static lists
    http.get('*/rest/asset/v1/staticLists.json', browse((p) => ({ folder: folderParam(p, 'folder') }), (o) => assets.browseLists(o))),
    http.get('*/rest/asset/v1/staticList/byName.json', byName((name) => assets.listByName(name))),
    http.get('*/rest/asset/v1/staticList/:id.json', withId((id) => assets.listById(id))),
    http.post(
      '*/rest/asset/v1/staticLists.json',
      route(({ params }) => {
        const folder = folderParam(params, 'folder');
        return folder.ok ? assets.createList({ ...present(params, ['name', 'description']), ...(folder.value ? { folder: folder.value } : {}) }) : failure(folder.error);
      }),
    ),
    http.post('*/rest/asset/v1/staticList/:id/delete.json', withId((id) => assets.deleteList(id))),
    http.post('*/rest/asset/v1/staticList/:id.json', withId((id, p) => assets.updateList(id, present(p, ['name', 'description'])))),

    // programs
    http.get('*/rest/asset/v1/programs.json', browse(() => ({}), (o) => assets.browsePrograms(o))),
    http.get('*/rest/asset/v1/program/byName.json', byName((name) => assets.programByName(name))),
    http.get('*/rest/asset/v1/program/:id.json', withId((id) => assets.programById(id))),
    http.post(
      '*/rest/asset/v1/programs.json',
      route(({ params }) => {
        const parsed = parsedAll({ folder: folderParam(params, 'folder'), ...programJson(params) });
        return parsed.ok ? assets.createProgram({ ...present(params, ['name', 'type', 'channel', 'description']), ...parsed.value }) : failure(parsed.error);
      }),
    ),
    http.post('*/rest/asset/v1/program/:id/delete.json', withId((id) => assets.deleteProgram(id))),
    http.post(
      '*/rest/asset/v1/program/:id.json',
      withId((id, p) => {
        const parsed = parsedAll(programJson(p));
        return parsed.ok ? assets.updateProgram(id, { ...present(p, ['name', 'description']), ...parsed.value, costsDestructiveUpdate: p.get('costsDestructiveUpdate') === 'true' }) : failure(parsed.error);
      }),
    ),

    // channels
    http.get('*/rest/asset/v1/channels.json', browse(() => ({}), (o) => assets.browseChannels(o))),
    http.get('*/rest/asset/v1/channel/byName.json', byName((name) => assets.channelByName(name))),
  ];
}

/** An optional integer parameter (`maxDepth`). */
function intValue(params: MarketoParams, name: string): Parsed<number | undefined> {
  const raw = params.get(name);
  if (raw === null || raw === '') return { ok: true, value: undefined };
  return /^\d+$/.test(raw) ? { ok: true, value: Number(raw) } : { ok: false, error: marketoError('1001', raw, 'Integer') };
}
