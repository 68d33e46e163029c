import { prmField, type PrmFieldSpec, type PrmObjectName } from './prmSchema.ts';
import { parsePrmDate, type PrmRecord, type PrmValue } from './prmValues.ts';

/**
 * A small parser for the THQL `filter` parameter of Impartner's Objects API (SQL-like `where` clauses; THQL has no
 * public grammar or library, so this covers what public integration code sends):
 * `Id = 123`, `CrmId = '00Q…'`, `Updated > '2026-01-01 00:00:00' and Updated <= '…'`, `or`, `not`, parentheses,
 * `!=`/`<>`, `<`, `<=`, `>`, `>=`, `is [not] null`, `like '%x%'`, `in (…)`. Field names and string comparisons are
 * case-insensitive (SQL Server's default collation). Modelled, not vendor-verified.
 */
export type ThqlPredicate = (record: PrmRecord) => boolean;

type Literal = string | number | boolean | null;
type Token = { kind: 'ident'; text: string } | { kind: 'literal'; value: Literal } | { kind: 'op'; text: string } | { kind: 'punct'; text: '(' | ')' | ',' };

/** A `Field = 'value'` term every matching record meets (an index can narrow the records to test to its hits). */
export interface ThqlEquality {
  /** Canonical field name. */
  readonly field: string;
  readonly value: string | number | boolean;
}

/**
 * Compiles a filter for `object`, or returns the reason it cannot (a sentence fragment naming the position). With
 * the predicate come the filter's top-level `Field = value` terms (those AND-ed at the top, outside any `or` or `not`).
 */
export function compileThql(object: PrmObjectName, filter: string): { ok: true; predicate: ThqlPredicate; equalities: readonly ThqlEquality[] } | { ok: false; reason: string } {
  try {
    const parser = new Parser(object, tokenize(filter));
    const predicate = parser.expression();
    parser.end();
    return { ok: true, predicate, equalities: parser.equalities };
  } catch (error) {
    if (error instanceof ThqlSyntaxError) return { ok: false, reason: error.message };
    throw error;
  }
}

class ThqlSyntaxError extends Error {}

