/** A compiled SOSL search term: whether a record's searched field values match it. */
export type TermMatcher = (values: readonly string[]) => boolean;

/** A search term Salesforce refuses, with its error code. */
export class SearchTermError extends Error {
  readonly errorCode = 'MALFORMED_SEARCH';
}

const OPERATORS = new Set(['AND', 'OR', 'AND NOT']);

function unescape(word: string): string {
  return word.replace(/\\(.)/g, '$1');
}

function wordPattern(word: string): RegExp {
  let source = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i] ?? '';
    if (c === '\\') source += (word[++i] ?? '').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    else if (c === '*') source += '.*';
    else if (c === '?') source += '.';
    else source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'is');
}

/** The searchable tokens of a field value: the whole value, its words, and the parts of an email or a web address. */
function tokens(value: string): string[] {
  const words = value.split(/\s+/).filter(Boolean);
  const parts = words.flatMap((w) => w.split(/[@.,;:()"'_+-]+/).filter(Boolean));
  return [value, ...words, ...parts];
}

/**
 * Compiles the term of `FIND {term}` (or parameterized search's `q`): words (a whole value, a word of it, or a
 * part of an email address or domain), `"quoted phrases"`, wildcards `*` (any run) and `?` (one character),
 * operators AND, OR and AND NOT (words without an operator must all match), backslash escapes for reserved
 * characters. Case-insensitive. Throws SearchTermError for a term shorter than two characters, as Salesforce does.
 * Source: "FIND {SearchQuery}", SOQL and SOSL Reference
 * (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_sosl_find.htm).
 */
export function compileTerm(term: string): TermMatcher {
  const plain = unescape(term).replace(/[*?"]/g, '').trim();
  if (plain.length < 2) throw new SearchTermError('search term must be longer than one character');
  const pieces = term.match(/"(?:[^"\\]|\\.)*"|(?:\\.|[^\s"])+/g) ?? [];
  // Words and phrases joined by operators, left to right; adjacent words are ANDed.
  const steps: { op: string; test: TermMatcher }[] = [];
  let op = 'AND';
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as string;
    const upper = piece.toUpperCase();
    if (upper === 'AND' && pieces[i + 1]?.toUpperCase() === 'NOT') {
      op = 'AND NOT';
      i++;
      continue;
    }
    if (OPERATORS.has(upper)) {
      op = upper;
      continue;
    }
    const test: TermMatcher = piece.startsWith('"')
      ? ((phrase) => (values) => values.some((v) => v.toLowerCase().includes(phrase)))(unescape(piece.slice(1, -1)).toLowerCase())
      : ((pattern) => (values) => values.some((v) => tokens(v).some((t) => pattern.test(t))))(wordPattern(piece));
    steps.push({ op, test });
    op = 'AND';
  }
  return (values) => {
    let result: boolean | undefined;
    for (const { op: o, test } of steps) {
      const hit = test(values);
      if (result === undefined) result = o === 'AND NOT' ? !hit : hit;
      else if (o === 'OR') result = result || hit;
      else if (o === 'AND NOT') result = result && !hit;
      else result = result && hit;
    }
    return result ?? false;
  };
}
