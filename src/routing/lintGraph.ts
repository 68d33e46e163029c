import type { z } from 'zod';
import { describeValue, formatIssue, issuesFromZod, type InputIssue } from '../core/errors.ts';
import { fileDepthIssue } from '../core/jsonDepth.ts';
import { checkGraphShape } from './checkGraphShape.ts';
import { checkNodeFields } from './checkNodeFields.ts';
import { GraphSchema, type Graph } from './graphSchema.ts';

/** Options of {@link lintGraph}. */
export interface LintGraphOptions {
  /** The file the graph came from; error messages name it. Default: none. */
  readonly file?: string;
}

/** A valid graph, or every problem found, each with its JSON path, the node it is in, what was expected and got. */
export type LintResult =
  | { readonly ok: true; readonly graph: Graph }
  | { readonly ok: false; readonly file?: string; readonly issues: readonly InputIssue[] };

const TARGET_SHAPES =
  'one of {"queue": name}, {"user": id or name}, {"accountBdr": true}, {"accountOwner": true}, {"keepCurrentOwner": true}, {"roundRobin": {"pool": name or {"role", "region"} or {"users"}}}';

/**
 * Validates a parsed graph file: its shape (the zod schema), then its meaning (CRM field names and value types,
 * settings lists, pools), then the graph itself (references, cycles, unreachable nodes, paths ending without an
 * owner). Shape errors are reported alone, since the later checks need a well-formed graph; so is a graph nested
 * deeper than FILE_MAX_DEPTH (the checks recurse into nested tests).
 */
export function lintGraph(json: unknown, options: LintGraphOptions = {}): LintResult {
  const file = options.file === undefined ? {} : { file: options.file };
  const deep = fileDepthIssue(json);
  if (deep) return { ok: false, ...file, issues: [deep] };
  const parsed = GraphSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) return { ok: false, ...file, issues: shapeIssues(parsed.error, json) };
  const issues = [...checkNodeFields(parsed.data), ...checkGraphShape(parsed.data)];
  return issues.length === 0 ? { ok: true, graph: parsed.data } : { ok: false, ...file, issues };
}

/** One line per issue, as `leadsim graph lint` prints them: `FILE $.json.path: message (expected ..., got ...)`. */
export function formatLintIssues(file: string, issues: readonly InputIssue[]): string[] {
  return issues.map((issue) => `${file} ${formatIssue(issue)}`);
}

function shapeIssues(error: z.ZodError, json: unknown): InputIssue[] {
  const raw = error.issues;
  return issuesFromZod(error).map((issue, i) => {
    const source = raw[i] as (typeof raw)[number];
    const got = describeValue(valueAt(json, issue.path));
    let next: InputIssue = issue;
    if (source.code === 'invalid_union' && issue.path.at(-1) === 'target') {
      next = { path: issue.path, message: 'not an assignment target', expected: TARGET_SHAPES, got: JSON.stringify(valueAt(json, issue.path)) };
    } else if (source.code === 'invalid_key' && issue.path[0] === 'nodes') {
      next = { path: issue.path, message: 'invalid node id', expected: 'a letter, then letters, digits or underscores', got: JSON.stringify(issue.path.at(-1)) };
    } else if (source.code === 'invalid_union' && 'discriminator' in source) {
      const options = (source as { options?: unknown[] }).options ?? [];
      next = { path: issue.path, message: `unknown ${String(source.discriminator)}`, expected: `one of ${options.map((o) => JSON.stringify(o)).join(', ')}`, got };
    } else if (source.code === 'unrecognized_keys') {
      next = { path: issue.path, message: issue.message.replace(/^Unrecognized key/, 'unknown key'), expected: 'only the keys this kind of object takes' };
    } else if (source.code === 'invalid_value' || source.code === 'invalid_type') {
      const raw = source as { expected?: unknown; values?: unknown[] };
      const expected = raw.expected !== undefined ? String(raw.expected) : `one of ${(raw.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
      next = { path: issue.path, message: valueAt(json, issue.path) === undefined ? 'missing' : 'wrong value', expected, got };
    }
    const node = issue.path[0] === 'nodes' && typeof issue.path[1] === 'string' ? issue.path[1] : undefined;
    return node === undefined ? next : { ...next, message: `node "${node}": ${next.message}` };
  });
}

function valueAt(json: unknown, path: readonly (string | number)[]): unknown {
  let value = json;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
}
