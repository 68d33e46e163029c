import type { ConditionWithValueQuery, WhereClause } from 'soql-parser-js';
import { malformed, notSupported } from './soqlError.ts';

/** A WHERE clause as a boolean tree (soql-parser-js gives a flat chain with parenthesis counts instead). */
export type WhereNode =
  | { readonly kind: 'and' | 'or'; readonly children: readonly WhereNode[] }
  | { readonly kind: 'not'; readonly child: WhereNode }
  | { readonly kind: 'condition'; readonly condition: ConditionWithValueQuery };

type Token = '(' | ')' | 'NOT' | 'AND' | 'OR' | { readonly condition: ConditionWithValueQuery };

function isCondition(left: unknown): left is ConditionWithValueQuery {
  return typeof left === 'object' && left !== null && ('field' in left || 'fn' in left);
}

/** Flattens the parser's chain back into the token sequence of the original text. */
function tokenize(where: WhereClause): Token[] {
  const tokens: Token[] = [];
  let node: WhereClause | undefined = where;
  while (node) {
    const left: unknown = node.left;
    const operator = 'operator' in node ? node.operator : undefined;
    if (isCondition(left)) {
      const parens = left as { openParen?: number; closeParen?: number };
      for (let i = 0; i < (parens.openParen ?? 0); i++) tokens.push('(');
      tokens.push({ condition: left });
      for (let i = 0; i < (parens.closeParen ?? 0); i++) tokens.push(')');
      if (operator) tokens.push(operator);
    } else {
      const open = (left as { openParen?: number } | null)?.openParen ?? 0;
      for (let i = 0; i < open; i++) tokens.push('(');
      if (operator) tokens.push(operator);
    }
    node = 'right' in node ? node.right : undefined;
  }
  return tokens;
}

/**
 * Rebuilds the boolean tree of a WHERE clause. NOT applies to the condition or parenthesised group after it; AND
 * and OR may not be mixed without parentheses (Salesforce rejects `a AND b OR c` with MALFORMED_QUERY).
 */
export function whereTree(where: WhereClause, soql: string): WhereNode {
  const tokens = tokenize(where);
  // soql-parser-js 5 drops a "( NOT" pair from `NOT (NOT (NOT …))`; the unbalanced parentheses give it away.
  const opens = tokens.filter((t) => t === '(').length;
  if (opens !== tokens.filter((t) => t === ')').length) {
    throw notSupported(soql, 'Writing `NOT (NOT (NOT …`', 'Remove a pair of NOTs, which cancel out, or restructure the condition');
  }
  let pos = 0;

  const unexpected = (token: Token | undefined) =>
    malformed(`unexpected token: ${token === undefined ? '<EOF>' : typeof token === 'string' ? `'${token}'` : `'${'field' in token.condition ? token.condition.field : '('}'`}`);

  function expression(): WhereNode {
    const children = [unary()];
    let op: 'AND' | 'OR' | undefined;
    for (let t = tokens[pos]; t === 'AND' || t === 'OR'; t = tokens[pos]) {
      if (op !== undefined && t !== op) throw unexpected(t);
      op = t;
      pos++;
      children.push(unary());
    }
    if (op === undefined) return children[0] as WhereNode;
    return { kind: op === 'AND' ? 'and' : 'or', children };
  }

  function unary(): WhereNode {
    const t = tokens[pos];
    if (t === 'NOT') {
      pos++;
      return { kind: 'not', child: unary() };
    }
    if (t === '(') {
      pos++;
      const inner = expression();
      if (tokens[pos] !== ')') throw unexpected(tokens[pos]);
      pos++;
      return inner;
    }
    if (t !== undefined && typeof t === 'object') {
      pos++;
      return { kind: 'condition', condition: t.condition };
    }
    throw unexpected(t);
  }

  const tree = expression();
  if (pos < tokens.length) throw unexpected(tokens[pos]);
  return tree;
}
