import { http, HttpResponse, type HttpHandler } from 'msw';
import type { SalesforceMockContext } from './context.ts';

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

/**
 * `POST {any origin}/services/oauth2/token` (form-encoded): the `password`, `refresh_token` and `client_credentials` grants.
 * 200 `{access_token, instance_url, id, token_type, issued_at, signature[, refresh_token]}`; errors 400
 * `invalid_client_id` / `invalid_grant` / `unsupported_grant_type` and 401 `invalid_client`, as
 * `{error, error_description}`. Any client id and password are accepted; a non-empty client secret is required.
 */
export function oauthHandlers(ctx: SalesforceMockContext): HttpHandler[] {
  return [
    http.post('*/services/oauth2/token', async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      const grant = form.get('grant_type');
      if (!form.get('client_id')) return oauthError(400, 'invalid_client_id', 'client identifier invalid');
      if (grant !== 'password' && grant !== 'refresh_token' && grant !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', 'grant type not supported');
      if (!form.get('client_secret')) return oauthError(401, 'invalid_client', 'invalid client credentials');
      let userId: string | undefined;
      let refreshToken: string | undefined;
      if (grant === 'password') {
        userId = userByUsername(ctx, form.get('username') ?? '');
        if (userId === undefined || !form.get('password')) return oauthError(400, 'invalid_grant', 'authentication failure');
        refreshToken = ctx.crm.sessions.issueRefreshToken(userId);
      } else if (grant === 'refresh_token') {
        userId = ctx.crm.sessions.resolveRefreshToken(form.get('refresh_token') ?? '');
        if (userId === undefined) return oauthError(400, 'invalid_grant', 'expired access/refresh token');
      } else {
        userId = ctx.crm.integrationUserId;
      }
      const id = `https://login.salesforce.com/id/${ctx.crm.orgId}/${userId}`;
      const issuedAt = String(ctx.crm.clock.now());
      return HttpResponse.json({
        access_token: ctx.crm.sessions.issueToken(userId),
        ...(refreshToken === undefined ? {} : { refresh_token: refreshToken }),
        signature: btoa(`${id}${issuedAt}`),
        scope: 'api refresh_token',
        instance_url: new URL(request.url).origin,
        id,
        token_type: 'Bearer',
        issued_at: issuedAt,
      });
    }),
  ];
}
