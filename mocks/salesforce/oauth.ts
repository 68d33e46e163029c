import { HttpResponse, type HttpHandler } from 'msw';
import { http } from '../inProcessHttp.ts';
import type { SalesforceMockContext } from './context.ts';
import { identityUrl, instanceOrigin } from './identity.ts';
import { SALESFORCE_CLIENT } from '../../src/world/credentials.ts';
import { bodyText } from '../../src/core/inProcessBody.ts';

function oauthError(status: number, error: string, description: string): Response {
  return HttpResponse.json({ error, error_description: description }, { status });
}

/** The active user with this Username (case-insensitive), if any. */
function userByUsername(ctx: SalesforceMockContext, username: string): string | undefined {
  const wanted = username.trim().toLowerCase();
  for (const user of ctx.crm.records('User')) {
    if (String(user['Username']).toLowerCase() === wanted && user['IsActive'] !== false) return user.Id;
  }
  return undefined;
}

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const GRANTS = new Set(['password', 'refresh_token', 'client_credentials', JWT_BEARER]);

/** The `sub` (username) of a JWT bearer assertion; the signature is not checked (the simulation has no keys). */
function jwtSubject(assertion: string): string | undefined {
  const payload = assertion.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown };
    return typeof claims.sub === 'string' ? claims.sub : undefined;
  } catch {
    return undefined;
  }
}

/** Client id and secret from the form, or from `Authorization: Basic base64(id:secret)` (simple-salesforce's client_credentials). */
function clientCredentials(request: Request, form: URLSearchParams): { id: string | null; secret: string | null } {
  const basic = /^Basic\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
  if (basic) {
    const [id, ...rest] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':');
    return { id: id || null, secret: rest.join(':') || null };
  }
  return { id: form.get('client_id'), secret: form.get('client_secret') };
}

/**
 * `POST {any origin}/services/oauth2/token` (form-encoded): the `password`, `refresh_token`, `client_credentials`
 * (client id and secret in the form or as HTTP Basic) and JWT bearer (`assertion`, user = its `sub`) grants.
 * 200 `{access_token, instance_url, id, token_type, issued_at, signature[, refresh_token]}`, where `id` is the
 * identity URL on the instance's own host (identity.ts); errors as `{error, error_description}`
 * (https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_flow_errors.htm): 400
 * `unsupported_grant_type`; 400 `invalid_client_id` "client identifier invalid" for a consumer key that is not the
 * connected app's (`ctx.connectedApp`); 401 `invalid_client` "invalid client credentials" for a wrong or missing
 * consumer secret; 400 `invalid_grant` for an unknown user, a missing password or an unknown refresh token. The JWT
 * bearer grant's assertion is not verified (the simulation has no keys); any password is accepted.
 */
export function oauthHandlers(ctx: SalesforceMockContext): HttpHandler[] {
  const app = ctx.connectedApp ?? SALESFORCE_CLIENT;
  return [
    http.post('*/services/oauth2/token', async ({ request }) => {
      const form = new URLSearchParams(await bodyText(request));
      const grant = form.get('grant_type') ?? '';
      const client = clientCredentials(request, form);
      if (!GRANTS.has(grant)) return oauthError(400, 'unsupported_grant_type', 'grant type not supported');
      if (grant !== JWT_BEARER && client.id !== app.clientId) return oauthError(400, 'invalid_client_id', 'client identifier invalid');
      if (grant !== JWT_BEARER && client.secret !== app.clientSecret) return oauthError(401, 'invalid_client', 'invalid client credentials');
      let userId: string | undefined;
      let refreshToken: string | undefined;
      if (grant === 'password') {
        userId = userByUsername(ctx, form.get('username') ?? '');
        if (userId === undefined || !form.get('password')) return oauthError(400, 'invalid_grant', 'authentication failure');
        refreshToken = ctx.crm.sessions.issueRefreshToken(userId);
      } else if (grant === 'refresh_token') {
        userId = ctx.crm.sessions.resolveRefreshToken(form.get('refresh_token') ?? '');
        if (userId === undefined) return oauthError(400, 'invalid_grant', 'expired access/refresh token');
      } else if (grant === JWT_BEARER) {
        userId = userByUsername(ctx, jwtSubject(form.get('assertion') ?? '') ?? '');
        if (userId === undefined) return oauthError(400, 'invalid_grant', 'user hasn\'t approved this consumer');
      } else {
        userId = ctx.crm.integrationUserId;
      }
      const instance = instanceOrigin(ctx, request.url);
      const id = identityUrl(instance, ctx.crm.orgId, userId);
      const issuedAt = String(ctx.crm.clock.now());
      return HttpResponse.json({
        access_token: ctx.crm.sessions.issueToken(userId),
        ...(refreshToken === undefined ? {} : { refresh_token: refreshToken }),
        signature: btoa(`${id}${issuedAt}`),
        scope: 'api refresh_token',
        instance_url: instance,
        id,
        token_type: 'Bearer',
        issued_at: issuedAt,
      });
    }),
  ];
}
