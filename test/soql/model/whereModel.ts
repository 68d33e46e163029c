import { fc } from '@fast-check/vitest';
import { LEAD_STATUSES } from '../../../src/systems/crm/schema.ts';
import { caseless, FIELDS, REGIONS, text, TIMES, USER_IDS, valueOf, type FieldDef, type Kind, type Row, type Val } from './leadRows.ts';

// Random WHERE clauses under the grammar Salesforce accepts (the one documented on `whereTree` in
// src/systems/crm/soql/whereTree.ts), rendered to SOQL text, and a plain evaluation of them.
//
//   logical     := NOT conditional | conditional { AND conditional } | conditional { OR conditional }
//   conditional := '(' logical ')' | fieldExpression
//
// Every tree renders to text the grammar accepts: a NOT inside AND/OR is parenthesised, NOT is followed by a
// condition or a parenthesised group, and any conditional may carry redundant parentheses.

export type Literal = { kind: 'null' } | { kind: 'value'; value: string | number | boolean };
export type Cond =
  | { t: 'cmp'; field: FieldDef; op: '=' | '!=' | '<>' | '<' | '<=' | '>' | '>='; lit: Literal }
  | { t: 'in'; field: FieldDef; not: boolean; lits: Literal[] }
  | { t: 'like'; field: FieldDef; pattern: { wild?: '%' | '_'; char?: string }[] };
/** A boolean tree of WHERE conditions. */
export type Tree = GenericTree<Cond>;

function literalArb(field: FieldDef): fc.Arbitrary<Literal> {
  const value = (() => {
    switch (field.kind) {
      case 'text':
        return fc.oneof(text, fc.constantFrom('a@x.io', 'b@X.IO', 'c_d@y.io', 'ANN', 'bo', 'ann b'));
      case 'picklist':
        return fc.constantFrom(...LEAD_STATUSES, ...REGIONS, 'mql', 'emea');
      case 'boolean':
        return fc.boolean();
      case 'number':
        return fc.oneof(fc.integer({ min: -4, max: 4 }), fc.constantFrom(0.5, -1.5));
      case 'datetime':
        return fc.constantFrom(...TIMES);
      case 'id':
        return fc.constantFrom(...USER_IDS);
    }
  })() as fc.Arbitrary<string | number | boolean>;
  return fc.oneof({ weight: 1, arbitrary: fc.constant<Literal>({ kind: 'null' }) }, { weight: 6, arbitrary: value.map((v): Literal => ({ kind: 'value', value: v })) });
}

export const condArb: fc.Arbitrary<Cond> = fc.constantFrom(...FIELDS).chain((field): fc.Arbitrary<Cond> => {
  const lit = literalArb(field);
  const ordered = field.kind !== 'boolean' && field.kind !== 'id';
  const ops = ordered ? (['=', '!=', '<>', '<', '<=', '>', '>='] as const) : (['=', '!='] as const);
  const options: fc.Arbitrary<Cond>[] = [
    fc.record({ t: fc.constant('cmp' as const), field: fc.constant(field), op: fc.constantFrom(...ops), lit }),
    fc.record({ t: fc.constant('in' as const), field: fc.constant(field), not: fc.boolean(), lits: fc.array(lit, { minLength: 1, maxLength: 3 }) }),
  ];
  if (field.kind === 'text' || field.kind === 'picklist') {
    // Short patterns over the same few characters as the data, so that LIKE often matches.
    const piece = fc.oneof(fc.record({ wild: fc.constantFrom('%' as const, '_' as const) }), fc.record({ char: fc.constantFrom('a', 'B', '_', '%', "'", '\\', '@') }));
    options.push(fc.record({ t: fc.constant('like' as const), field: fc.constant(field), pattern: fc.array(piece, { maxLength: 4 }) }));
  }
  return fc.oneof(...options);
});

const parensArb = fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }) });

/** Trees of conditions over `leaf`, nested to any depth (NOT chains included). */
export function treeArb<C>(leaf: fc.Arbitrary<C>): fc.Arbitrary<GenericTree<C>> {
  const { tree } = fc.letrec<{ tree: GenericTree<C> }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({ t: fc.constant('leaf' as const), c: leaf, parens: parensArb }),
      fc.record({ t: fc.constantFrom('and' as const, 'or' as const), children: fc.array(tie('tree'), { minLength: 2, maxLength: 3 }), parens: parensArb }),
      fc.record({ t: fc.constant('not' as const), child: tie('tree'), parens: parensArb }),
    ),
  }));
  return tree;
}
/** A boolean tree; `parens` adds that many redundant pairs of parentheses around the node. */
export type GenericTree<C> = ({ t: 'leaf'; c: C } | { t: 'and' | 'or'; children: GenericTree<C>[] } | { t: 'not'; child: GenericTree<C> }) & { parens: number };

export const whereArb: fc.Arbitrary<Tree> = treeArb(condArb);

// ---- rendering -------------------------------------------------------------------------------------------------
export const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
export const casing = (name: string, lower: boolean) => (lower ? name.toLowerCase() : name);

