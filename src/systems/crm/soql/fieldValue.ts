import type { FieldSpec } from '../schema.ts';
import { toEpochMs } from './soqlLiteral.ts';

/** How the engine compares a field's values. */
export type ValueKind = 'text' | 'id' | 'boolean' | 'number' | 'datetime' | 'date';

/** The comparison kind of a field type. */
export function kindOf(spec: FieldSpec): ValueKind {
  switch (spec.type) {
    case 'id':
    case 'reference':
      return 'id';
    case 'boolean':
      return 'boolean';
    case 'int':
    case 'double':
      return 'number';
    case 'datetime':
      return 'datetime';
    case 'date':
      return 'date';
    case 'string':
    case 'email':
    case 'phone':
    case 'url':
    case 'textarea':
    case 'picklist':
    case 'multipicklist':
      return 'text';
  }
}

/**
 * A stored value in comparable form: text and ids as non-empty strings, numbers, booleans, dates and datetimes as
 * epoch ms. Empty and unreadable values are null, except that an absent (undefined) checkbox is false, since
 * Salesforce checkboxes are never null; `readField` gives null, not undefined, through an empty relationship.
 */
export function comparable(kind: ValueKind, value: unknown): string | number | boolean | null {
  if (value === undefined) return kind === 'boolean' ? false : null;
  if (value === null || value === '') return null;
  switch (kind) {
    case 'text':
    case 'id':
      return typeof value === 'string' ? value : String(value);
    case 'boolean':
      return value === true || value === 'true';
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(n) ? n : null;
    }
    case 'datetime':
    case 'date': {
      const ms = typeof value === 'number' ? value : toEpochMs(String(value));
      return Number.isFinite(ms) ? ms : null;
    }
  }
}
