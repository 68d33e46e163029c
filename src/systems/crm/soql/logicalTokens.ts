import type { ConditionWithValueQuery, WhereClause } from 'soql-parser-js';
import type { CstNode, CstToken } from './parseSoql.ts';

/** Where a token starts in the query text (1-based), when it is known. */
export interface TokenPosition {
  readonly line: number;
  readonly column: number;
  readonly image: string;
}

/** One token of a WHERE or HAVING clause's boolean structure: a parenthesis, an operator, or a whole condition. */
export type LogicalToken =
  | { readonly kind: '(' | ')' | 'NOT' | 'AND' | 'OR'; readonly at?: TokenPosition }
  | { readonly kind: 'condition'; readonly condition: ConditionWithValueQuery; readonly at?: TokenPosition };

function isCondition(left: unknown): left is ConditionWithValueQuery {
  return typeof left === 'object' && left !== null && ('field' in left || 'fn' in left);
}

/** The conditions of a clause chain, in text order. */
export function chainConditions(clause: WhereClause): ConditionWithValueQuery[] {
  const out: ConditionWithValueQuery[] = [];
  for (let node: WhereClause | undefined = clause; node; node = 'right' in node ? node.right : undefined) {
    if (isCondition(node.left)) out.push(node.left);
  }
  return out;
}

/**
 * Flattens soql-parser-js's clause chain (conditions with open/close parenthesis counts) back into the token
 * sequence of the text. Exact except for three or more NOTs in a row before one condition (`NOT (NOT (NOT a))`):
 * the parser keeps only the first and the last of them, so `hasNegationRun` sends such clauses to `tokensFromCst`.
 */
export function tokensFromAst(clause: WhereClause): LogicalToken[] {
  const tokens: LogicalToken[] = [];
  const push = (kind: '(' | ')' | 'NOT' | 'AND' | 'OR', n = 1) => {
    for (let i = 0; i < n; i++) tokens.push({ kind });
  };
  for (let node: WhereClause | undefined = clause; node; node = 'right' in node ? node.right : undefined) {
    const left: unknown = node.left;
    const operator = 'operator' in node ? node.operator : undefined;
    if (isCondition(left)) {
      const parens = left as { openParen?: number; closeParen?: number };
      push('(', parens.openParen ?? 0);
      tokens.push({ kind: 'condition', condition: left });
      push(')', parens.closeParen ?? 0);
    } else {
      push('(', (left as { openParen?: number } | null)?.openParen ?? 0);
    }
    if (operator === 'AND' || operator === 'OR' || operator === 'NOT') push(operator);
  }
  return tokens;
}

/** True when a NOT is followed (after parentheses only) by another NOT: where the parser may have lost a NOT. */
export function hasNegationRun(tokens: readonly LogicalToken[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]?.kind !== 'NOT') continue;
    let j = i + 1;
    while (tokens[j]?.kind === '(') j++;
    if (tokens[j]?.kind === 'NOT') return true;
  }
  return false;
}

const isToken = (x: CstNode | CstToken): x is CstToken => 'image' in x;

function position(token: CstToken): TokenPosition | undefined {
  return token.startLine == null || token.startColumn == null ? undefined : { line: token.startLine, column: token.startColumn, image: token.image };
}

function tokensOf(node: CstNode, name: string): CstToken[] {
  return (node.children[name] ?? []).filter(isToken);
}

function nodesOf(node: CstNode, name: string): CstNode[] {
  return (node.children[name] ?? []).filter((c): c is CstNode => !isToken(c));
}

/** The clause nodes named `rule` (`whereClause`, `havingClause`) of a syntax tree, in text order. */
export function clauseNodes(root: CstNode, rule: string): CstNode[] {
  const out: CstNode[] = [];
  const visit = (node: CstNode) => {
    if (node.name === rule) out.push(node);
    const children = Object.values(node.children)
      .flat()
      .filter((c): c is CstNode => !isToken(c));
    children.sort((a, b) => firstOffset(a) - firstOffset(b));
    children.forEach(visit);
  };
  visit(root);
  return out;
}

function firstOffset(node: CstNode): number {
  let best = Infinity;
  for (const list of Object.values(node.children)) {
    for (const c of list) best = Math.min(best, isToken(c) ? (c.startOffset ?? Infinity) : firstOffset(c));
  }
  return best;
}

/**
 * The exact token sequence of one WHERE/HAVING clause from the concrete syntax tree, with positions, pairing each
 * condition with the AST's conditions (same order). Undefined when the two disagree on the number of conditions.
 */
export function tokensFromCst(clause: CstNode, conditions: readonly ConditionWithValueQuery[]): LogicalToken[] | undefined {
  const expressions = nodesOf(clause, 'conditionExpression');
  if (expressions.length !== conditions.length) return undefined;
  const tokens: LogicalToken[] = [];
  const parens = (list: readonly CstToken[], kind: '(' | ')') => list.forEach((t) => tokens.push({ kind, ...withAt(t) }));
  expressions.forEach((expression, i) => {
    for (const op of tokensOf(expression, 'logicalOperator')) tokens.push({ kind: op.image.toUpperCase() === 'OR' ? 'OR' : 'AND', ...withAt(op) });
    for (const negation of nodesOf(expression, 'expressionNegation')) {
      parens(tokensOf(negation, 'L_PAREN'), '(');
      for (const not of tokensOf(negation, 'expressionNegation')) tokens.push({ kind: 'NOT', ...withAt(not) });
    }
    const [inner] = nodesOf(expression, 'expression');
    if (!inner) return;
    parens(tokensOf(inner, 'L_PAREN'), '(');
    const lhs = inner.children['lhs']?.[0];
    const first = lhs === undefined ? undefined : isToken(lhs) ? lhs : firstToken(lhs);
    tokens.push({ kind: 'condition', condition: conditions[i] as ConditionWithValueQuery, ...(first ? withAt(first) : {}) });
    parens(tokensOf(inner, 'R_PAREN'), ')');
  });
  return tokens;
}

function firstToken(node: CstNode): CstToken | undefined {
  let best: CstToken | undefined;
  for (const list of Object.values(node.children)) {
    for (const c of list) {
      const t = isToken(c) ? c : firstToken(c);
      if (t && (t.startOffset ?? Infinity) < (best?.startOffset ?? Infinity)) best = t;
    }
  }
  return best;
}

function withAt(token: CstToken): { at?: TokenPosition } {
  const at = position(token);
  return at ? { at } : {};
}

/** The text of a clause node without its keyword(s) (`WHERE`, `HAVING`): from its first condition token to its last token. */
export function clauseText(node: CstNode, soql: string): string | undefined {
  let start = Infinity;
  let end = -1;
  const visit = (n: CstNode, top: boolean) => {
    for (const [name, list] of Object.entries(n.children)) {
      if (top && name !== 'conditionExpression') continue;
      for (const c of list) {
        if (!isToken(c)) visit(c, false);
        else {
          start = Math.min(start, c.startOffset ?? Infinity);
          end = Math.max(end, c.endOffset ?? -1);
        }
      }
    }
  };
  visit(node, true);
  return end < 0 || start === Infinity ? undefined : soql.slice(start, end + 1);
}
