/**
 * Salesforce filter logic ("advanced filter conditions", `RuleEntry.booleanFilter`): criteria numbers combined with
 * AND, OR and NOT and parentheses, e.g. `1 AND (2 OR 3)`. Keywords are case-insensitive. As Salesforce requires,
 * AND and OR may not be mixed at one level without parentheses (Salesforce's filter-logic editor answers "Your filter
 * must use parentheses around successive AND and OR expressions"), and every criterion must be referenced ("Some
 * filter conditions are defined but not referenced in your filter logic"). Sources: the Metadata API's
 * RuleEntry.booleanFilter ("Advanced filter conditions that were specified for the rule",
 * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_assignmentrule.htm) and Salesforce's
 * filter-logic tips ("include all filter conditions in the Boolean expression").
 */

/** A parsed filter: criterion numbers (1-based) under and/or/not. */
export type FilterLogic =
  | { readonly kind: 'item'; readonly n: number }
  | { readonly kind: 'and' | 'or'; readonly terms: readonly FilterLogic[] }
  | { readonly kind: 'not'; readonly term: FilterLogic };

/** The logic, or where and why the text is not valid filter logic. */
export type FilterLogicResult = { readonly ok: true; readonly logic: FilterLogic } | { readonly ok: false; readonly message: string };

type Token = { readonly kind: 'num'; readonly n: number; readonly at: number } | { readonly kind: 'and' | 'or' | 'not' | '(' | ')'; readonly at: number };

class LogicError extends Error {}

/**
 * Parses `text` as filter logic over `itemCount` criteria. Fails on an unknown word, a number outside 1..itemCount,
 * AND/OR mixed without parentheses, unbalanced parentheses, or a criterion the logic never mentions.
 */
export function parseFilterLogic(text: string, itemCount: number): FilterLogicResult {
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  let pos = 0;
  const peek = () => tokens[pos];
  const fail = (message: string): never => {
    throw new LogicError(message);
  };
  const where = (t: Token | undefined) => (t === undefined ? 'at the end' : `at character ${t.at + 1}`);
  const primary = (): FilterLogic => {
    const t = tokens[pos++];
    if (t?.kind === 'num') {
      if (t.n < 1 || t.n > itemCount) fail(`criterion ${t.n} ${where(t)} does not exist (the entry has ${itemCount} criteria)`);
      return { kind: 'item', n: t.n };
    }
    if (t?.kind === 'not') return { kind: 'not', term: primary() };
    if (t?.kind === '(') {
      const inner = expression();
      if (tokens[pos++]?.kind !== ')') fail(`missing ")" ${where(tokens[pos - 1])}`);
      return inner;
    }
    return fail(`expected a criterion number, NOT or "(" ${where(t)}`);
  };
  const expression = (): FilterLogic => {
    const first = primary();
    const op = peek();
    if (op?.kind !== 'and' && op?.kind !== 'or') return first;
    const terms = [first];
    while (peek()?.kind === op.kind) {
      pos++;
      terms.push(primary());
    }
    const next = peek();
    if (next?.kind === 'and' || next?.kind === 'or') fail(`AND and OR mixed without parentheses ${where(next)}: Salesforce requires parentheses around successive AND and OR expressions`);
    return { kind: op.kind, terms };
  };
  try {
    const logic = expression();
    if (pos < tokens.length) fail(`unexpected "${text.slice(tokens[pos]!.at).split(/\s/)[0]}" ${where(tokens[pos])}`);
    const used = new Set(itemsOf(logic));
    const unused = Array.from({ length: itemCount }, (_, i) => i + 1).filter((n) => !used.has(n));
    if (unused.length > 0) fail(`criteria ${unused.join(', ')} are defined but not referenced in the filter logic`);
    return { ok: true, logic };
  } catch (error) {
    if (error instanceof LogicError) return { ok: false, message: error.message };
    throw error;
  }
}

/** The criterion numbers of `logic`, in reading order (with repeats). */
export function itemsOf(logic: FilterLogic): number[] {
  switch (logic.kind) {
    case 'item':
      return [logic.n];
    case 'not':
      return itemsOf(logic.term);
    default:
      return logic.terms.flatMap(itemsOf);
  }
}

/** Filter logic as Salesforce writes it: upper-case keywords, parentheses around nested groups, e.g. `1 AND (2 OR NOT 3)`. */
export function renderFilterLogic(logic: FilterLogic): string {
  const inner = (l: FilterLogic): string => (l.kind === 'and' || l.kind === 'or' ? `(${renderFilterLogic(l)})` : renderFilterLogic(l));
  switch (logic.kind) {
    case 'item':
      return String(logic.n);
    case 'not':
      return `NOT ${inner(logic.term)}`;
    default:
      return logic.terms.map(inner).join(logic.kind === 'and' ? ' AND ' : ' OR ');
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(\d+)|(AND|OR|NOT)\b|([()])|(\S+))/giy;
  for (let m = re.exec(text); m !== null && m[0] !== ''; m = re.exec(text)) {
    const at = m.index + m[0].length - (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').length;
    if (m[1] !== undefined) tokens.push({ kind: 'num', n: Number(m[1]), at });
    else if (m[2] !== undefined) tokens.push({ kind: m[2].toLowerCase() as 'and' | 'or' | 'not', at });
    else if (m[3] !== undefined) tokens.push({ kind: m[3] as '(' | ')', at });
    else throw new LogicError(`unknown word "${m[4]}" at character ${at + 1}: use criterion numbers, AND, OR, NOT and parentheses`);
  }
  return tokens;
}
