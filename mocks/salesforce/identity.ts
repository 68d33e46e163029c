import { HttpResponse, type HttpHandler } from 'msw';
import { http } from '../inProcessHttp.ts';
import { jsonResponse } from '../jsonResponse.ts';
import { bearerToken, type SalesforceMockContext } from './context.ts';
import { bodyText } from '../../src/core/inProcessBody.ts';

/** The org's name in identity and SOAP login answers. */
export const ORG_NAME = 'Leadsim Simulated Org';

/** Hosts that are Salesforce's login servers rather than an org's instance. */
const LOGIN_HOSTS = /^(login|test)\.salesforce\.com$/i;

/**
 * The origin of the org's instance as a client that called `requestUrl` sees it: the request's own origin (a My
 * Domain host, or the loopback server of `leadsim serve`), except on the login servers, where it is the org's
 * instance URL (`ctx.instanceUrl`).
 */
export function instanceOrigin(ctx: SalesforceMockContext, requestUrl: string): string {
  const url = new URL(requestUrl);
  return LOGIN_HOSTS.test(url.hostname) && ctx.instanceUrl ? ctx.instanceUrl : url.origin;
}

/** The identity URL of a user: `{instance}/id/{orgId}/{userId}`, on the instance's host so clients stay there. */
export function identityUrl(origin: string, orgId: string, userId: string): string {
  return `${origin}/id/${orgId}/${userId}`;
}

/** The identity service's answer for a user, shaped as documented (the `{version}` placeholders are Salesforce's). */
export function identityBody(ctx: SalesforceMockContext, origin: string, userId: string): Record<string, unknown> | undefined {
  const user = ctx.crm.get('User', userId);
  if (!user) return undefined;
  const org = ctx.crm.orgId;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    id: identityUrl(origin, org, userId),
    asserted_user: true,
    user_id: userId,
    organization_id: org,
    username: text(user['Username']),
    nick_name: String(user['Username'] ?? '').split('@')[0],
    display_name: text(user['Name']),
    email: text(user['Email']),
    email_verified: true,
    first_name: text(user['FirstName']),
    last_name: text(user['LastName']),
    timezone: 'GMT',
    photos: { picture: `${origin}/profilephoto/005/F`, thumbnail: `${origin}/profilephoto/005/T` },
    addr_street: null,
    addr_city: null,
    addr_state: null,
    addr_country: null,
    addr_zip: null,
    mobile_phone: null,
    mobile_phone_verified: false,
    is_lightning_login_user: false,
    status: { created_date: null, body: null },
    urls: {
      enterprise: `${origin}/services/Soap/c/{version}/${org}`,
      metadata: `${origin}/services/Soap/m/{version}/${org}`,
      partner: `${origin}/services/Soap/u/{version}/${org}`,
      rest: `${origin}/services/data/v{version}/`,
      sobjects: `${origin}/services/data/v{version}/sobjects/`,
      search: `${origin}/services/data/v{version}/search/`,
      query: `${origin}/services/data/v{version}/query/`,
      recent: `${origin}/services/data/v{version}/recent/`,
      tooling_soap: `${origin}/services/Soap/T/{version}/${org}`,
      tooling_rest: `${origin}/services/data/v{version}/tooling/`,
      profile: `${origin}/${userId}`,
      feeds: `${origin}/services/data/v{version}/chatter/feeds`,
      groups: `${origin}/services/data/v{version}/chatter/groups`,
      users: `${origin}/services/data/v{version}/chatter/users`,
      feed_items: `${origin}/services/data/v{version}/chatter/feed-items`,
      feed_elements: `${origin}/services/data/v{version}/chatter/feed-elements`,
      custom_domain: origin,
    },
    active: user['IsActive'] !== false,
    user_type: 'STANDARD',
    language: 'en_US',
    locale: 'en_US',
    utcOffset: 0,
    last_modified_date: user['LastModifiedDate'],
    is_app_installed: true,
  };
}

