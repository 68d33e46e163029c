import { z } from 'zod';
import { formatPath, LeadsimError } from '../core/errors.ts';
import { listItems } from './listItems.ts';

/** One bad CLI option: the flag as typed on the command line, what was given, what it takes. */
export interface OptionIssue {
  /** `--fault-rate`; undefined for a problem of the options together. */
  readonly flag: string | undefined;
  readonly message: string;
  /** The value as typed (`"abc"`), or undefined when the flag was not given. */
  readonly got?: string;
  readonly expected?: string;
}

/**
 * Bad CLI options (code INVALID_ARGUMENT, exit 2): each problem on one line, naming the flag, what was typed and
 * what the flag takes: `--fault-rate "abc": expected a number from 0 to 0.25`.
 */
export class OptionError extends LeadsimError {
  readonly issues: readonly OptionIssue[];

  constructor(command: string, issues: readonly OptionIssue[]) {
    // Counted by flag, each problem said once: a list with two empty items is one bad option, with one line.
    const n = new Set(issues.map((i, k) => i.flag ?? k)).size;
    const lines = [
      ...new Set(
        issues.map((i) => {
          const where = i.flag === undefined ? '' : i.got === undefined ? `${i.flag}: ` : `${i.flag} ${i.got}: `;
          return `  ${where}${i.message}${i.expected !== undefined ? `; expected ${i.expected}` : ''}`;
        }),
      ),
    ];
    super('INVALID_ARGUMENT', [`Failed to run "leadsim ${command}": ${n} bad option${n === 1 ? '' : 's'}.`, ...lines, `See "leadsim ${command} --help".`].join('\n'));
    this.name = 'OptionError';
    this.issues = issues;
  }
}

/** `faultRate` → `--fault-rate`, as commander names the option. */
export function flagOf(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * The problems of CLI options `raw` (commander's values, strings as typed) that `schema` refused: per issue the flag,
 * the value as typed and what the option's schema takes (from its type, bounds and choices).
 */
export function optionIssues(schema: z.ZodType, raw: Readonly<Record<string, unknown>>, error: z.ZodError): OptionIssue[] {
  const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : {};
  return error.issues.map((issue) => {
    const key = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
    if (key === undefined) return { flag: undefined, message: issue.message };
    const given = raw[key];
    const field = shape[key];
    const expected = field ? describeOption(field) : undefined;
    if (issue.path.length > 1 && typeof issue.path[1] === 'string') {
      // Inside a JSON option: where in the JSON, and zod's reason.
      return { flag: flagOf(key), message: `${formatPath(issue.path.slice(1).map((p) => (typeof p === 'symbol' ? String(p) : p)))}: ${issue.message}`, ...(typeof given === 'string' ? { got: JSON.stringify(given) } : {}) };
    }
    const custom = issue.code === 'custom';
    const item = typeof issue.path[1] === 'number' && typeof given === 'string' ? listItems(given)[issue.path[1]] : undefined;
    return {
      flag: flagOf(key),
      message: custom ? issue.message : given === undefined ? 'is required' : item === '' ? 'has an empty item' : item !== undefined ? `has ${JSON.stringify(item)}, which is not valid` : 'is not valid',
      ...(given !== undefined && given !== true && given !== false ? { got: JSON.stringify(given) } : {}),
      ...(!custom && expected !== undefined ? { expected } : {}),
    };
  });
}

/** What an option's schema takes, in words: `an integer from 1 to 1000000`, `one of text, json, junit`. */
export function describeOption(schema: z.ZodType): string | undefined {
  const def = (schema as { _zod: { def: { type: string; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType } } })._zod.def;
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
    case 'prefault':
      return def.innerType ? describeOption(def.innerType) : undefined;
    case 'pipe': {
      const inner = def.out ? describeOption(def.out) : undefined;
      return inner ?? (def.in ? describeOption(def.in) : undefined);
    }
    case 'array': {
      const item = describeOption((schema as z.ZodArray<z.ZodType>).element);
      return `a comma-separated list${item ? `, each ${item}` : ''}`;
    }
    case 'number': {
      const n = schema as z.ZodNumber;
      const what = n.isInt ? 'an integer' : 'a number';
      const min = Number.isFinite(n.minValue ?? Number.NaN) && Math.abs(n.minValue!) < Number.MAX_SAFE_INTEGER ? n.minValue : null;
      const max = Number.isFinite(n.maxValue ?? Number.NaN) && Math.abs(n.maxValue!) < Number.MAX_SAFE_INTEGER ? n.maxValue : null;
      if (min !== null && max !== null) return `${what} from ${min} to ${max}`;
      if (min !== null) return `${what} of at least ${min}`;
      if (max !== null) return `${what} of at most ${max}`;
      return what;
    }
    case 'enum':
      return `one of ${(schema as z.ZodEnum).options.join(', ')}`;
    case 'boolean':
      return 'no value (a switch)';
    case 'string':
      return 'a value';
    default:
      return undefined;
  }
}
