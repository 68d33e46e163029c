import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestHandler } from 'msw';
import { vendorOf } from '../../mocks/unknownPath.ts';
import type { OrgSpec } from '../org/orgSpec.ts';
import type { EventTrace } from '../pipeline/trace.ts';
import type { Graph } from '../routing/graphSchema.ts';
import type { OrgSettingsInput } from '../systems/crm/orgSettings.ts';
import { IMPARTNER_KEY, MARKETO_CLIENT, SALESFORCE_CLIENT } from '../world/credentials.ts';
import { limitsReached, type LimitReached } from '../report/limitsReached.ts';
import { ADMIN_PREFIX, adminHandlers } from './adminHandlers.ts';
import { startLoopbackServer, type LoopbackServer } from './loopbackServer.ts';
import { requestGate } from './requestGate.ts';
import type { ClockMode } from './serveClock.ts';
import { ServeSession, type FinishReport } from './serveSession.ts';
import { writeServeState, type ServeState } from './serveState.ts';
import { generateServeCertificate, type ServeCertificate } from './tlsCertificate.ts';

/** Options of {@link startServe}. */
export interface StartServeOptions {
  readonly seed: number;
  readonly graph: Graph;
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  readonly port?: number;
  /** `wall` (default) or `manual` (see ServeClock). */
  readonly clock?: ClockMode;
  /** Serve HTTPS with a certificate generated at start (the CA's path is in `info.https.caFile`). */
  readonly https?: boolean;
  readonly org?: OrgSpec;
  readonly orgSettings?: OrgSettingsInput;
  /** Called with each event the pipeline has processed. */
  readonly onTrace?: (trace: EventTrace) => void;
  /** How often the pipeline looks at the intake, wall ms (default 50). */
  readonly pollMs?: number;
  /** A saved state to resume from (`--state`): the world, traces and simulated time of an earlier serve. */
  readonly state?: ServeState;
  /** How many of the latest traces are kept whole (default 1,000; older ones summarized: see ServeSessionOptions). */
  readonly fullTraces?: number;
  /** Called when a vendor's API limit starts refusing requests (the pipeline's or a client's). */
  readonly onLimit?: (limit: LimitReached) => void;
  /** Host names besides loopback that `Host` and `Origin` may name (see requestGate.ts). Default none. */
  readonly allowedHosts?: readonly string[];
  /** When set, the intake requires `Authorization: Bearer <intakeToken>` (see requestGate.ts). Default none. */
  readonly intakeToken?: string;
}

/** Options of {@link RunningServe.shutdown}. */
export interface ShutdownOptions {
  /** Where to save the state (`--state`); without it, a state is saved only when accepted events were left unfinished. */
  readonly statePath?: string;
  /** Wall ms the drain may take before what is left is saved instead (default 30 000). */
  readonly drainMs?: number;
}

/** What a shutdown did with the events it had accepted. */
export interface ShutdownReport extends FinishReport {
  /** The state file written, if one was. */
  readonly savedTo?: string;
}

/** The first stdout line of `leadsim serve`: where everything answers, and the credentials. */
export interface ServeInfo {
  readonly salesforce: { readonly instanceUrl: string; readonly loginUrl: string; readonly accessToken: string; readonly version: string; readonly username: string; readonly clientId: string; readonly clientSecret: string };
  readonly marketo: { readonly baseUrl: string; readonly identityUrl: string; readonly clientId: string; readonly clientSecret: string };
  readonly impartner: { readonly baseUrl: string; readonly apiKey: string; readonly tenantId: string };
  /** `token`: what the intake requires as `Authorization: Bearer <token>`, when one was configured. */
  readonly intake: { readonly url: string; readonly token?: string };
  readonly admin: { readonly url: string };
  readonly clock: { readonly mode: ClockMode; readonly start: string };
  readonly https?: { readonly caFile: string; readonly env: Readonly<Record<string, string>> };
  readonly seed: number;
}

/** A running `leadsim serve`. */
export interface RunningServe {
  readonly info: ServeInfo;
  readonly session: ServeSession;
  readonly server: LoopbackServer;
  /** Stops polling, closes the port, removes the generated CA file. Accepted events still waiting are dropped: see {@link shutdown}. */
  close(): Promise<void>;
  /**
   * Stops taking requests, finishes what was accepted (the intake's queue, then parked events' retries) within
   * `drainMs`, and saves the state to `statePath` (always, when given) or, when accepted events are left unfinished,
   * to a file in the OS temp folder whose path the report names: nothing accepted is dropped.
   */
  shutdown(options?: ShutdownOptions): Promise<ShutdownReport>;
}

