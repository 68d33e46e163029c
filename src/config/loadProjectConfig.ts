import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { InputError, issuesFromZod, type InputIssue } from '../core/errors.ts';
import { readInputFile } from '../io/readInputFile.ts';
import { findProjectConfig } from './findProjectConfig.ts';
import { ProjectConfigSchema, type ProjectConfigValues } from './projectConfigSchema.ts';

/**
 * A project's defaults, resolved: the values of the nearest `leadsim.config.json` (or the defaults when there is
 * none), with every path (`graph`, `scenarios`, `org`, each reporter's `out`) resolved against the config's folder
 * and shown relative to the working directory, as commands print and use them.
 */
export type ProjectConfig = Omit<ProjectConfigValues, '$schema'> & {
  /** The config file, relative to the working directory; undefined when none was found. */
  readonly file: string | undefined;
  /** The folder relative paths resolve from: the config file's, else the working directory (absolute). */
  readonly root: string;
};

const HINT = 'Fix the config (editors check it against node_modules/leadsim/schemas/leadsim.config.schema.json, its "$schema").';

/**
 * Finds and reads the project config from `cwd` up ({@link findProjectConfig}). Without one, every default is
 * relative to `cwd` (the routing graph is `scenarios/graphs/default.json` there, never the package's own). A config
 * that is not JSON or does not fit the format throws an {@link InputError} (INVALID_CONFIG) naming the file, each
 * JSON path, what was expected and what was found. `ignoreFile` gives the defaults as if there were no config (the
 * `--no-config` of printed replay lines, which carry every input themselves).
 * @example
 * const config = loadProjectConfig();
 * const graph = loadGraph(config.graph);
 */
export function loadProjectConfig(cwd: string = process.cwd(), options: { readonly ignoreFile?: boolean } = {}): ProjectConfig {
  const found = options.ignoreFile ? undefined : findProjectConfig(cwd);
  const root = found === undefined ? resolve(cwd) : dirname(found);
  const file = found === undefined ? undefined : shown(cwd, found);
  const values = parseConfig(found === undefined ? {} : readJson(found, file!), file);
  const { $schema: _schema, ...rest } = values;
  const at = (path: string) => projectPath({ root }, path, cwd);
  return {
    ...rest,
    file,
    root,
    graph: at(rest.graph),
    scenarios: rest.scenarios.map(at),
    ...(rest.org !== undefined ? { org: at(rest.org) } : {}),
    reporters: rest.reporters.map((r) => (r.out === undefined ? r : { ...r, out: at(r.out) })),
  };
}

/**
 * A path written in the config (relative to its folder), as the working directory sees it (relative to it, so
 * printed commands work when pasted there). Sections that add path keys resolve them with it.
 */
export function projectPath(config: Pick<ProjectConfig, 'root'>, path: string, cwd: string = process.cwd()): string {
  return shown(cwd, isAbsolute(path) ? path : resolve(config.root, path));
}

function shown(cwd: string, absolute: string): string {
  return relative(resolve(cwd), absolute) || '.';
}

function parseConfig(json: unknown, file: string | undefined): ProjectConfigValues {
  const parsed = ProjectConfigSchema.safeParse(json, { reportInput: true });
  if (parsed.success) return parsed.data;
  const known = Object.keys(ProjectConfigSchema.shape).join(', ');
  const issues = parsed.error.issues.flatMap((issue, i): InputIssue[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [key], message: `unknown key "${key}"`, expected: `one of ${known}`, got: JSON.stringify(key) }))
      : [issuesFromZod(parsed.error)[i]!],
  );
  throw new InputError('INVALID_CONFIG', { action: 'read leadsim config', issues, hint: HINT, ...(file ? { file } : {}) });
}

function readJson(path: string, file: string): unknown {
  const text = readInputFile(path, 'leadsim config');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError('INVALID_CONFIG', { action: 'read leadsim config', file, issues: [{ path: [], message: `invalid JSON: ${(error as Error).message}`, expected: 'a JSON object' }], hint: HINT });
  }
}
