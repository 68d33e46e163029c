import type { HttpHandler } from 'msw';
import { http } from './inProcessHttp.ts';

/** The simulated vendors, as the owners of paths. */
export type VendorSystem = 'salesforce' | 'marketo' | 'impartner' | 'intake';

/** How a vendor's handlers treat paths they do not know. */
export interface UnknownPathOptions {
  /**
   * `true` (default): a path under the vendor's hosts or prefixes that no handler knows is answered in the vendor's
   * own error shape. `false`: no catch-all at all, so the request stays unhandled (msw's `onUnhandledRequest`).
   */
  readonly answer?: boolean;
  /** Called with every request a catch-all answered. */
  readonly onUnknown?: (request: Request, system: VendorSystem) => void;
}

/** Builds a vendor's not-found answer. */
export type UnknownPathResponder = (request: Request, url: URL) => Response;

/** Response header a catch-all answer carries, so a server can count it as unhandled (the loopback server strips it). */
export const UNKNOWN_PATH_HEADER = 'x-leadsim-unknown-path';

const HOSTS: readonly (readonly [VendorSystem, RegExp])[] = [
  ['salesforce', /(^|\.)(salesforce\.com|force\.com)$/i],
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
 * The msw paths each vendor's catch-all listens on: its path prefixes on any origin and anything on its hosts. They
 * are plain `*…` paths so the dispatch transport matches them without msw. Together they cover every URL
 * {@link vendorOf} assigns to the vendor.
 */
const PATTERNS: Readonly<Record<VendorSystem, readonly string[]>> = {
  salesforce: ['*/services/*', '*/id/*', '*.salesforce.com/*', '*.force.com/*'],
  marketo: ['*/rest/*', '*/identity/*', '*/bulk/*', '*.mktorest.com/*', '*.marketo.com/*'],
  impartner: ['*/api/*', '*/prm/*', '*.impartner.live/*', '*.impartner.com/*'],
  intake: ['*/intake/*', '*hooks.leadsim.test/*'],
};

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
 * Catch-alls for the vendors given, placed after every real handler: a request on one of their paths is answered by
 * the responder of the vendor it belongs to ({@link vendorOf}; else the vendor whose path it matched), marked with
 * {@link UNKNOWN_PATH_HEADER}. A catch-all never passes a request on: msw would send a request a handler matched
 * but did not answer to the network. Empty when `options.answer` is false.
 */
export function unknownPathHandlers(responders: Partial<Record<VendorSystem, UnknownPathResponder>>, options: UnknownPathOptions = {}): HttpHandler[] {
  if (options.answer === false) return [];
  const given = Object.keys(responders) as VendorSystem[];
  return given.flatMap((patternSystem) =>
    PATTERNS[patternSystem].map((pattern) =>
      http.all(pattern, ({ request }) => {
        const url = new URL(request.url);
        const owner = vendorOf(url);
        const system = owner !== undefined && responders[owner] ? owner : patternSystem;
        options.onUnknown?.(request, system);
        const response = responders[system]!(request, url);
        response.headers.set(UNKNOWN_PATH_HEADER, system);
        return response;
      }),
    ),
  );
}
