import { HttpResponse, type HttpHandler } from 'msw';
import { http } from '../inProcessHttp.ts';
import type { LeadConvertRequest, LeadConvertResult } from '../../src/systems/crm/convertLead.ts';
import type { SalesforceMockContext } from './context.ts';
import { instanceOrigin, ORG_NAME } from './identity.ts';
import { formatSfDateTime } from '../../src/systems/crm/sfDateTime.ts';
import { assignmentRuleHeaderOf, duplicateRuleHeaderOf, readEnvelope, soapSave } from './soapSaves.ts';
import { bodyText } from '../../src/core/inProcessBody.ts';

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

function soapOk(operation: string, result: string, headers: Record<string, string> = {}): Response {
  const body = `${ENVELOPE_OPEN}<soapenv:Body><${operation}Response>${result}</${operation}Response></soapenv:Body></soapenv:Envelope>`;
  return new HttpResponse(body, { status: 200, headers: { 'Content-Type': 'text/xml;charset=UTF-8', ...headers } });
}

/** The `INVALID_LOGIN` fault with its `LoginFault` detail (simple-salesforce reads `sf:exceptionCode` from it). */
function loginFault(): Response {
  const message = 'Invalid username, password, security token; or user locked out.';
  const body =
    `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sf="urn:fault.partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<soapenv:Body><soapenv:Fault><faultcode>sf:INVALID_LOGIN</faultcode><faultstring>INVALID_LOGIN: ${message}</faultstring>` +
    `<detail><sf:LoginFault xsi:type="sf:LoginFault"><sf:exceptionCode>INVALID_LOGIN</sf:exceptionCode><sf:exceptionMessage>${message}</sf:exceptionMessage></sf:LoginFault></detail>` +
    `</soapenv:Fault></soapenv:Body></soapenv:Envelope>`;
  return new HttpResponse(body, { status: 500, headers: { 'Content-Type': 'text/xml;charset=UTF-8' } });
}

/** `<userInfo>` of login and getUserInfo (GetUserInfoResult). */
function userInfoXml(ctx: SalesforceMockContext, userId: string): string {
  const user = ctx.crm.get('User', userId) ?? {};
  const text = (name: string, value: unknown) => nillable(name, typeof value === 'string' ? value : null);
  return (
    `<accessibilityMode>false</accessibilityMode><chatterExternal>false</chatterExternal><currencySymbol>$</currencySymbol>` +
    `<orgAttachmentFileSizeLimit>5242880</orgAttachmentFileSizeLimit><orgDefaultCurrencyIsoCode>USD</orgDefaultCurrencyIsoCode>` +
    `<orgDefaultCurrencyLocale>en_US</orgDefaultCurrencyLocale><orgDisallowHtmlAttachments>false</orgDisallowHtmlAttachments>` +
    `<orgHasPersonAccounts>false</orgHasPersonAccounts><organizationId>${ctx.crm.orgId}</organizationId>` +
    `<organizationMultiCurrency>false</organizationMultiCurrency><organizationName>${ORG_NAME}</organizationName>` +
    `<profileId>00eSm0000000001AAA</profileId><roleId xsi:nil="true"/><sessionSecondsValid>7200</sessionSecondsValid>` +
    `<userDefaultCurrencyIsoCode xsi:nil="true"/>${text('userEmail', user['Email'])}${text('userFullName', user['Name'])}<userId>${userId}</userId>` +
    `<userLanguage>en_US</userLanguage><userLocale>en_US</userLocale>${text('userName', user['Username'])}<userTimeZone>GMT</userTimeZone>` +
    `<userType>Standard</userType><userUiSkin>Theme3</userUiSkin>`
  );
}

/**
 * `POST {any origin}/services/Soap/u/{version}`: the Partner SOAP API calls clients make
 * (https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_list.htm):
 * - `login` (what jsforce's `loginBySoap` and simple-salesforce's default username/password login send): any active
 *   user's Username with any password (and security token); `serverUrl` is on the instance's host,
 *   `{instance}/services/Soap/u/{version}/{orgId}`. A wrong username is a 500 `INVALID_LOGIN` fault with its
 *   LoginFault detail.
 * - `logout` (revokes the session), `getUserInfo`, `getServerTimestamp` (the simulated time), `convertLead`
 *   (one `<result>` per `<leadConverts>`, in order), and `create` / `update` (with the `AssignmentRuleHeader`, see
 *   soapSaves.ts).
 * Every call but login takes the session from `<SessionHeader><sessionId>`; an unknown one is a 500
 * `sf:INVALID_SESSION_ID` fault, which makes jsforce refresh its session.
 */
