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
      return 'text';
  }
}

/**
 * A stored value in comparable form: text and ids as non-empty strings, numbers, booleans (missing = false, as
 * Salesforce checkboxes are never null), dates and datetimes as epoch ms. Empty and unreadable values are null.
 */
export function comparable(kind: ValueKind, value: unknown): string | number | boolean | null {
  if (value === undefined || value === null || value === '') return kind === 'boolean' ? false : null;
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
