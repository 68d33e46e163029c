import { malformed } from './soqlError.ts';

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '"': '"', "'": "'" };

/**
 * The value of a quoted SOQL string literal as the parser returns it (`'O\'Brien'` → `O'Brien`). Backslash escapes
 * follow Salesforce: \n \r \t \b \f \" \' \\ (and \% \_). The LIKE escapes \% \_ and an escaped backslash stay
 * escaped (`\%`, `\_`, `\\`), so that a LIKE pattern can tell `'\\%'` (a backslash, then any run) from `'\%'`;
 * `plainString` removes them for every other comparison.
 */
export function unquote(raw: string): string {
  const body = raw.length >= 2 && raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1) : raw;
  if (!body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? '';
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = body[++i] ?? '';
    const escaped = ESCAPES[next] ?? (next === '%' || next === '_' || next === '\\' ? `\\${next}` : undefined);
    if (escaped === undefined) throw malformed(`Invalid string literal '${body}'. Illegal character sequence '\\${next}' in string literal.`);
    out += escaped;
  }
  return out;
}

/** Strips the escapes (\% \_ \\) `unquote` keeps for LIKE, for comparisons other than LIKE. */
export function plainString(unquoted: string): string {
  return unquoted.includes('\\') ? unquoted.replace(/\\([%_\\])/g, '$1') : unquoted;
}

/** A case-insensitive, anchored RegExp for a LIKE pattern: `%` any run, `_` one character, `\%` `\_` literal. */
export function likeToRegExp(unquoted: string): RegExp {
  let source = '';
  for (let i = 0; i < unquoted.length; i++) {
    const c = unquoted[i] ?? '';
    if (c === '\\' && (unquoted[i + 1] === '%' || unquoted[i + 1] === '_' || unquoted[i + 1] === '\\')) {
      source += (unquoted[++i] ?? '').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else if (c === '%') {
      source += '.*';
    } else if (c === '_') {
      source += '.';
    } else {
      source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`, 'is');
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch ms of a date (`2026-01-05`, midnight UTC) or datetime (`…T09:00:00Z`, `….000+0000`) string; NaN if neither. */
export function toEpochMs(value: string): number {
  if (DATE.test(value)) return Date.parse(`${value}T00:00:00Z`);
  // Salesforce writes offsets without a colon (+0000), which Date.parse does not accept everywhere.
  return Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}