export function soapHandlers(ctx: SalesforceMockContext): HttpHandler[] {
  const resolver = async ({ request, params }: { request: Request; params: Record<string, string | readonly string[] | undefined> }): Promise<Response> => {
    const xml = await bodyText(request);
    const operation = /<(?:\w+:)?Body[^>]*>\s*<(?:\w+:)?(\w+)/.exec(xml)?.[1];
    if (operation === 'login') {
      const username = element(xml, 'username') ?? '';
      const wanted = username.trim().toLowerCase();
      const user = [...ctx.crm.records('User')].find((u) => String(u['Username']).toLowerCase() === wanted && u['IsActive'] !== false);
      if (!user || !element(xml, 'password')) return loginFault();
      const origin = instanceOrigin(ctx, request.url);
      const version = String(params['version']).replace(/\/.*$/, '');
      const org15 = ctx.crm.orgId.slice(0, 15);
      const sessionId = ctx.crm.sessions.issueToken(user.Id);
      return soapOk(
        'login',
        `<result><metadataServerUrl>${origin}/services/Soap/m/${version}/${org15}</metadataServerUrl><passwordExpired>false</passwordExpired>` +
          `<sandbox>false</sandbox><serverUrl>${origin}/services/Soap/u/${version}/${org15}</serverUrl><sessionId>${sessionId}</sessionId>` +
          `<userId>${user.Id}</userId><userInfo>${userInfoXml(ctx, user.Id)}</userInfo></result>`,
      );
    }
    const sessionId = element(xml, 'sessionId') ?? '';
    const userId = ctx.crm.sessions.resolveToken(sessionId);
    if (userId === undefined) {
      return soapFault('sf:INVALID_SESSION_ID', 'INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session. Session not found, missing session hash');
    }
    if (!ctx.crm.apiUsage.consume()) return soapFault('sf:REQUEST_LIMIT_EXCEEDED', 'REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.');
    const limit = { 'Sforce-Limit-Info': ctx.crm.apiUsage.header() };
    if (operation === 'logout') {
      ctx.crm.sessions.revokeToken(sessionId);
      return soapOk('logout', '', limit);
    }
    if (operation === 'getUserInfo') return soapOk('getUserInfo', `<result>${userInfoXml(ctx, userId)}</result>`, limit);
    if (operation === 'getServerTimestamp') return soapOk('getServerTimestamp', `<result><timestamp>${formatSfDateTime(ctx.crm.clock.now()).replace('+0000', 'Z')}</timestamp></result>`, limit);
    if (operation !== 'convertLead' && operation !== 'create' && operation !== 'update') {
      return soapFault('soapenv:Client', `No operation available for request {urn:partner.soap.sforce.com}${operation ?? ''}`);
    }
    const workflow = /<client>([^<]*)<\/client>/.exec(xml)?.[1];
    const writeCtx = { userId, ...(workflow === undefined ? {} : { workflow: unescapeXml(workflow) }) };
    let results: string;
    if (operation === 'convertLead') results = leadConverts(xml).map((request) => ctx.crm.convertLead(request, writeCtx)).map(resultXml).join('');
    else {
      const envelope = readEnvelope(xml);
      const header = assignmentRuleHeaderOf(envelope.header);
      const duplicates = duplicateRuleHeaderOf(envelope.header);
      results = soapSave(ctx.crm, operation, envelope.body, { ...writeCtx, ...(header ? { assignmentRuleHeader: header } : {}), ...(duplicates ? { duplicateRuleHeader: duplicates } : {}) });
    }
    const usage = `<soapenv:Header><LimitInfoHeader><limitInfo><current>${ctx.crm.apiUsage.used}</current><limit>${ctx.crm.apiUsage.limit}</limit><type>API REQUESTS</type></limitInfo></LimitInfoHeader></soapenv:Header>`;
    const body = `${ENVELOPE_OPEN}${usage}<soapenv:Body><${operation}Response>${results}</${operation}Response></soapenv:Body></soapenv:Envelope>`;
    return new HttpResponse(body, { status: 200, headers: { 'Content-Type': 'text/xml;charset=UTF-8', 'Sforce-Limit-Info': ctx.crm.apiUsage.header() } });
  };
  // The login result's serverUrl carries the org id (`…/Soap/u/62.0/00D…`): some clients post there.
  return [http.post('*/services/Soap/u/:version', resolver), http.post('*/services/Soap/u/:version/:orgId', resolver)];
}
