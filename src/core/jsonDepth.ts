import type { InputIssue } from './errors.ts';

/**
 * Deepest nesting of objects and arrays leadsim reads in a file (scenario, org spec, graph, config, recorded
 * traffic). The deepest a valid file goes is a scenario's payload (the intake's 32 levels) under a few levels of
 * scenario, or a graph's nested tests; past this, recursive checks would exhaust the stack.
 */
export const FILE_MAX_DEPTH = 100;

/**
 * The path of the first value nested deeper than `maxDepth` levels of objects and arrays, or undefined. Iterative,
 * so a value nested 100,000 levels deep is measured without exhausting the stack.
 */
export function tooDeepPath(value: unknown, maxDepth: number): (string | number)[] | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (path.length >= maxDepth) return path;
    if (Array.isArray(v)) v.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
    else for (const [k, item] of Object.entries(v)) stack.push({ value: item, path: [...path, k] });
  }
  return undefined;
}

/** How many levels of a too-deep path an issue shows. */
const SHOWN_LEVELS = 12;

/**
 * An issue for a file nested deeper than `maxDepth` (default {@link FILE_MAX_DEPTH}), at the first levels of the
 * path where it goes too deep (the rest is counted, not printed); else undefined.
 */
export function fileDepthIssue(json: unknown, maxDepth: number = FILE_MAX_DEPTH): InputIssue | undefined {
  const path = tooDeepPath(json, maxDepth);
  if (path === undefined) return undefined;
  const shown = path.slice(0, SHOWN_LEVELS);
  return { path: shown, message: `a value here is nested more than ${maxDepth} levels deep (${path.length - shown.length} more levels below)`, expected: `at most ${maxDepth} levels of objects and arrays` };
}
