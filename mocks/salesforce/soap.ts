import { http, HttpResponse, type HttpHandler } from 'msw';
import type { LeadConvertRequest, LeadConvertResult } from '../../src/systems/crm/convertLead.ts';
import type { SalesforceMockContext } from './context.ts';

const ENVELOPE_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The text of `<name>…</name>` (any namespace prefix) in `xml`, or undefined; `xsi:nil` elements read as undefined. */
function element(xml: string, name: string): string | undefined {
  const match = new RegExp(`<(?:\\w+:)?${name}(\\s[^>]*)?(?:/>|>([^<]*)</(?:\\w+:)?${name}>)`).exec(xml);
  if (!match || /xsi:nil="true"/.test(match[1] ?? '')) return undefined;
  return unescapeXml(match[2] ?? '');
}

/** Every `<leadConverts>…</leadConverts>` block of a convertLead call. */
function leadConverts(xml: string): LeadConvertRequest[] {
  return [...xml.matchAll(/<(?:\w+:)?leadConverts(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?leadConverts>/g)].map(([, block = '']) => {
    const optional = (name: string): Record<string, string> => {
      const value = element(block, name);
      return value === undefined || value === '' ? {} : { [name]: value };
    };
    return {
      leadId: element(block, 'leadId') ?? '',
      convertedStatus: element(block, 'convertedStatus') ?? '',
      ...optional('accountId'),
      ...optional('contactId'),
      ...optional('ownerId'),
      ...optional('opportunityName'),
      ...(element(block, 'doNotCreateOpportunity') === 'true' ? { doNotCreateOpportunity: true } : {}),
      ...(element(block, 'overwriteLeadSource') === 'true' ? { overwriteLeadSource: true } : {}),
    };
  });
}

function nillable(name: string, value: string | null): string {
  return value === null ? `<${name} xsi:nil="true"/>` : `<${name}>${escapeXml(value)}</${name}>`;
}

function resultXml(r: LeadConvertResult): string {
  const errors = r.errors
    .map((e) => `<errors>${e.fields.map((f) => `<fields>${escapeXml(f)}</fields>`).join('')}<message>${escapeXml(e.message)}</message><statusCode>${e.statusCode}</statusCode></errors>`)
    .join('');
  return `<result>${nillable('accountId', r.accountId)}${nillable('contactId', r.contactId)}${errors}${nillable('leadId', r.leadId)}<opportunityId xsi:nil="true"/><success>${r.success}</success></result>`;
}

/** A SOAP fault (HTTP 500), e.g. `sf:INVALID_SESSION_ID`, which makes jsforce refresh its session. */
export function soapFault(faultcode: string, faultstring: string): Response {
  const body = `${ENVELOPE_OPEN}<soapenv:Body><soapenv:Fault><faultcode>${faultcode}</faultcode><faultstring>${escapeXml(faultstring)}</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>`;
  return new HttpResponse(body, { status: 500, headers: { 'Content-Type': 'text/xml;charset=UTF-8' } });
}

/**
 * `POST {any origin}/services/Soap/u/{version}`: the Partner SOAP API's `convertLead` (what `conn.soap.convertLead`
 * sends). The session comes from `<SessionHeader><sessionId>`; an unknown session is a 500 `sf:INVALID_SESSION_ID`
 * fault. The reply is `convertLeadResponse` with one `<result>` per `<leadConverts>`, in order.
 */
export function soapHandlers(ctx: SalesforceMockContext): HttpHandler[] {
  return [
    http.post('*/services/Soap/u/:version', async ({ request, requestId }) => {
      const xml = await request.text();
      const userId = ctx.crm.sessions.resolveToken(element(xml, 'sessionId') ?? '');
      if (userId === undefined) {
        return soapFault('sf:INVALID_SESSION_ID', 'INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session. Session not found, missing session hash');
      }
      if (!ctx.crm.apiUsage.consume()) return soapFault('sf:REQUEST_LIMIT_EXCEEDED', 'REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.');
      const operation = /<(?:\w+:)?Body[^>]*>\s*<(?:\w+:)?(\w+)/.exec(xml)?.[1];
      if (operation !== 'convertLead') {
        return soapFault('soapenv:Client', `No operation available for request {urn:partner.soap.sforce.com}${operation ?? ''}`);
      }
      const workflow = /<client>([^<]*)<\/client>/.exec(xml)?.[1];
      const writeCtx = { userId, requestId, ...(workflow === undefined ? {} : { workflow: unescapeXml(workflow) }) };
      const results = leadConverts(xml).map((request) => ctx.crm.convertLead(request, writeCtx));
      const usage = `<soapenv:Header><LimitInfoHeader><limitInfo><current>${ctx.crm.apiUsage.used}</current><limit>${ctx.crm.apiUsage.limit}</limit><type>API REQUESTS</type></limitInfo></LimitInfoHeader></soapenv:Header>`;
      const body = `${ENVELOPE_OPEN}${usage}<soapenv:Body><convertLeadResponse>${results.map(resultXml).join('')}</convertLeadResponse></soapenv:Body></soapenv:Envelope>`;
      return new HttpResponse(body, { status: 200, headers: { 'Content-Type': 'text/xml;charset=UTF-8', 'Sforce-Limit-Info': ctx.crm.apiUsage.header() } });
    }),
  ];
}
