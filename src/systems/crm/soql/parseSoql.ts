import { createRequire } from 'node:module';
import type * as SoqlParserJs from 'soql-parser-js';
import type { Query } from 'soql-parser-js';
import { QueryCache } from './queryCache.ts';
import { malformed, type SoqlFailure } from './soqlError.ts';

// soql-parser-js ships a UMD bundle as `main`, so Node's ESM loader sees no named exports; require it instead.
const require = createRequire(import.meta.url);
const { parseQuery } = require('soql-parser-js') as typeof SoqlParserJs;

/** A chevrotain token, as much of it as the error position needs. */
interface ParserToken {
  readonly image: string;
  readonly startLine?: number | null;
  readonly startColumn?: number | null;
}

/** A node of soql-parser-js's concrete syntax tree (chevrotain): child nodes and tokens by rule or token name. */
export interface CstNode {
  readonly name: string;
  readonly children: Readonly<Record<string, readonly (CstNode | CstToken)[]>>;
}

/** A token of the concrete syntax tree, with its 1-based position. */
export interface CstToken {
  readonly image: string;
  readonly startLine?: number | null;
  readonly startColumn?: number | null;
  readonly startOffset?: number;
  readonly endOffset?: number;
  readonly tokenType: { readonly name: string };
}

/**
 * The unbundled parser modules of soql-parser-js; loaded only where the bundle's AST is not enough: to find where a
 * syntax error is, and to read the exact token structure of a WHERE clause (see `logicalTokens.ts`).
 */
interface UnbundledParser {
  readonly lex: (soql: string) => { tokens: unknown[]; errors: { line: number; column: number; offset: number; length: number }[] };
  readonly parser: { input: unknown[]; selectStatement(): CstNode; errors: { token: ParserToken }[] };
}

let unbundled: UnbundledParser | null | undefined;

function loadUnbundled(): UnbundledParser | null {
  if (unbundled !== undefined) return unbundled;
  try {
    const lexer = require('soql-parser-js/dist/src/parser/lexer.js') as { lex: UnbundledParser['lex'] };
    const parserModule = require('soql-parser-js/dist/src/parser/parser.js') as { SoqlParser: new () => UnbundledParser['parser'] };
    unbundled = { lex: lexer.lex, parser: new parserModule.SoqlParser() };
  } catch {
    // The package layout changed: report errors without a position rather than fail.
    unbundled = null;
  }
  return unbundled;
}

/** Where the first syntax error of `soql` is, and the token found there; undefined when it cannot be told. */
function locateError(soql: string): { line: number; column: number; token: string } | undefined {
  const p = loadUnbundled();
  if (!p) return undefined;
  try {
    const lexed = p.lex(soql);
    const lexError = lexed.errors[0];
    if (lexError) return { line: lexError.line, column: lexError.column, token: soql.slice(lexError.offset, lexError.offset + lexError.length) };
    p.parser.input = lexed.tokens;
    p.parser.selectStatement();
    const token = p.parser.errors[0]?.token;
    if (!token) return undefined;
    if (token.image === '' || token.startLine == null || token.startColumn == null) {
      const lines = soql.split('\n');
      return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1, token: '' };
    }
    return { line: token.startLine, column: token.startColumn, token: token.image };
  } catch {
    return undefined;
  }
}

/** The offending token named in a soql-parser-js error message, when the message names one. */
function tokenFromMessage(message: string): string | undefined {
  const found = /but found(?: --> '(.*)' <--|: '?(.*?)'?$)/s.exec(message);
  if (found) return found[1] ?? found[2] ?? '';
  const lexed = /unexpected character: ->(.)<-/.exec(message);
  return lexed?.[1];
}

/** Salesforce's MALFORMED_QUERY message: the query line, a caret, the position and the unexpected token. */
export function syntaxErrorMessage(soql: string, parserMessage: string): string {
  const at = locateError(soql);
  const token = at?.token ?? tokenFromMessage(parserMessage);
  if (!at || token === undefined) return token === undefined ? parserMessage : unexpectedToken(token);
  return positionedMessage(soql, at.line, at.column, unexpectedToken(token));
}

/** `unexpected token: 'NOT'` (or `<EOF>` for the empty token), as Salesforce words it. */
export function unexpectedToken(token: string): string {
  return `unexpected token: ${token === '' ? '<EOF>' : `'${token}'`}`;
}

/**
 * Salesforce's layout of a MALFORMED_QUERY message: a newline, the query line, a caret under the 1-based column,
 * `ERROR at Row:n:Column:m` and what went wrong.
 * Source: the REST API's MALFORMED_QUERY bodies (e.g. `SELECT Id FRM Lead` → `ERROR at Row:1:Column:15`).
 */
export function positionedMessage(soql: string, line: number, column: number, what: string): string {
  const text = soql.split('\n')[line - 1] ?? '';
  return `\n${text}\n${' '.repeat(Math.max(0, column - 1))}^\nERROR at Row:${line}:Column:${column}\n${what}`;
}

/**
 * The concrete syntax tree of `soql` (a trailing `WHERE … OFFSET n` parsed without its OFFSET), or undefined when it
 * does not parse or the package layout changed. Costs a second parse: callers use it only when the AST is not enough.
 */