function renderLiteral(lit: Literal, field: FieldDef): string {
  if (lit.kind === 'null') return 'null';
  const v = lit.value;
  if (field.kind === 'boolean' || field.kind === 'number' || field.kind === 'datetime') return String(v);
  return quote(String(v));
}

export function renderCond(c: Cond, lower: boolean): string {
  const name = casing(c.field.name, lower);
  switch (c.t) {
    case 'cmp':
      return `${name} ${c.op} ${renderLiteral(c.lit, c.field)}`;
    case 'in':
      return `${name} ${c.not ? 'NOT IN' : 'IN'} (${c.lits.map((l) => renderLiteral(l, c.field)).join(', ')})`;
    case 'like': {
      const body = c.pattern.map((p) => p.wild ?? (p.char === '%' || p.char === '_' ? `\\${p.char}` : p.char === "'" ? "\\'" : p.char === '\\' ? '\\\\' : p.char)).join('');
      return `${name} LIKE '${body}'`;
    }
  }
}

const wrap = (s: string, n: number) => `${'('.repeat(n)}${s}${')'.repeat(n)}`;

/** A `conditional`: a leaf, or any other node in parentheses; plus the node's redundant parentheses. */
function conditional<C>(tree: GenericTree<C>, leaf: (c: C) => string): string {
  if (tree.t === 'leaf') return wrap(leaf(tree.c), tree.parens);
  return wrap(`(${logical(tree, leaf)})`, tree.parens);
}

/** A `logical`: NOT conditional, or conditionals joined by one operator. */
function logical<C>(tree: GenericTree<C>, leaf: (c: C) => string): string {
  switch (tree.t) {
    case 'leaf':
      return leaf(tree.c);
    case 'not':
      return `NOT ${conditional(tree.child, leaf)}`;
    default:
      return tree.children.map((c) => conditional(c, leaf)).join(tree.t === 'and' ? ' AND ' : ' OR ');
  }
}

/** A tree as the text of a WHERE (or HAVING) clause. */
export function renderTree<C>(tree: GenericTree<C>, leaf: (c: C) => string): string {
  return tree.parens > 0 || tree.t === 'leaf' ? conditional(tree, leaf) : logical(tree, leaf);
}

export const renderWhere = (tree: Tree, lower: boolean) => renderTree(tree, (c) => renderCond(c, lower));

// ---- the reference evaluation ----------------------------------------------------------------------------------
function litValue(lit: Literal, field: FieldDef): Val {
  if (lit.kind === 'null') return null;
  if (lit.value === '') return null; // Salesforce: `Field = ''` is `Field = null`
  return field.kind === 'datetime' ? new Date(String(lit.value)).getTime() : lit.value;
}

export function eq(a: Val, b: Val, k: Kind): boolean {
  if (a === null || b === null) return a === b;
  return caseless(k) ? String(a).toLowerCase() === String(b).toLowerCase() : a === b;
}
export function cmp(a: Val, b: Val, k: Kind): number {
  const x = caseless(k) ? String(a).toLowerCase() : (a as number);
  const y = caseless(k) ? String(b).toLowerCase() : (b as number);
  return x < y ? -1 : x > y ? 1 : 0;
}

function likeMatch(pieces: { wild?: string; char?: string }[], s: string): boolean {
  const go = (i: number, j: number): boolean => {
    if (i === pieces.length) return j === s.length;
    const p = pieces[i] as { wild?: string; char?: string };
    if (p.wild === '%') {
      for (let k = j; k <= s.length; k++) if (go(i + 1, k)) return true;
      return false;
    }
    if (j >= s.length) return false;
    if (p.wild === '_') return go(i + 1, j + 1);
    return (s[j] as string).toLowerCase() === (p.char as string).toLowerCase() && go(i + 1, j + 1);
  };
  return go(0, 0);
}

/** A comparison of a value with literal(s), as Salesforce evaluates it. */
export function compare(v: Val, op: string, lit: Val, k: Kind): boolean {
  if (op === '=') return eq(v, lit, k);
  if (op === '!=' || op === '<>') return !eq(v, lit, k);
  if (v === null || lit === null) return false;
  const r = cmp(v, lit, k);
  return op === '<' ? r < 0 : op === '<=' ? r <= 0 : op === '>' ? r > 0 : r >= 0;
}

export function condHolds(c: Cond, row: Row): boolean {
  const v = valueOf(row, c.field);
  const k = c.field.kind;
  if (c.t === 'like') return v !== null && likeMatch(c.pattern, String(v));
  if (c.t === 'in') return c.not !== c.lits.some((l) => eq(v, litValue(l, c.field), k));
  return compare(v, c.op, litValue(c.lit, c.field), k);
}

/** Whether a tree holds, given how its leaves evaluate. */
export function treeHolds<C>(tree: GenericTree<C>, leaf: (c: C) => boolean): boolean {
  switch (tree.t) {
    case 'and':
      return tree.children.every((c) => treeHolds(c, leaf));
    case 'or':
      return tree.children.some((c) => treeHolds(c, leaf));
    case 'not':
      return !treeHolds(tree.child, leaf);
    case 'leaf':
      return leaf(tree.c);
  }
}

export const holds = (tree: Tree, row: Row) => treeHolds(tree, (c) => condHolds(c, row));
