import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { LeadsimError } from '../core/errors.ts';
import { packagePath } from '../core/packagePath.ts';
import { writeFileAtomic } from '../io/writeFileAtomic.ts';

/** One file `leadsim init` writes: where (relative to the project folder) and what. */
export interface InitFile {
  readonly path: string;
  readonly content: string;
}

/** Template (under the package's `templates/init/`) → where it goes in the project. */
const TEMPLATES: readonly (readonly [template: string, target: string])[] = [
  ['leadsim.config.json', 'leadsim.config.json'],
  ['leadsim.org.json', 'leadsim.org.json'],
  ['scenarios/examples/web-form-demo-request.json', 'scenarios/examples/web-form-demo-request.json'],
  ['scenarios/examples/partner-sponsored-event.json', 'scenarios/examples/partner-sponsored-event.json'],
  ['test/leadsim.property.test.ts', 'test/leadsim.property.test.ts'],
  ['github/workflows/leadsim.yml', '.github/workflows/leadsim.yml'],
  // npm never packs a file named .gitignore, so the template goes without the dot.
  ['reports/gitignore', 'reports/.gitignore'],
];

/** Where the project's copy of the default graph goes (what leadsim.config.json's `graph` names). */
const GRAPH_TARGET = 'scenarios/graphs/default.json';

/**
 * What `leadsim init` writes: leadsim.config.json, a copy of the default routing graph (rules 1–7), an org spec,
 * two example scenarios that replay green against them, a vitest property test that uses `leadsim/testing`, a
 * GitHub Actions workflow that lints, replays, property-tests and diffs, and a `reports/` folder. JSON files point
 * their `$schema` at the JSON Schemas in `node_modules/leadsim` (for a project in `dir`: relative to each file, in
 * the nearest `node_modules/leadsim` at or above `dir`, else in the running package).
 */
export function initFiles(dir?: string): InitFile[] {
  const graph = JSON.parse(readFileSync(packagePath('scenarios', 'graphs', 'default.json'), 'utf8')) as Record<string, unknown>;
  const { $schema: _schema, ...rest } = graph;
  const graphFile = { path: GRAPH_TARGET, content: `${JSON.stringify({ $schema: '../../node_modules/leadsim/scenarios/graphs/graph.schema.json', ...rest }, null, 2)}\n` };
  const files = [...TEMPLATES.map(([template, path]) => ({ path, content: readFileSync(packagePath('templates', 'init', template), 'utf8') })), graphFile].sort((a, b) => (a.path < b.path ? -1 : 1));
  if (dir === undefined) return files;
  const root = schemaRoot(resolve(dir));
  return files.map((f) => ({ ...f, content: f.content.replace(SCHEMA_REF, (_all, rest: string) => `"$schema": ${JSON.stringify(relativeRef(dirname(join(resolve(dir), f.path)), join(root, rest)))}`) }));
}

/** A `$schema` that points into `node_modules/leadsim` relative to the project root, as the templates are written. */
const SCHEMA_REF = /"\$schema": "(?:\.\.\/)*(?:\.\/)?node_modules\/leadsim\/([^"]+)"/;

/**
 * Where a project in `dir` finds leadsim's JSON Schemas: the nearest `node_modules/leadsim` at or above it (as Node
 * resolves the package), else the leadsim package that is running (`npx leadsim init` before it is installed).
 */
function schemaRoot(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'node_modules', 'leadsim', 'package.json'))) return join(d, 'node_modules', 'leadsim');
    if (dirname(d) === d) return packagePath();
  }
}

/** `to` relative to the folder `from`, with forward slashes and a leading `./` or `../`, as `$schema` wants it. */
function relativeRef(from: string, to: string): string {
  const ref = relative(from, to).split(sep).join('/');
  return ref.startsWith('.') ? ref : `./${ref}`;
}

/** Options of {@link initProject}. */
export interface InitProjectOptions {
  /** The project folder (created when missing). */
  readonly dir: string;
  /** Overwrite files that already exist (default false: refuse, and write nothing). */
  readonly force?: boolean;
}

/** What {@link initProject} did, paths relative to the project folder. */
export interface InitResult {
  readonly written: readonly string[];
  /** The files that existed and were overwritten (only with `force`). */
  readonly overwritten: readonly string[];
}

/**
 * Sets up a leadsim project in `dir` ({@link initFiles}). Never overwrites without `force`: when any file exists,
 * throws a {@link LeadsimError} FILE_EXISTS naming them all and writes nothing. Each file is written atomically.
 * @example
 * initProject({ dir: '.' }); // then: npx leadsim graph lint && npx leadsim replay && npx vitest run
 */
export function initProject(options: InitProjectOptions): InitResult {
  const dir = resolve(options.dir);
  const files = initFiles(dir);
  const existing = files.filter((f) => existsSync(join(dir, f.path))).map((f) => f.path);
  if (existing.length > 0 && !options.force) {
    const shown = relative(process.cwd(), dir) || '.';
    throw new LeadsimError('FILE_EXISTS', `Failed to set up a leadsim project in "${shown}": ${existing.length} of its files already exist (${existing.join(', ')}). Nothing was written; move them away, or pass --force to overwrite them.`);
  }
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileAtomic(join(dir, f.path), f.content);
  }
  return { written: files.map((f) => f.path), overwritten: existing };
}