async function tokenOf(request: Request): Promise<string | undefined> {
  const url = new URL(request.url);
  const fromHeader = bearerToken(request);
  if (fromHeader) return fromHeader;
  const fromQuery = url.searchParams.get('oauth_token') ?? url.searchParams.get('access_token');
  if (fromQuery) return fromQuery;
  if (request.method === 'POST' && (request.headers.get('content-type') ?? '').includes('form')) {
    const form = new URLSearchParams(await bodyText(request));
    return form.get('oauth_token') ?? form.get('access_token') ?? undefined;
  }
  return undefined;
}

/**
 * The identity service and the OpenID userinfo endpoint
 * (https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_using_openid.htm, "Identity URLs"):
 * - `GET|POST {instance}/id/{orgId}/{userId}` with the token as `Authorization: Bearer`, or as `oauth_token` in the
 *   query (what jsforce's `identity()` sends) or a form body: 200 the identity JSON; 403 `Bad_OAuth_Token` without a
 *   valid token; 404 `Bad_Id` for a user or org that does not exist.
 * - `GET {instance}/services/oauth2/userinfo`: the OpenID Connect claims (`sub` is the identity URL).
 * - `POST|GET {instance}/services/oauth2/revoke` (`token=`): revokes an access or refresh token; 200 with no body.
 */
export function identityHandlers(ctx: SalesforceMockContext): HttpHandler[] {
  const identity = async ({ request, params }: { request: Request; params: Record<string, string | readonly string[] | undefined> }) => {
    const token = await tokenOf(request);
    const caller = token === undefined ? undefined : ctx.crm.sessions.resolveToken(token);
    if (caller === undefined) return new HttpResponse('Bad_OAuth_Token', { status: 403, headers: { 'Content-Type': 'text/plain' } });
    const origin = instanceOrigin(ctx, request.url);
    const body = String(params['orgId']).slice(0, 15) === ctx.crm.orgId.slice(0, 15) ? identityBody(ctx, origin, String(params['userId'])) : undefined;
    return body ? jsonResponse(body) : new HttpResponse('Bad_Id', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  };
  return [
    http.get('*/id/:orgId/:userId', identity),
    http.post('*/id/:orgId/:userId', identity),
    http.get('*/services/oauth2/userinfo', async ({ request }) => {
      const token = await tokenOf(request);
      const caller = token === undefined ? undefined : ctx.crm.sessions.resolveToken(token);
      if (caller === undefined) return new HttpResponse('Bad_OAuth_Token', { status: 403, headers: { 'Content-Type': 'text/plain' } });
      const body = identityBody(ctx, instanceOrigin(ctx, request.url), caller)!;
      return jsonResponse({
        sub: body['id'],
        user_id: caller,
        organization_id: ctx.crm.orgId,
        preferred_username: body['username'],
        nickname: body['nick_name'],
        name: body['display_name'],
        email: body['email'],
        email_verified: true,
        given_name: body['first_name'],
        family_name: body['last_name'],
        zoneinfo: body['timezone'],
        photos: body['photos'],
        profile: (body['urls'] as Record<string, string>)['profile'],
        picture: (body['photos'] as Record<string, string>)['picture'],
        address: {},
        urls: body['urls'],
        active: body['active'],
        user_type: body['user_type'],
        language: body['language'],
        locale: body['locale'],
        utcOffset: 0,
        updated_at: body['last_modified_date'],
      });
    }),
    http.all('*/services/oauth2/revoke', async ({ request }) => {
      const url = new URL(request.url);
      const form = request.method === 'POST' ? new URLSearchParams(await bodyText(request)) : url.searchParams;
      const token = form.get('token') ?? url.searchParams.get('token');
      if (!token) return jsonResponse({ error: 'unsupported_token_type', error_description: 'missing token parameter' }, { status: 400 });
      ctx.crm.sessions.revokeToken(token);
      ctx.crm.sessions.revokeRefreshToken(token);
      return new HttpResponse(null, { status: 200 });
    }),
  ];
}
