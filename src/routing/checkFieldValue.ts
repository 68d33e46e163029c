import { describeValue } from '../core/errors.ts';
import type { FieldSpec } from '../systems/crm/schema.ts';

const TEXT_TYPES = new Set(['id', 'string', 'email', 'phone', 'url', 'textarea', 'reference']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Why a value does not fit a field: what the field takes and what was given. */
export interface ValueMismatch {
  readonly expected: string;
  readonly got: string;
}

/**
 * Checks that `value` fits a field of type `spec`: a boolean for a checkbox, one of the values for a picklist, a
 * number for a number, an ISO date for a date, a string within the length for text. Undefined when it fits.
 */
export function checkFieldValue(spec: FieldSpec, value: unknown): ValueMismatch | undefined {
  const got = describeValue(value);
  switch (spec.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : { expected: 'true or false', got };
    case 'picklist': {
      // An unrestricted picklist takes any text, as Salesforce's does; a restricted one only its values.
      const values = spec.values ?? [];
      if (typeof value === 'string' && (values.includes(value) || (!spec.restricted && value !== ''))) return undefined;
      return { expected: `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`, got };
    }
    case 'multipicklist': {
      const values = spec.values ?? [];
      const bad = typeof value === 'string' ? value.split(';').map((v) => v.trim()).find((v) => !values.includes(v)) : value;
      return bad === undefined ? undefined : { expected: `values from ${values.map((v) => JSON.stringify(v)).join(', ')}, separated by ";"`, got: describeValue(bad) };
    }
    case 'int':
      return Number.isInteger(value) ? undefined : { expected: 'an integer', got };
    case 'double':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : { expected: 'a number', got };
    case 'date':
    case 'datetime':
      return typeof value === 'string' && ISO_DATE.test(value) ? undefined : { expected: 'an ISO 8601 date', got };
    default:
      if (!TEXT_TYPES.has(spec.type) || typeof value !== 'string') return { expected: 'a string', got };
      if (spec.length !== undefined && value.length > spec.length) {
        return { expected: `at most ${spec.length} characters`, got: `${value.length} characters` };
      }
      return undefined;
  }
}

/** True for field types whose values are text, so `startsWith`, `contains` and `notContains` can apply. */
export function isTextLike(spec: FieldSpec): boolean {
  return TEXT_TYPES.has(spec.type) || spec.type === 'picklist';
}
