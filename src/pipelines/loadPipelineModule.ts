import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../core/errors.ts';
import type { PipelineHandle, PipelineModule } from './pipelineContract.ts';

/** A pipeline module as loaded: its absolute path and its `handle`. */
export interface LoadedPipelineModule extends PipelineModule {
  readonly file: string;
}

const TYPESCRIPT = /\.(?:[mc]?ts|tsx)$/i;

/**
 * Loads your pipeline module: `.js`/`.mjs` with Node's `import()`; TypeScript (`.ts`, `.mts`, `.cts`) with Node's own
 * type stripping when the running Node has it (22.18+ and 23.6+ by default, 22.6+ with
 * `--experimental-strip-types`: erasable syntax only, imports with their `.ts` extension), else with tsx
 * (`tsImport`), found first in the module's own project (`npm i -D tsx`), then beside leadsim. The module exports
 * `handle(delivery, env)`, or a default export that is that function or an object with it.
 * @throws InputError FILE_NOT_FOUND (no such file) or INVALID_PIPELINE (it cannot be loaded, or exports no handle).
 */
export async function loadPipelineModule(file: string): Promise<LoadedPipelineModule> {
  const path = resolve(file);
  const fail = (message: string, options: { expected?: string; hint?: string; cause?: unknown } = {}) =>
    new InputError(existsSync(path) ? 'INVALID_PIPELINE' : 'FILE_NOT_FOUND', {
      action: 'load the pipeline',
      file,
      issues: [{ path: [], message, ...(options.expected ? { expected: options.expected } : {}) }],
      ...(options.hint ? { hint: options.hint } : {}),
      ...(options.cause !== undefined ? { cause: options.cause } : {}),
    });
  if (!existsSync(path)) throw fail('no such file', { expected: 'a .ts, .mts, .js or .mjs module that exports handle(delivery, env)' });
  let namespace: unknown;
  try {
    namespace = await importModule(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw fail(`importing it threw ${error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error)}`, { cause: error, hint: 'Fix the module so that `node` (or tsx) can import it on its own.' });
  }
  const handle = handleOf(namespace);
  if (handle === undefined) {
    throw fail('it exports no handle function', { expected: 'export async function handle(delivery, env) { … } (or a default export that is one)', hint: 'See the README, "Test your own pipeline".' });
  }
  return { file: path, handle };
}

/** `handle`, `default` (a function), or `default.handle`. */
function handleOf(namespace: unknown): PipelineHandle | undefined {
  const ns = namespace as { handle?: unknown; default?: unknown };
  if (typeof ns?.handle === 'function') return ns.handle as PipelineHandle;
  if (typeof ns?.default === 'function') return ns.default as PipelineHandle;
  const inner = (ns?.default as { handle?: unknown } | undefined)?.handle;
  return typeof inner === 'function' ? (inner as PipelineHandle) : undefined;
}

async function importModule(path: string): Promise<unknown> {
  const url = pathToFileURL(path).href;
  if (!TYPESCRIPT.test(path)) return import(url);
  try {
    return await import(url);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
  }
  const tsx = await findTsx(path);
  if (tsx === undefined) {
    throw new InputError('INVALID_PIPELINE', {
      action: 'load the pipeline',
      file: path,
      issues: [{ path: [], message: `Node ${process.versions.node} cannot run TypeScript by itself and tsx is not installed`, expected: 'tsx in your project, a Node with type stripping, or a .js module' }],
      hint: 'Install tsx (npm i -D tsx), run on Node 22.18+ / 23.6+ (or 22.6+ with NODE_OPTIONS=--experimental-strip-types), or point --pipeline at the compiled .js.',
    });
  }
  return tsx.tsImport(url, import.meta.url);
}

/** tsx's module API, from the pipeline's own project first, then from beside leadsim. */
type TsImport = (specifier: string, parent: string) => Promise<unknown>;

async function findTsx(path: string): Promise<{ tsImport: TsImport } | undefined> {
  for (const from of [path, import.meta.url]) {
    try {
      const resolved = esmEntry(createRequire(from).resolve('tsx/package.json'), './esm/api');
      const api = (await import(pathToFileURL(resolved).href)) as { tsImport?: TsImport; default?: { tsImport?: TsImport } };
      const tsImport = api.tsImport ?? api.default?.tsImport;
      if (tsImport) return { tsImport };
    } catch {
      // not installed there
    }
  }
  return undefined;
}

/**
 * The file a package's `exports` entry names under the `import` condition. `require.resolve` would pick the
 * `require` condition, and tsx's CommonJS API cannot be imported as ESM.
 */
function esmEntry(packageJson: string, subpath: string): string {
  const { exports } = JSON.parse(readFileSync(packageJson, 'utf8')) as { exports?: Record<string, unknown> };
  let target: unknown = exports?.[subpath];
  while (target !== null && typeof target === 'object') {
    const conditions = target as Record<string, unknown>;
    target = conditions['import'] ?? conditions['default'];
  }
  if (typeof target !== 'string') throw new Error(`${packageJson} exports no ${subpath} for import`);
  return join(dirname(packageJson), target);
}
