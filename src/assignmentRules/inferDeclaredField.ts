import type { DeclaredField } from '../systems/crm/schemaExtension.ts';
import type { FilterOperation } from './assignmentRulesMetadata.ts';
import { parseCriterionDate, parseCriterionNumber } from './criterionValue.ts';

/** What a rule's criteria say about one field the org does not declare: the operations used and the values given. */
export interface FieldEvidence {
  readonly operations: ReadonlySet<FilterOperation>;
  /** Every value of every criterion on the field, split as Salesforce splits them, in file order. */
  readonly values: readonly string[];
}

const ORDERING: ReadonlySet<FilterOperation> = new Set(['lessThan', 'greaterThan', 'lessOrEqual', 'greaterOrEqual']);
const TEXT_MATCHING: ReadonlySet<FilterOperation> = new Set(['contains', 'notContain', 'startsWith']);

/**
 * The declaration a field most likely has, from how a rule's criteria use it (a starting point for the org spec,
 * which the user can correct): `includes`/`excludes` → a multi-select picklist of the values; only True/False →
 * a checkbox; numbers (`1,000`, `USD 80,000`) → `currency` when one names a currency, else `double`; dates →
 * `date`; text matched with contains or starts with, or no value at all → `string`; otherwise a picklist of the
 * values, unrestricted (the rule need not name every value).
 */
export function inferDeclaredField(evidence: FieldEvidence): DeclaredField {
  const { operations } = evidence;
  const values = [...new Set(evidence.values)];
  const has = (set: ReadonlySet<FilterOperation>) => [...operations].some((op) => set.has(op));
  if (operations.has('includes') || operations.has('excludes')) {
    return { type: 'multipicklist', values: [...new Set(values.flatMap((v) => v.split(';').map((part) => part.trim())).filter((v) => v !== ''))] };
  }
  if (values.length === 0) return { type: 'string' };
  if (values.every((v) => /^(true|false)$/i.test(v))) return { type: 'boolean' };
  if (values.every((v) => parseCriterionNumber(v) !== undefined)) return { type: values.some((v) => /^[A-Z]{3}\s/.test(v.trim())) ? 'currency' : values.some((v) => v.trim().endsWith('%')) ? 'percent' : 'double' };
  if (values.every((v) => parseCriterionDate(v, false) !== undefined)) return { type: 'date' };
  if (has(TEXT_MATCHING) || has(ORDERING)) return { type: 'string' };
  return { type: 'picklist', values };
}
