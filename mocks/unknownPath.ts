import { http, type HttpHandler } from 'msw';

/** The simulated vendors, as the owners of paths. */
export type VendorSystem = 'salesforce' | 'marketo' | 'impartner' | 'intake';

/** How a vendor's catch-all treats paths it does not know. */
export interface UnknownPathOptions {
  /**
   * `true`: an unknown path is left unhandled (msw's `onUnhandledRequest`, or the loopback server's 404), for tests
   * that want strictness. Default `false`: it is answered in the vendor's own error shape.
   */
  readonly strict?: boolean | (() => boolean);
  /** Called with every request a catch-all saw (answered or left unhandled). */
  readonly onUnknown?: (request: Request, system: VendorSystem) => void;
}

/** Response header a catch-all answer carries, so a server can count it as unhandled (the loopback server strips it). */
export const UNKNOWN_PATH_HEADER = 'x-leadsim-unknown-path';

const HOSTS: readonly (readonly [VendorSystem, RegExp])[] = [
  ['salesforce', /(^|\.)(salesforce\.com|force\.com|salesforce\.mil|cloudforce\.com)$/i],
  ['marketo', /(^|\.)(mktorest\.com|marketo\.com)$/i],
  ['impartner', /(^|\.)(impartner\.live|impartner\.com)$/i],
  ['intake', /^hooks\.leadsim\.test$/i],
];

const PREFIXES: readonly (readonly [VendorSystem, RegExp])[] = [
  ['salesforce', /^\/(services|id)(\/|$)/],
  ['marketo', /^\/(rest|identity|bulk)(\/|$)/],
  ['impartner', /^\/(api|prm)(\/|$)/],
  ['intake', /^\/intake(\/|$)/],
];

/**
 * The vendor a URL belongs to: by host when it is a vendor's (`*.my.salesforce.com`, `*.mktorest.com`,
 * `prod.impartner.live`, the intake's host), else by path prefix, which is how a single loopback origin (`leadsim
 * serve`) tells them apart: `/services`, `/id` Salesforce; `/rest`, `/identity`, `/bulk` Marketo; `/api`, `/prm`
 * Impartner; `/intake` the pipeline. Undefined for anything else.
 */
export function vendorOf(url: URL): VendorSystem | undefined {
  const byHost = HOSTS.find(([, host]) => host.test(url.hostname))?.[0];
  return byHost ?? PREFIXES.find(([, prefix]) => prefix.test(url.pathname))?.[0];
}

/**
 * A catch-all for one vendor, placed after its handlers: every request that belongs to `system` (see
 * {@link vendorOf}) and that no handler answered gets `respond(request)`, marked with {@link UNKNOWN_PATH_HEADER},
 * or is left unhandled when `strict`.
 */
export function unknownPathHandler(system: VendorSystem, options: UnknownPathOptions, respond: (request: Request, url: URL) => Response): HttpHandler {
  return http.all('*', ({ request }) => {
    const url = new URL(request.url);
    if (vendorOf(url) !== system) return undefined;
    options.onUnknown?.(request, system);
    const strict = typeof options.strict === 'function' ? options.strict() : options.strict === true;
    if (strict) return undefined;
    const response = respond(request, url);
    response.headers.set(UNKNOWN_PATH_HEADER, system);
    return response;
  });
}
