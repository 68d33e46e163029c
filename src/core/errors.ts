import type { z } from 'zod';

/** One problem found in an input: where it is (JSON path inside `file`), what was expected, what was found. */
export interface InputIssue {
  /** Path inside the input, e.g. `["nodes", 3, "condition", "field"]`. Empty for the whole input. */
  readonly path: readonly (string | number)[];
  /** What is wrong, as a sentence fragment: `unknown field "Foo" on Lead`. */
  readonly message: string;
  /** What would have been accepted. */
  readonly expected?: string;
  /** What was found instead. */
  readonly got?: string;
}

/** Error codes: one per kind of failure a user can act on. */
export type LeadsimErrorCode =
  | 'INVALID_INPUT'
  | 'INVALID_GRAPH'
  | 'INVALID_SCENARIO'
  | 'INVALID_ORG'
  | 'INVALID_CONFIG'
  | 'INVALID_ASSIGNMENT_RULES'
  | 'INVALID_PAYLOAD'
  | 'UNKNOWN_ENTRY_POINT'
  | 'INVALID_IDEMPOTENCY_KEY'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'PAYLOAD_TOO_DEEP'
  | 'INVALID_ARGUMENT'
  | 'FILE_NOT_FOUND'
  | 'FILE_EXISTS'
  | 'UNHANDLED_REQUEST'
  | 'API_ERROR'
  | 'UNSUPPORTED_VERSION';

/**
 * The base of every error leadsim throws on purpose. `code` is stable and machine-readable; the message follows
 * one template: `Failed to <action> "<subject>": <reason>. <how to fix>.`
 */
export class LeadsimError extends Error {
  readonly code: LeadsimErrorCode;

  constructor(code: LeadsimErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LeadsimError';
    this.code = code;
  }
}

/**
 * Bad input from a user: a file, a CLI argument, a payload. Carries the file and every issue found, so the CLI can
 * print them all at once and exit 2.
 */
export class InputError extends LeadsimError {
  readonly file: string | undefined;
  readonly issues: readonly InputIssue[];

  constructor(
    code: LeadsimErrorCode,
    options: { action: string; file?: string; issues: readonly InputIssue[]; hint?: string; cause?: unknown },
  ) {
    super(code, renderInputError(options), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'InputError';
    this.file = options.file;
    this.issues = options.issues;
  }
}

/** Renders a JSON path the way editors and `jq` show it: `$.nodes[3].condition.field`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '$';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
  return out;
}

/** Renders one issue on one line: `$.nodes[3].field: unknown field "Foo" (expected a Lead field, got "Foo")`. */
export function formatIssue(issue: InputIssue): string {
  const parts: string[] = [];
  if (issue.expected !== undefined) parts.push(`expected ${issue.expected}`);
  if (issue.got !== undefined) parts.push(`got ${issue.got}`);
  return `${formatPath(issue.path)}: ${issue.message}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

function renderInputError(options: { action: string; file?: string; issues: readonly InputIssue[]; hint?: string }): string {
  const subject = options.file ?? 'input';
  const n = options.issues.length;
  const head = `Failed to ${options.action} "${subject}": ${n} problem${n === 1 ? '' : 's'} found.`;
  const lines = options.issues.map((issue) => `  ${subject} ${formatIssue(issue)}`);
  return [head, ...lines, ...(options.hint ? [options.hint] : [])].join('\n');
}

/** Converts a zod error into input issues, keeping zod's path and its expected/received where it has them. */
export function issuesFromZod(error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => {
    const raw = issue as unknown as { expected?: unknown; received?: unknown; input?: unknown; values?: unknown[] };
    const stated = /\bexpected\b/i.test(issue.message);
    const expected = stated
      ? undefined
      : raw.expected !== undefined
        ? String(raw.expected)
        : Array.isArray(raw.values)
          ? `one of ${raw.values.map((v) => JSON.stringify(v)).join(', ')}`
          : undefined;
    const got = raw.input !== undefined ? describeValue(raw.input) : raw.received !== undefined ? String(raw.received) : undefined;
    return {
      path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      message: issue.message,
      ...(expected !== undefined ? { expected } : {}),
      ...(got !== undefined ? { got } : {}),
    };
  });
}

/** A short, one-line rendering of any value for an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/**
 * Parses `value` with `schema`, or throws an {@link InputError} naming the file, each JSON path, what was expected
 * and what was found. The one boundary check for every file and payload leadsim reads.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  options: { action: string; file?: string; code?: LeadsimErrorCode; hint?: string },
): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw new InputError(options.code ?? 'INVALID_INPUT', {
    action: options.action,
    issues: issuesFromZod(result.error),
    ...(options.file !== undefined ? { file: options.file } : {}),
    ...(options.hint !== undefined ? { hint: options.hint } : {}),
  });
}