/**
 * Starts `leadsim serve` in this process: the session (world, pipeline, admin API), the loopback server on
 * 127.0.0.1 (HTTPS with a generated certificate when asked) serving, in order, the admin API under `/__leadsim`
 * and every simulated API, and a poll that runs what arrives on the intake through the pipeline. Each request
 * first passes the gate (loopback or allowed `Host` and `Origin`, the intake token when set: requestGate.ts), then
 * brings simulated time up to date with the wall clock (wall mode) and is written to the request log.
 */
export async function startServe(options: StartServeOptions): Promise<RunningServe> {
  const clock = options.clock ?? 'wall';
  const session = await ServeSession.start({ seed: options.seed, graph: options.graph, clock, ...(options.org ? { org: options.org } : {}), ...(options.orgSettings ? { orgSettings: options.orgSettings } : {}), ...(options.onTrace ? { onTrace: options.onTrace } : {}), ...(options.state ? { state: options.state } : {}), ...(options.fullTraces !== undefined ? { fullTraces: options.fullTraces } : {}) });
  const start = session.world.clock.iso();
  const certificate: ServeCertificate | undefined = options.https ? await generateServeCertificate() : undefined;
  const admin = adminHandlers(session);
  const handlers = (): readonly RequestHandler[] => [...admin, ...session.world.handlers];
  let limitsSeen = 0;
  const checkLimits = () => {
    const reached = limitsReached(session.world, 0);
    for (const limit of reached.slice(limitsSeen)) options.onLimit?.(limit);
    limitsSeen = reached.length;
  };
  const server = await startLoopbackServer(handlers, {
    port: options.port ?? 0,
    ...(certificate ? { tls: { key: certificate.key, cert: certificate.cert } } : {}),
    gate: requestGate({ ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}), ...(options.intakeToken === undefined ? {} : { intakeToken: options.intakeToken }) }),
    onRequest: () => session.clock.sync(),
    onExchange: ({ request, status, unhandled, ms }) => {
      const url = new URL(request.url);
      const system = url.pathname === ADMIN_PREFIX || url.pathname.startsWith(`${ADMIN_PREFIX}/`) ? 'admin' : (unhandled ?? vendorOf(url) ?? 'none');
      session.requests.add({ at: session.world.clock.iso(), method: request.method, path: url.pathname + url.search, status, system, unhandled: unhandled !== undefined, ms: Math.round(ms * 10) / 10 });
      checkLimits();
    },
  });
  // Polling the intake is the edge of the process (wall time); simulated time is untouched by it.
  const timer = setInterval(() => void session.drain().then(checkLimits), options.pollMs ?? 50);
  const o = server.origin;
  const info: ServeInfo = {
    salesforce: { instanceUrl: o, loginUrl: o, accessToken: session.world.salesforceToken, version: '62.0', username: 'integration@leadsim.test', ...SALESFORCE_CLIENT },
    marketo: { baseUrl: `${o}/rest`, identityUrl: `${o}/identity`, ...MARKETO_CLIENT },
    impartner: { baseUrl: o, ...IMPARTNER_KEY },
    intake: { url: `${o}/intake/{entryPoint}`, ...(options.intakeToken === undefined ? {} : { token: options.intakeToken }) },
    admin: { url: `${o}${ADMIN_PREFIX}` },
    clock: { mode: clock, start },
    ...(certificate ? { https: { caFile: certificate.caFile, env: { REQUESTS_CA_BUNDLE: certificate.caFile, SSL_CERT_FILE: certificate.caFile, NODE_EXTRA_CA_CERTS: certificate.caFile } } } : {}),
    seed: session.seed,
  };
  const close = async () => {
    clearInterval(timer);
    await server.close();
    await session.close();
    certificate?.dispose();
  };
  return {
    info,
    session,
    server,
    close,
    shutdown: async (shutdownOptions = {}) => {
      clearInterval(timer);
      await server.close();
      const deadline = performance.now() + (shutdownOptions.drainMs ?? 30_000);
      const report = await session.finish({ stop: () => performance.now() >= deadline });
      const unfinished = report.queued + report.parked > 0;
      const savedTo = shutdownOptions.statePath ?? (unfinished ? join(tmpdir(), `leadsim-serve-${session.seed}-${process.pid}.state`) : undefined);
      if (savedTo !== undefined) writeServeState(savedTo, session.state());
      await session.close();
      certificate?.dispose();
      return { ...report, ...(savedTo === undefined ? {} : { savedTo }) };
    },
  };
}
