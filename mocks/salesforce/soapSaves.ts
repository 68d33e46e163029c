import { XMLParser } from 'fast-xml-parser';
import type { AssignmentRuleHeader } from '../../src/systems/crm/assignmentRuleSet.ts';
import type { Crm, WriteContext } from '../../src/systems/crm/crm.ts';
import type { CrmResult } from '../../src/systems/crm/crmError.ts';
import { sobjectTypeOf } from './sobjects.ts';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, parseTagValue: false, trimValues: true, isArray: (name) => name === 'sObjects' || name === 'fieldsToNull' });

type Node = Record<string, unknown>;

/** The operation of a Partner SOAP envelope and its header and body elements (namespace prefixes removed). */
export function readEnvelope(xml: string): { header: Node; operation: string | undefined; body: Node } {
  const envelope = (parser.parse(xml) as Node)['Envelope'] as Node | undefined;
  const header = (envelope?.['Header'] ?? {}) as Node;
  const bodyElement = (envelope?.['Body'] ?? {}) as Node;
  const operation = Object.keys(bodyElement).find((k) => !k.startsWith('@'));
  return { header: typeof header === 'object' ? header : {}, operation, body: (operation === undefined ? {} : (bodyElement[operation] ?? {})) as Node };
}

/**
 * The `AssignmentRuleHeader` of a SOAP call, if it has one: `useDefaultRule` (true runs the active rule) or
 * `assignmentRuleId`. Without it no rule runs: "The AssignmentRuleHeader must be specified in the create() or
 * update() call of a Case or Lead for the specified assignment rule to be applied."
 * Source: https://developer.salesforce.com/docs/platform/api/guide/sforce-api-header-assignmentruleheader.html
 */
export function assignmentRuleHeaderOf(header: Node): AssignmentRuleHeader | undefined {
  const h = header['AssignmentRuleHeader'] as Node | undefined;
  if (h === undefined || typeof h !== 'object') return undefined;
  const id = h['assignmentRuleId'];
  if (typeof id === 'string' && id !== '') return { assignmentRuleId: id };
  return h['useDefaultRule'] === 'true' ? { useDefaultRule: true } : undefined;
}

/**
 * The `DuplicateRuleHeader` of a SOAP call, if it has one (`allowSave`, `includeRecordDetails`; default false), as
 * the REST `Sforce-Duplicate-Rule-Header` carries them.
 * Source: https://developer.salesforce.com/docs/platform/api/guide/sforce-api-header-duplicateruleheader.html
 */
export function duplicateRuleHeaderOf(header: Node): WriteContext['duplicateRuleHeader'] {
  const h = header['DuplicateRuleHeader'] as Node | undefined;
  if (h === undefined || typeof h !== 'object') return undefined;
  return { allowSave: h['allowSave'] === 'true', includeRecordDetails: h['includeRecordDetails'] === 'true' };
}

/**
 * Runs a Partner SOAP `create` or `update` (what `conn.soap.create/update` send): each `<sObjects>` with its
 * `<type>`, fields as elements, `<Id>` for an update and `<fieldsToNull>`. Returns the `<result>` elements of the
 * response, in input order, each a SaveResult (`id`, `success`, `errors`).
 */
export function soapSave(crm: Crm, operation: 'create' | 'update', body: Node, ctx: WriteContext): string {
  const records = (body['sObjects'] ?? []) as Node[];
  return records
    .map((raw) => {
      const { type: typeName, Id: id, fieldsToNull, ...rest } = raw as Node & { type?: unknown; Id?: unknown; fieldsToNull?: unknown };
      const fields: Record<string, unknown> = Object.fromEntries(Object.entries(rest).filter(([k]) => !k.startsWith('@')).map(([k, v]) => [k, v === '' ? null : v]));
      for (const name of (fieldsToNull ?? []) as string[]) fields[name] = null;
      const type = typeof typeName === 'string' ? sobjectTypeOf(typeName) : undefined;
      let result: CrmResult<{ id: string }>;
      if (type === undefined) result = { ok: false, errors: [{ statusCode: 'INVALID_TYPE', message: `sObject type '${String(typeName)}' is not supported.`, fields: [] }] };
      else if (operation === 'create') result = crm.create(type, fields, ctx);
      else if (typeof id !== 'string') result = { ok: false, errors: [{ statusCode: 'MISSING_ARGUMENT', message: 'Id not specified in an update call', fields: [] }] };
      else result = crm.update(type, id, fields, ctx);
      if (result.ok) return `<result><id>${result.value.id}</id><success>true</success></result>`;
      const errors = result.errors
        .map((e) => `<errors>${e.fields.map((f) => `<fields>${escapeXml(f)}</fields>`).join('')}<message>${escapeXml(e.message)}</message><statusCode>${e.statusCode}</statusCode></errors>`)
        .join('');
      return `<result>${errors}<id xsi:nil="true"/><success>false</success></result>`;
    })
    .join('');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
