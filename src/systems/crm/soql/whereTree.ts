import type { ConditionWithValueQuery, WhereClause } from 'soql-parser-js';
import { chainConditions, clauseNodes, clauseText, hasNegationRun, tokensFromAst, tokensFromCst, type LogicalToken } from './logicalTokens.ts';
import { parseCst, parseSoql, positionedMessage, unexpectedToken } from './parseSoql.ts';
import { malformed, notSupported, SoqlFailure } from './soqlError.ts';

/** A WHERE (or HAVING) clause as a boolean tree. */
export type WhereNode =
  | { readonly kind: 'and' | 'or'; readonly children: readonly WhereNode[] }
  | { readonly kind: 'not'; readonly child: WhereNode }
  | { readonly kind: 'condition'; readonly condition: ConditionWithValueQuery };

/** Which clause of which (sub)query a tree is read from, to find it again in the syntax tree when needed. */
export interface ClauseRef {
  /** `whereClause` or `havingClause`. */
  readonly rule: 'whereClause' | 'havingClause';
  /** Its index among the query text's clauses of that kind, in text order (subqueries in SELECT come first). */
  readonly index: number;
}

class Unexpected extends Error {
  constructor(readonly token: LogicalToken | undefined) {
    super('unexpected token');
  }
}

/**
 * The boolean grammar of a WHERE or HAVING clause, as Salesforce accepts it (and as the property test in
 * test/soql generates it):
 *
 * ```
 * logical     := NOT conditional
 *              | conditional { AND conditional }
 *              | conditional { OR conditional }
 * conditional := '(' logical ')' | fieldExpression
 * ```
 *
 * So NOT negates one condition or one parenthesised group and is a whole expression by itself: `NOT (NOT (NOT a))`
 * and `(NOT a) AND b` are accepted, `NOT a AND b`, `a AND NOT b` and `NOT NOT a` are refused ("unexpected token:
 * 'AND'" / "'NOT'"), and AND and OR cannot be mixed without parentheses. Parentheses nest to any depth.
 * Sources: "Logical Operators" and "WHERE" in the SOQL and SOSL Reference
 * (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_logicaloperators.htm);
 * the refusals as Salesforce reports them (jetstreamapp/soql-parser-js#201, #237; apex-dml-mocking#50:
 * `WHERE Name != null AND NOT Name LIKE …` → `unexpected token: 'NOT'`); the same rules in the apex-parser grammar
 * (nawforce/apex-parser, `logicalExpression`).
 */
function parseLogical(tokens: readonly LogicalToken[]): WhereNode {
  let pos = 0;

  function logical(): WhereNode {
    if (tokens[pos]?.kind === 'NOT') {
      pos++;
      return { kind: 'not', child: conditional() };
    }
    const children = [conditional()];
    let op: 'AND' | 'OR' | undefined;
    for (let t = tokens[pos]; t?.kind === 'AND' || t?.kind === 'OR'; t = tokens[pos]) {
      if (op !== undefined && t.kind !== op) throw new Unexpected(t);
      op = t.kind;
      pos++;
      children.push(conditional());
    }
    if (op === undefined) return children[0] as WhereNode;
    return { kind: op === 'AND' ? 'and' : 'or', children };
  }

  function conditional(): WhereNode {
    const t = tokens[pos];
    if (t?.kind === '(') {
      pos++;
      const inner = logical();
      if (tokens[pos]?.kind !== ')') throw new Unexpected(tokens[pos]);
      pos++;
      return inner;
    }
    if (t?.kind === 'condition') {
      pos++;
      return { kind: 'condition', condition: t.condition };
    }
    throw new Unexpected(t);
  }

  const tree = logical();
  if (pos < tokens.length) throw new Unexpected(tokens[pos]);
  return tree;
}

function tokenText(token: LogicalToken | undefined): string {
  if (token === undefined) return '';
  if (token.at) return token.at.image;
  if (token.kind !== 'condition') return token.kind;
  const c = token.condition;
  return 'field' in c ? c.field : 'fn' in c ? (c.fn.functionName ?? '') : '(';
}

function refusal(soql: string, token: LogicalToken | undefined): SoqlFailure {
  const what = unexpectedToken(tokenText(token));
  if (token?.at) return malformed(positionedMessage(soql, token.at.line, token.at.column, what));
  if (token === undefined) {
    const lines = soql.split('\n');
    return malformed(positionedMessage(soql, lines.length, (lines[lines.length - 1] ?? '').length + 1, what));
  }
  return malformed(what);
}

/**
 * Rebuilds the boolean tree of a WHERE or HAVING clause under Salesforce's grammar (see `parseLogical` above) and
 * throws MALFORMED_QUERY with Salesforce's message (`unexpected token: 'NOT'`, with its row and column) for a form
 * Salesforce refuses. The parser's AST is read first; where it can be lossy (a run of NOTs) or the clause is refused,
 * the exact tokens come from the concrete syntax tree instead (a second parse, on that rare path only).
 */
export function whereTree(clause: WhereClause, soql: string, ref: ClauseRef = { rule: 'whereClause', index: 0 }): WhereNode {
  const fromAst = tokensFromAst(clause);
  if (!hasNegationRun(fromAst)) {
    try {
      return parseLogical(fromAst);
    } catch (error) {
      if (!(error instanceof Unexpected)) throw error;
    }
  }
  const cst = parseCst(soql);
  const node = cst ? clauseNodes(cst, ref.rule)[ref.index] : undefined;
  const exact = node ? tokensFromCst(node, chainConditions(clause)) : undefined;
  if (!exact) throw notSupported(soql, 'This arrangement of NOT and parentheses', 'Write each NOT as `(NOT condition)` or `NOT (group)`');
  try {
    return parseLogical(exact);
  } catch (error) {
    if (error instanceof Unexpected) throw refusal(soql, error.token);
    throw error;
  }
}

/**
 * The boolean tree of a query's HAVING clause. soql-parser-js drops negated conditions from HAVING, so the clause's
 * text is read from the concrete syntax tree and parsed as a WHERE clause (the same grammar, aggregates allowed).
 */
export function havingTree(soql: string): WhereNode {
  const cst = parseCst(soql);
  const node = cst ? clauseNodes(cst, 'havingClause')[0] : undefined;
  const text = node ? clauseText(node, soql) : undefined;
  if (text === undefined) throw notSupported(soql, 'This HAVING clause', 'Simplify the HAVING clause');
  const asWhere = `SELECT Id FROM Lead WHERE ${text}`;
  const where = parseSoql(asWhere).where;
  if (!where) throw notSupported(soql, 'This HAVING clause', 'Simplify the HAVING clause');
  return whereTree(where, asWhere);
}
