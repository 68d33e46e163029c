import { timingSafeEqual } from 'node:crypto';

/** Options of {@link requestGate}. */
export interface RequestGateOptions {
  /**
   * Host names (no port, case-insensitive) a request may name in `Host` or `Origin` besides the loopback ones
   * (`localhost`, `*.localhost`, `127.0.0.0/8`, `[::1]`), e.g. the name of a container or tunnel that forwards to
   * the port. Default none.
   */
  readonly allowedHosts?: readonly string[];
  /**
   * The intake's token: when set, every request under `/intake` must carry `Authorization: Bearer <token>` (or
   * `X-Leadsim-Intake-Token: <token>`). Default: none required.
   */
  readonly intakeToken?: string;
}

/** The header that carries the intake token for clients that cannot set `Authorization`. */
export const INTAKE_TOKEN_HEADER = 'x-leadsim-intake-token';

/** A refusal's body, in the intake's error shape. */
interface Refusal {
  readonly error: 'FORBIDDEN_HOST' | 'FORBIDDEN_ORIGIN' | 'UNAUTHORIZED';
  readonly message: string;
  readonly issues: readonly string[];
}

const LOOPBACK = /^(localhost|[^.]+(\.[^.]+)*\.localhost|127(\.\d{1,3}){3}|\[::1\]|::1)$/i;

/** The host name of a `Host` header value or an origin's authority: lower-case, without the port. */
function hostName(authority: string): string {
  const trimmed = authority.trim().toLowerCase();
  const v6 = /^(\[[^\]]*\])(:\d*)?$/.exec(trimmed);
  if (v6) return v6[1]!;
  return trimmed.replace(/:\d*$/, '').replace(/\.$/, '');
}

function refuse(status: number, body: Refusal, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Who may use `leadsim serve`'s loopback port, checked before any simulated API sees a request. Returns the refusal
 * or undefined to let the request in:
 * - 403 `FORBIDDEN_HOST` when `Host` names anything but loopback or an allowed host: a web page that rebinds its own
 *   DNS name to 127.0.0.1 (DNS rebinding) still sends its own name as `Host`;
 * - 403 `FORBIDDEN_ORIGIN` for a browser request from another site: an `Origin` (also `null`) whose host is not
 *   loopback or allowed, or `Sec-Fetch-Site: cross-site`/`same-site` without one. HTTP clients send neither header,
 *   and serve answers no CORS preflight, so a page can neither post a "simple" (text/plain, form) request nor JSON;
 * - 401 `UNAUTHORIZED` (with `WWW-Authenticate: Bearer`) for a request under `/intake` without the intake token, when
 *   one is configured.
 * The intake itself refuses a body not declared as JSON with 415 (mocks/pipeline/intakeHandlers.ts).
 */
export function requestGate(options: RequestGateOptions = {}): (request: Request) => Response | undefined {
  const allowed = new Set((options.allowedHosts ?? []).map(hostName));
  const isAllowed = (host: string) => LOOPBACK.test(host) || allowed.has(host);
  const allowHint = (host: string) => `Serve it under that name with --allow-host ${host.replace(/^\[|\]$/g, '')} (or "serve": {"allowedHosts": [...]} in leadsim.config.json)`;
  return (request) => {
    const hostHeader = request.headers.get('host');
    if (hostHeader !== null && !isAllowed(hostName(hostHeader))) {
      const host = hostName(hostHeader);
      return refuse(403, {
        error: 'FORBIDDEN_HOST',
        message: `Refused a request for host "${hostHeader}": leadsim serve answers only loopback names (localhost, 127.0.0.1, [::1]) and the hosts you allow, so a web page cannot reach it by rebinding its DNS name to 127.0.0.1. ${allowHint(host)}.`,
        issues: [],
      });
    }
    const origin = request.headers.get('origin');
    const site = request.headers.get('sec-fetch-site')?.toLowerCase();
    let originHost: string | undefined;
    try {
      originHost = origin === null || origin === 'null' ? undefined : hostName(new URL(origin).host);
    } catch {
      originHost = undefined;
    }
    const fromOtherSite = origin !== null ? originHost === undefined || !isAllowed(originHost) : site === 'cross-site' || site === 'same-site';
    if (fromOtherSite) {
      return refuse(403, {
        error: 'FORBIDDEN_ORIGIN',
        message: `Refused a browser request from ${origin === null ? `another site (Sec-Fetch-Site: ${site})` : `origin "${origin}"`}: leadsim serve takes requests from HTTP clients and from pages on loopback or allowed hosts only, so a web page you visit cannot post leads into it. ${originHost === undefined ? 'Send the request from an HTTP client' : allowHint(originHost)}.`,
        issues: [],
      });
    }
    if (options.intakeToken !== undefined && /^\/intake(\/|$)/.test(new URL(request.url).pathname)) {
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1];
      const given = bearer ?? request.headers.get(INTAKE_TOKEN_HEADER)?.trim();
      if (given === undefined || !sameSecret(given, options.intakeToken)) {
        return refuse(
          401,
          {
            error: 'UNAUTHORIZED',
            message: `Failed to accept the delivery: ${given === undefined ? 'it carries no intake token' : 'its intake token is not the one serve was started with'}. Send Authorization: Bearer <token> (or ${INTAKE_TOKEN_HEADER}: <token>) with the token from --intake-token, LEADSIM_INTAKE_TOKEN or "serve": {"intakeToken"} (printed as intake.token in the endpoints line).`,
            issues: [],
          },
          { 'www-authenticate': 'Bearer realm="leadsim intake"' },
        );
      }
    }
    return undefined;
  };
}