export function parseCst(soql: string): CstNode | undefined {
  const p = loadUnbundled();
  if (!p) return undefined;
  for (const text of [soql, soql.replace(TRAILING_OFFSET, '')]) {
    try {
      const lexed = p.lex(text);
      if (lexed.errors.length > 0) continue;
      p.parser.input = lexed.tokens;
      const cst = p.parser.selectStatement();
      if (p.parser.errors.length === 0) return cst;
    } catch {
      // try the next form
    }
  }
  return undefined;
}

const TRAILING_OFFSET = /\s+OFFSET\s+(\d+)\s*$/i;

/**
 * soql-parser-js 5 reads `WHERE … OFFSET n` (no LIMIT or ORDER BY between) as a condition on a field named OFFSET and
 * fails. Salesforce accepts it, so parse the query without its trailing OFFSET clause and put the offset back.
 */
function retryTrailingOffset(soql: string): Query | undefined {
  const match = TRAILING_OFFSET.exec(soql);
  if (!match) return undefined;
  try {
    const query = parseQuery(soql.slice(0, match.index));
    return query.offset === undefined ? { ...query, offset: Number(match[1]) } : undefined;
  } catch {
    return undefined;
  }
}

const STRING_LITERAL = /'(?:[^'\\]|\\.)*'/g;
const PLACEHOLDER = /^'__leadsim_literal_(\d+)__'$/;
/** A parsed template, and whether its literals all sit in its own WHERE (not in the SELECT list, ORDER BY, …). */
interface Template {
  readonly ast: Query;
  readonly whereOnly: boolean;
}

const templates = new QueryCache<Template | null>(200);
const PLACEHOLDER_TEXT = '__leadsim_literal_';

/** A copy of `node` with each placeholder string put back to its literal; counts the ones replaced in `seen`. */
function fillLiterals(node: unknown, literals: readonly string[], seen: { count: number }): unknown {
  if (typeof node === 'string') {
    const m = PLACEHOLDER.exec(node);
    if (!m) return node;
    seen.count += 1;
    return literals[Number(m[1])];
  }
  if (Array.isArray(node)) return node.map((n) => fillLiterals(n, literals, seen));
  if (node !== null && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(node)) out[key] = fillLiterals((node as Record<string, unknown>)[key], literals, seen);
    return out;
  }
  return node;
}

/**
 * The AST of `soql` from the parse of its template (the query with every string literal replaced by a numbered
 * placeholder), so queries that differ only in their literals (`WHERE Email = '…'`, one per lead) are parsed once.
 * Undefined when the template does not parse or the literals cannot all be put back: the caller parses `soql` itself.
 */
function parseByTemplate(soql: string): { readonly query: Query; readonly template: string; readonly whereOnly: boolean } | undefined {
  const literals: string[] = [];
  const template = soql.replace(STRING_LITERAL, (literal) => `'${PLACEHOLDER_TEXT}${literals.push(literal) - 1}__'`);
  if (literals.length === 0) return undefined;
  let parsed = templates.get(template);
  if (parsed === undefined) {
    try {
      const ast = parseQuery(template);
      const { where: _where, ...outside } = ast;
      parsed = { ast, whereOnly: !JSON.stringify(outside).includes(PLACEHOLDER_TEXT) };
    } catch {
      parsed = null;
    }
    templates.set(template, parsed);
  }
  if (parsed === null) return undefined;
  const seen = { count: 0 };
  // The parts outside a where-only template's WHERE hold no literal: they are shared, never changed by a reader.
  const filled = (parsed.whereOnly ? { ...parsed.ast, where: fillLiterals(parsed.ast.where, literals, seen) } : fillLiterals(parsed.ast, literals, seen)) as Query;
  return seen.count === literals.length ? { query: filled, template, whereOnly: parsed.whereOnly } : undefined;
}

/**
 * Parses SOQL text with soql-parser-js. Returns the parser's AST, or throws a MALFORMED_QUERY `SoqlFailure` whose
 * message reads like Salesforce's (`unexpected token: 'Lead'` with `ERROR at Row:1:Column:15`).
 */
export function parseSoql(soql: string): Query {
  return parseSoqlTemplate(soql).query;
}

/**
 * {@link parseSoql}, also naming the query's template (its text with every string literal replaced by a numbered
 * placeholder) when every literal sits in the query's own WHERE: queries of one such template differ only in their
 * WHERE's values, so everything else compiled for one of them holds for all of them.
 */
export function parseSoqlTemplate(soql: string): { readonly query: Query; readonly whereTemplate?: string } {
  const byTemplate = parseByTemplate(soql);
  if (byTemplate) return byTemplate.whereOnly ? { query: byTemplate.query, whereTemplate: byTemplate.template } : { query: byTemplate.query };
  return { query: parseFresh(soql) };
}

function parseFresh(soql: string): Query {
  try {
    return parseQuery(soql);
  } catch (error) {
    const retried = retryTrailingOffset(soql);
    if (retried) return retried;
    const failure: SoqlFailure = malformed(syntaxErrorMessage(soql, error instanceof Error ? error.message : String(error)));
    throw failure;
  }
}
