import type { SObjectType } from '../schema.ts';
import { resolveObject } from '../soql/resolveField.ts';
import { SoqlFailure } from '../soql/soqlError.ts';

/** The fields a SOSL search looks in: `IN ALL FIELDS` (the default), `NAME`, `EMAIL`, `PHONE` (`SIDEBAR` is ALL). */
export type SearchGroup = 'ALL' | 'NAME' | 'EMAIL' | 'PHONE';

/** One object of RETURNING: its fields (Id when none are listed) and the SOQL clauses after them. */
export interface ReturningSpec {
  readonly type: SObjectType;
  /** As written, comma-separated; `Id` when the object has no field list. */
  readonly fields: string;
  /** `WHERE … ORDER BY … LIMIT n OFFSET n`, as written (may be empty). */
  readonly clauses: string;
}

/** A parsed SOSL search (or a parameterized search turned into one). */
export interface SearchRequest {
  readonly term: string;
  readonly group: SearchGroup;
  /** Undefined: every searchable object, returning Id. */
  readonly returning: readonly ReturningSpec[] | undefined;
  /** The overall LIMIT; default 2000. */
  readonly limit: number;
}

/** A SOSL statement Salesforce refuses, with its error code and message. */
export class SoslSyntaxError extends Error {
  readonly errorCode = 'MALFORMED_SEARCH';
}

/** Splits `text` at top-level commas (outside parentheses and quotes). */
function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === "'") quote = !quote;
    else if (!quote && c === '(') depth++;
    else if (!quote && c === ')') depth--;
    else if (!quote && depth === 0 && c === ',') {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

const CLAUSE = /\s(WHERE|ORDER\s+BY|LIMIT|OFFSET|USING)\s/i;

/** The canonical object type for a name in any casing; throws SoslSyntaxError with INVALID_TYPE's message. */
function objectType(name: string): SObjectType {
  try {
    return resolveObject(name);
  } catch (error) {
    if (error instanceof SoqlFailure) throw new SoslSyntaxError(error.message);
    throw error;
  }
}

function returningSpec(text: string): ReturningSpec {
  const open = text.indexOf('(');
  const type = objectType((open < 0 ? text : text.slice(0, open)).trim());
  if (open < 0) return { type, fields: 'Id', clauses: '' };
  if (!text.trimEnd().endsWith(')')) throw new SoslSyntaxError(`unexpected token: '${text}'`);
  const inner = ` ${text.slice(open + 1, text.trimEnd().length - 1)} `;
  const at = CLAUSE.exec(inner);
  const fields = (at ? inner.slice(0, at.index) : inner).trim();
  return { type, fields: fields === '' ? 'Id' : fields, clauses: at ? inner.slice(at.index).trim() : '' };
}

/**
 * Parses `FIND {term} [IN ALL|NAME|EMAIL|PHONE|SIDEBAR FIELDS] [RETURNING Object[(fields [WHERE …] [ORDER BY …]
 * [LIMIT n] [OFFSET n])], …] [WITH …] [LIMIT n]`. The term must be in braces (REST SOSL). Throws SoslSyntaxError
 * (MALFORMED_SEARCH) with Salesforce's message for a missing term.
 * Source: "SOSL Syntax", SOQL and SOSL Reference
 * (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_sosl_syntax.htm).
 */
export function parseSosl(sosl: string): SearchRequest {
  const find = /^\s*FIND\s*\{((?:[^}\\]|\\.)*)\}/i.exec(sosl);
  if (!find) throw new SoslSyntaxError('No search term found. The search term must be enclosed in braces.');
  let rest = sosl.slice(find[0].length);
  let group: SearchGroup = 'ALL';
  const inGroup = /^\s*IN\s+(ALL|NAME|EMAIL|PHONE|SIDEBAR)\s+FIELDS\b/i.exec(rest);
  if (inGroup) {
    const g = (inGroup[1] ?? 'ALL').toUpperCase();
    group = g === 'SIDEBAR' ? 'ALL' : (g as SearchGroup);
    rest = rest.slice(inGroup[0].length);
  }
  let tail = rest;
  let returning: ReturningSpec[] | undefined;
  const ret = /^\s*RETURNING\s+/i.exec(rest);
  if (ret) {
    const items = splitTopLevel(rest.slice(ret[0].length));
    // The last object carries what follows RETURNING: `WITH …` and the overall `LIMIT n`.
    const last = items.pop() ?? '';
    const close = last.lastIndexOf(')');
    const cut = close >= 0 ? close + 1 : (/^\s*\S+/.exec(last)?.[0].length ?? last.length);
    items.push(last.slice(0, cut));
    tail = last.slice(cut);
    returning = items.map(returningSpec);
  }
  const overall = /\bLIMIT\s+(\d+)\s*$/i.exec(tail);
  const limit = overall ? Number(overall[1]) : 2000;
  return { term: find[1] ?? '', group, returning, limit: Math.min(limit, 2000) };
}
