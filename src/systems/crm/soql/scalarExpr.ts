import type { FunctionExp } from 'soql-parser-js';
import { CRM_SCHEMA, type CrmSchema, type SObjectType } from '../schema.ts';
import type { RecordSource, SRecord } from '../recordSource.ts';
import { dateFunctionOutput, dateFunctionValue, isDateFunction, type DateFunctionName } from './dateFunction.ts';
import { comparable, kindOf, type ValueKind } from './fieldValue.ts';
import { readField, resolveField, type ResolvedField } from './resolveField.ts';
import { malformed, notSupported } from './soqlError.ts';

/** What evaluating an expression needs: the records (to follow relationships), simulated now and the org's zone. */
export interface EvalEnv {
  readonly source: RecordSource;
  /** Simulated time in epoch ms, for TODAY and friends. */
  readonly now: number;
  /** The org's time zone (IANA name): date literals and convertTimezone() use it. */
  readonly timeZone: string;
}

/** A field, or a date function of a field, compiled once: how to read it from a record of the queried type. */
export interface ScalarExpr {
  /** How its values compare. */
  readonly kind: ValueKind;
  /** As written canonically: `Owner.Name`, `CALENDAR_YEAR(CreatedDate)`. */
  readonly path: string;
  /** The field read. */
  readonly field: ResolvedField;
  /** The date function applied, if any. */
  readonly fn?: DateFunctionName;
  /** The value in comparable form (see `comparable`): text, number, boolean, epoch ms, or null. */
  readonly get: (record: SRecord, env: EvalEnv) => string | number | boolean | null;
  /** The value as the REST API returns it (null for empty, false for an unset checkbox, dates as text). */
  readonly output: (record: SRecord, env: EvalEnv) => unknown;
}

/** A stored field value as the REST API returns it: '' and undefined are null, except an unset checkbox is false. */
export function restValue(value: unknown, kind: ValueKind): unknown {
  return value === undefined || value === '' ? (kind === 'boolean' ? false : null) : value;
}

function fieldExpr(type: SObjectType, path: string, alias: string | undefined, schema: CrmSchema): ScalarExpr {
  const field = resolveField(type, path, alias, schema);
  const kind = kindOf(field.spec);
  const name = field.field;
  const raw = field.hops.length === 0 ? (r: SRecord) => r[name] : (r: SRecord, env: EvalEnv) => readField(r, field, env.source);
  return { kind, path: field.path, field, get: (r, env) => comparable(kind, raw(r, env)), output: (r, env) => restValue(raw(r, env), kind) };
}

/**
 * Compiles a field path (`Email`, `Owner.Name`) or a date function of a date or dateTime field
 * (`CALENDAR_YEAR(CreatedDate)`, `DAY_ONLY(convertTimezone(CreatedDate))`) on `type`. Throws INVALID_FIELD for an
 * unknown field and MALFORMED_QUERY for another function or a function of the wrong field type.
 * Source: "Date Functions" and "convertTimezone()" (convertTimezone only inside a date function, on a dateTime).
 */
export function compileScalar(type: SObjectType, item: string | FunctionExp, alias: string | undefined, soql: string, schema: CrmSchema = CRM_SCHEMA): ScalarExpr {
  if (typeof item === 'string') return fieldExpr(type, item, alias, schema);
  const name = (item.functionName ?? '').toUpperCase();
  if (name === 'CONVERTTIMEZONE') throw malformed(`convertTimezone() can only be used in a date function: ${item.rawValue ?? 'convertTimezone()'}`);
  if (!isDateFunction(name)) throw notSupported(soql, `The function ${item.functionName ?? ''}()`, 'Use a field, a date function of a date field, or an aggregate function with GROUP BY');
  const [param] = item.parameters ?? [];
  let converted = false;
  let inner: unknown = param;
  if (typeof inner === 'object' && inner !== null && String((inner as FunctionExp).functionName).toUpperCase() === 'CONVERTTIMEZONE') {
    converted = true;
    inner = (inner as FunctionExp).parameters?.[0];
  }
  if (typeof inner !== 'string') throw malformed(`${name}() takes one date or dateTime field: ${item.rawValue ?? name}`);
  const base = fieldExpr(type, inner, alias, schema);
  const datetime = base.kind === 'datetime';
  if (base.kind !== 'date' && !datetime) throw malformed(`${name}() takes a date or dateTime field, and ${base.path} is neither: ${item.rawValue ?? name}`);
  if (!datetime && (converted || name === 'DAY_ONLY' || name === 'HOUR_IN_DAY')) throw malformed(`${converted ? 'convertTimezone()' : `${name}()`} takes a dateTime field, and ${base.path} is a date: ${item.rawValue ?? name}`);
  const fn = name;
  const get = (r: SRecord, env: EvalEnv): number | null => {
    const ms = base.get(r, env);
    return typeof ms === 'number' ? dateFunctionValue(fn, ms, converted ? env.timeZone : 'UTC') : null;
  };
  return {
    kind: fn === 'DAY_ONLY' ? 'date' : 'number',
    path: `${fn}(${converted ? `convertTimezone(${base.path})` : base.path})`,
    field: base.field,
    fn,
    get,
    output: (r, env) => {
      const v = get(r, env);
      return v === null ? null : dateFunctionOutput(fn, v);
    },
  };
}
