import { prmField, PRM_SCHEMA, type PrmFieldSpec, type PrmObjectName } from './prmSchema.ts';
import { prmFailure, prmOk, type PrmResult } from './prmResult.ts';

/** A stored field value. Dates are ISO-8601 strings in UTC (the simulated tenant's time zone). */
export type PrmValue = string | number | boolean | null;

/** A stored record: every field of its object, `null` when empty. */
export type PrmRecord = { readonly Id: number } & Readonly<Record<string, PrmValue>>;

/** Renders epoch ms as the simulator's date-time format (`2026-01-05T09:00:00Z`). */
export function prmTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Parses a THQL/API date: `yyyy-MM-dd`, `yyyy-MM-dd HH:mm:ss` (tenant time, UTC here) or ISO-8601. Returns epoch ms
 * or undefined.
 */
export function parsePrmDate(text: string): number | undefined {
  const trimmed = text.trim();
  const local = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?$/.exec(trimmed);
  const ms = local ? Date.parse(`${local[1]}T${local[2] ?? '00:00:00'}Z`) : /^\d{4}-\d{2}-\d{2}T/.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Converts one client value to its stored form, or says what was wrong (a sentence fragment). */
export function coercePrmValue(spec: PrmFieldSpec, value: unknown): { ok: true; value: PrmValue } | { ok: false; reason: string } {
  if (value === null) return { ok: true, value: null };
  const got = JSON.stringify(value);
  switch (spec.dataType) {
    case 'Integer':
    case 'Fk':
      if (typeof value === 'number' && Number.isInteger(value)) return { ok: true, value };
      if (typeof value === 'string' && /^\d+$/.test(value)) return { ok: true, value: Number(value) };
      return { ok: false, reason: `must be an integer (got ${got})` };
    case 'Decimal':
      if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value };
      return { ok: false, reason: `must be a number (got ${got})` };
    case 'Boolean':
      if (typeof value === 'boolean') return { ok: true, value };
      return { ok: false, reason: `must be true or false (got ${got})` };
    case 'Date':
    case 'DateTime': {
      const ms = typeof value === 'string' ? parsePrmDate(value) : undefined;
      if (ms === undefined) return { ok: false, reason: `must be a date like "2026-01-05 09:00:00" (got ${got})` };
      return { ok: true, value: spec.dataType === 'Date' ? prmTime(ms).slice(0, 10) : prmTime(ms) };
    }
    case 'Picklist': {
      const match = typeof value === 'string' ? spec.values?.find((v) => v.toLowerCase() === value.trim().toLowerCase()) : undefined;
      if (match === undefined) return { ok: false, reason: `must be one of ${spec.values?.join(', ')} (got ${got})` };
      return { ok: true, value: match };
    }
    case 'Email':
      if (typeof value !== 'string') return { ok: false, reason: `must be a string (got ${got})` };
      if (value.trim() !== '' && !EMAIL.test(value.trim())) return { ok: false, reason: `must be an email address (got ${got})` };
      return { ok: true, value: value.trim() === '' ? null : value.trim() };
    default:
      if (typeof value !== 'string') return { ok: false, reason: `must be a string (got ${got})` };
      return { ok: true, value: value === '' ? null : value };
  }
}

/**
 * Checks a request body against an object's fields: unknown fields, read-only fields, types and picklists. `Id` is
 * allowed (and returned) only for updates. Required fields are checked on create. Failures are 400s naming the
 * field, in the `Failed to <action> "<Object>": …` template.
 */
export function validatePrmInput(object: PrmObjectName, body: unknown, mode: 'create' | 'update'): PrmResult<{ id?: number; values: Record<string, PrmValue> }> {
  const action = `${mode} "${object}"`;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return prmFailure(400, `Failed to ${action}: the body must be a JSON object of fields. Send {"FieldName": value, …}.`);
  const values: Record<string, PrmValue> = {};
  let id: number | undefined;
  for (const [name, raw] of Object.entries(body)) {
    const spec = prmField(object, name);
    if (!spec) return prmFailure(400, `Failed to ${action}: unknown field "${name}". Use a field listed by GET /api/objects/v1/${object}/_describe.`);
    if (spec.name === 'Id' && mode === 'update') {
      const coerced = coercePrmValue(spec, raw);
      if (!coerced.ok || coerced.value === null) return prmFailure(400, `Failed to ${action}: field "Id" ${coerced.ok ? 'must be an integer (got null)' : coerced.reason}. Send the Id of the record to update.`);
      id = coerced.value as number;
      continue;
    }
    if (spec.isReadOnly) return prmFailure(400, `Failed to ${action}: field "${spec.name}" is read-only. Remove it from the body.`);
    const coerced = coercePrmValue(spec, raw);
    if (!coerced.ok) return prmFailure(400, `Failed to ${action}: field "${spec.name}" ${coerced.reason}. Fix the value and retry.`);
    values[spec.name] = coerced.value;
  }
  if (mode === 'update' && id === undefined) return prmFailure(400, `Failed to ${action}: field "Id" is required. Send the Id of the record to update.`);
  if (mode === 'create') {
    for (const spec of PRM_SCHEMA[object]) {
      if (spec.isRequired && (values[spec.name] === undefined || values[spec.name] === null)) return prmFailure(400, `Failed to ${action}: field "${spec.name}" is required. Send a value for "${spec.name}".`);
    }
  }
  return prmOk(id === undefined ? { values } : { id, values });
}
