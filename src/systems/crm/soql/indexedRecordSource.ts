import type { CrmSchema, SObjectType } from '../schema.ts';
import type { RecordSource, SRecord } from '../recordSource.ts';
import { kindOf } from './fieldValue.ts';
import { resolveField } from './resolveField.ts';
import { plainString, unquote } from './soqlLiteral.ts';
import type { WhereNode } from './whereTree.ts';

/**
 * A RecordSource that can look records up by a field value without a scan. `runQuery` uses it when a query's WHERE
 * is (or is AND-ed with) `Field = 'literal'` or `Field IN ('a', 'b')` on a text field (email, string, picklist, …).
 */
export interface IndexedRecordSource extends RecordSource {
  /**
   * The live records of `type` whose `field` (canonical API name, e.g. `Email`) equals `normalizedValue`, which is
   * the literal lower-cased (SOQL `=` on text is case-insensitive), in creation order. Return a superset if
   * convenient: `runQuery` still applies the full WHERE to each record. Return undefined when the field is not
   * indexed, and `runQuery` scans instead. Deleted records are never asked for through this method.
   */
  lookup?(type: SObjectType, field: string, normalizedValue: string): Iterable<SRecord> | undefined;
}

/** A field and the lower-cased values a query's WHERE pins it to. */
export interface IndexHint {
  readonly field: string;
  readonly values: readonly string[];
}

/**
 * The `text field = 'x'` / `IN (...)` conjuncts of a WHERE tree that `lookup` could serve, in clause order
 * (`runQuery` uses the first one the source has an index for). A conjunct comparing with '' (null) is skipped.
 */
export function indexHints(tree: WhereNode, type: SObjectType, alias?: string, schema?: CrmSchema): IndexHint[] {
  const hints: IndexHint[] = [];
  for (const node of tree.kind === 'and' ? tree.children : [tree]) {
    if (node.kind !== 'condition') continue;
    const c = node.condition;
    if (!('field' in c) || 'valueQuery' in c || (c.operator !== '=' && c.operator !== 'IN')) continue;
    const literals = Array.isArray(c.literalType) ? c.literalType : [c.literalType];
    if (literals.some((l) => l !== 'STRING')) continue;
    const field = resolveField(type, c.field, alias, schema);
    if (field.hops.length > 0 || kindOf(field.spec) !== 'text') continue;
    const values = (Array.isArray(c.value) ? c.value : [c.value]).map((v) => plainString(unquote(v)).toLowerCase());
    if (values.includes('')) continue;
    hints.push({ field: field.field, values: [...new Set(values)] });
  }
  return hints;
}