const KEYWORDS = new Set(['and', 'or', 'not', 'is', 'null', 'like', 'in', 'true', 'false']);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) i++;
    else if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new ThqlSyntaxError(`unterminated string starting at position ${text.length - value.length - 1}`);
        if (text[i] === "'" && text[i + 1] === "'") (value += "'"), (i += 2);
        else if (text[i] === "'") break;
        else value += text[i++];
      }
      i++;
      tokens.push({ kind: 'literal', value });
    } else if (/[-\d]/.test(c) && /^-?\d/.test(text.slice(i))) {
      const m = /^-?\d+(\.\d+)?/.exec(text.slice(i))!;
      tokens.push({ kind: 'literal', value: Number(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][\w.]*/.exec(text.slice(i))!;
      const lower = m[0].toLowerCase();
      if (lower === 'true' || lower === 'false') tokens.push({ kind: 'literal', value: lower === 'true' });
      else if (lower === 'null') tokens.push({ kind: 'literal', value: null });
      else tokens.push({ kind: KEYWORDS.has(lower) ? 'op' : 'ident', text: KEYWORDS.has(lower) ? lower : m[0] });
      i += m[0].length;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: 'punct', text: c });
      i++;
    } else {
      const m = /^(<=|>=|<>|!=|=|<|>)/.exec(text.slice(i));
      if (!m) throw new ThqlSyntaxError(`unexpected character "${c}" at position ${i}`);
      tokens.push({ kind: 'op', text: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

class Parser {
  #pos = 0;
  /** How deep in parentheses or `not` the parser is (top-level terms are at 0). */
  #depth = 0;
  #topLevelOr = false;
  readonly #equalities: ThqlEquality[] = [];
  constructor(
    private readonly object: PrmObjectName,
    private readonly tokens: Token[],
  ) {}

  end(): void {
    const token = this.tokens[this.#pos];
    if (token) throw new ThqlSyntaxError(`unexpected ${describe(token)} after the end of the condition`);
  }

  /** The top-level `Field = value` terms (none when the top level has an `or`). */
  get equalities(): readonly ThqlEquality[] {
    return this.#topLevelOr ? [] : this.#equalities;
  }

  expression(): ThqlPredicate {
    let left = this.conjunction();
    while (this.#acceptOp('or')) {
      if (this.#depth === 0) this.#topLevelOr = true;
      const a = left;
      const b = this.conjunction();
      left = (r) => a(r) || b(r);
    }
    return left;
  }

  conjunction(): ThqlPredicate {
    let left = this.unary();
    while (this.#acceptOp('and')) {
      const a = left;
      const b = this.unary();
      left = (r) => a(r) && b(r);
    }
    return left;
  }

  unary(): ThqlPredicate {
    if (this.#acceptOp('not')) {
      this.#depth++;
      const inner = this.unary();
      this.#depth--;
      return (r) => !inner(r);
    }
    if (this.#acceptPunct('(')) {
      this.#depth++;
      const inner = this.expression();
      this.#depth--;
      if (!this.#acceptPunct(')')) throw new ThqlSyntaxError(`expected ")" but found ${this.#describeNext()}`);
      return inner;
    }
    return this.comparison();
  }

  comparison(): ThqlPredicate {
    const token = this.tokens[this.#pos++];
    if (token?.kind !== 'ident') throw new ThqlSyntaxError(`expected a field name but found ${token ? describe(token) : 'the end of the filter'}`);
    const spec = prmField(this.object, token.text);
    if (!spec) throw new ThqlSyntaxError(`unknown field "${token.text}" on ${this.object}`);
    const name = spec.name;
    if (this.#acceptOp('is')) {
      const negated = this.#acceptOp('not');
      const lit = this.tokens[this.#pos++];
      if (lit?.kind !== 'literal' || lit.value !== null) throw new ThqlSyntaxError(`expected "null" after "is"`);
      return (r) => ((r[name] ?? null) === null) !== negated;
    }
    if (this.#acceptOp('like')) {
      const pattern = this.#literal();
      if (typeof pattern !== 'string') throw new ThqlSyntaxError(`"like" needs a quoted pattern`);
      const regex = new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`, 'is');
      return (r) => typeof r[name] === 'string' && regex.test(r[name] as string);
    }
    if (this.#acceptOp('in')) {
      if (!this.#acceptPunct('(')) throw new ThqlSyntaxError(`expected "(" after "in"`);
      const values: Literal[] = [this.#literal()];
      while (this.#acceptPunct(',')) values.push(this.#literal());
      if (!this.#acceptPunct(')')) throw new ThqlSyntaxError(`expected ")" to close "in (…)"`);
      return (r) => values.some((v) => compare(spec, r[name] ?? null, v) === 0);
    }
    const op = this.tokens[this.#pos++];
    if (op?.kind !== 'op' || !['=', '!=', '<>', '<', '<=', '>', '>='].includes(op.text)) throw new ThqlSyntaxError(`expected an operator after "${token.text}" but found ${op ? describe(op) : 'the end of the filter'}`);
    const value = this.#literal();
    if (value === null && (op.text === '=' || op.text === '!=' || op.text === '<>')) return (r) => ((r[name] ?? null) === null) === (op.text === '=');
    if (op.text === '=' && value !== null && this.#depth === 0) this.#equalities.push({ field: name, value });
    return (r) => {
      const c = compare(spec, r[name] ?? null, value);
      if (c === undefined) return false;
      switch (op.text) {
        case '=': return c === 0;
        case '<': return c < 0;
        case '<=': return c <= 0;
        case '>': return c > 0;
        case '>=': return c >= 0;
        default: return c !== 0;
      }
    };
  }

  #literal(): Literal {
    const token = this.tokens[this.#pos++];
    if (token?.kind !== 'literal') throw new ThqlSyntaxError(`expected a value but found ${token ? describe(token) : 'the end of the filter'}`);
    return token.value;
  }

  #acceptOp(text: string): boolean {
    const token = this.tokens[this.#pos];
    if (token?.kind === 'op' && token.text === text) return ++this.#pos > 0;
    return false;
  }

  #acceptPunct(text: string): boolean {
    const token = this.tokens[this.#pos];
    if (token?.kind === 'punct' && token.text === text) return ++this.#pos > 0;
    return false;
  }

  #describeNext(): string {
    const token = this.tokens[this.#pos];
    return token ? describe(token) : 'the end of the filter';
  }
}

function describe(token: Token): string {
  return token.kind === 'literal' ? `value ${JSON.stringify(token.value)}` : `"${token.text}"`;
}

/** Compares a stored value with a literal by the field's type; undefined when they cannot be compared (nulls). */
function compare(spec: PrmFieldSpec, stored: PrmValue, literal: Literal): number | undefined {
  if (stored === null || literal === null) return undefined;
  switch (spec.dataType) {
    case 'Date':
    case 'DateTime': {
      const a = typeof stored === 'string' ? parsePrmDate(stored) : undefined;
      const b = typeof literal === 'string' ? parsePrmDate(literal) : undefined;
      return a === undefined || b === undefined ? undefined : Math.sign(a - b);
    }
    case 'Integer':
    case 'Fk':
    case 'Decimal': {
      const b = typeof literal === 'number' ? literal : Number(literal);
      return typeof stored === 'number' && !Number.isNaN(b) ? Math.sign(stored - b) : undefined;
    }
    case 'Boolean': {
      const b = literal === 1 || literal === '1' || literal === true || (typeof literal === 'string' && literal.toLowerCase() === 'true');
      return stored === b ? 0 : 1;
    }
    default: {
      const a = String(stored).toLowerCase();
      const b = String(literal).toLowerCase();
      return a === b ? 0 : a < b ? -1 : 1;
    }
  }
}
