import { InputError } from '../core/errors.ts';
import { packagePath } from '../core/packagePath.ts';
import { readInputFile } from '../io/readInputFile.ts';
import type { Graph } from './graphSchema.ts';
import { lintGraph, type LintResult } from './lintGraph.ts';

/** The default routing graph (DOMAIN.md rules 1–7), `scenarios/graphs/default.json` in the package. */
export const DEFAULT_GRAPH_PATH = packagePath('scenarios', 'graphs', 'default.json');

/**
 * Reads and lints a graph file. Invalid JSON is an issue at `$`; a missing file throws a {@link LeadsimError}
 * with code FILE_NOT_FOUND.
 */
export function readGraphFile(file: string): LintResult {
  const text = readInputFile(file, 'routing graph');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, file, issues: [{ path: [], message: `invalid JSON: ${(error as Error).message}`, expected: 'a JSON object' }] };
  }
  return lintGraph(json, { file });
}

/**
 * Loads a routing graph file, or throws an {@link InputError} (code INVALID_GRAPH) listing every problem with its
 * JSON path. A missing file throws a {@link LeadsimError} with code FILE_NOT_FOUND.
 */
export function loadGraph(file: string): Graph {
  const result = readGraphFile(file);
  if (result.ok) return result.graph;
  throw new InputError('INVALID_GRAPH', {
    action: 'load routing graph',
    file,
    issues: result.issues,
    hint: `Fix the graph, then check it with "leadsim graph lint ${file}".`,
  });
}

let defaultGraph: Graph | undefined;

/** The default routing graph, loaded and validated once, then shared (deeply frozen: copy it to edit it). */
export function loadDefaultGraph(): Graph {
  defaultGraph ??= deepFreeze(loadGraph(DEFAULT_GRAPH_PATH));
  return defaultGraph;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
