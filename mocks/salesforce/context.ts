import { HttpResponse } from 'msw';
import type { Crm } from '../../src/systems/crm/crm.ts';
import type { UnknownPathOptions } from '../unknownPath.ts';
import { sfErrorBody } from './errorResponse.ts';

/** What the Salesforce handlers serve: the simulated org. */
export interface SalesforceMockContext {
  readonly crm: Crm;
  /**
   * The org's instance URL, which the login servers (`login.salesforce.com`, `test.salesforce.com`) hand out as
   * `instance_url` / `serverUrl`. Elsewhere (a My Domain host, `leadsim serve`'s loopback) the request's own origin
   * is the instance. Default: the request's origin everywhere.
   */
  readonly instanceUrl?: string;
  /** The connected app whose consumer key and secret the OAuth token endpoint accepts (default `SALESFORCE_CLIENT`). */
  readonly connectedApp?: { readonly clientId: string; readonly clientSecret: string };
  /** What happens to paths under Salesforce's hosts and prefixes that no handler knows (see mocks/unknownPath.ts). */
  readonly unknownPaths?: UnknownPathOptions;
}

/** The outcome of checking a request's session. */
export type Authentication = { readonly ok: true; readonly userId: string } | { readonly ok: false; readonly response: Response };

/** The bearer token of a request (`Authorization: Bearer …` or the older `OAuth …`), if any. */
export function bearerToken(request: Request): string | undefined {
  const header = request.headers.get('authorization') ?? '';
  const match = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(header.trim());
  return match?.[1];
}

/** `{ 'Sforce-Limit-Info': 'api-usage=N/LIMIT' }`, sent on every REST response except `GET /services/data`. */
export function limitHeaders(ctx: SalesforceMockContext): Record<string, string> {
  return { 'Sforce-Limit-Info': ctx.crm.apiUsage.header() };
}

/**
 * Resolves the request's access token to the user it authenticates; otherwise the 401
 * `[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]` response.
 */
export function authenticate(request: Request, ctx: SalesforceMockContext): Authentication {
  const token = bearerToken(request);
  const userId = token === undefined ? undefined : ctx.crm.sessions.resolveToken(token);
  if (userId !== undefined) return { ok: true, userId };
  return {
    ok: false,
    response: HttpResponse.json(sfErrorBody('INVALID_SESSION_ID', 'Session expired or invalid'), { status: 401, headers: limitHeaders(ctx) }),
  };
}
