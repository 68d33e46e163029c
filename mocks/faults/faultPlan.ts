import { z } from 'zod';

/** The simulated systems, named as leadsim names them everywhere (reports, traces, fault plans). */
export const SYSTEMS = ['salesforce', 'marketo', 'impartner'] as const;
export type SystemName = (typeof SYSTEMS)[number];

const probability = z.number().min(0).max(1);

/**
 * A seeded fault plan for the HTTP layer: per request, with these probabilities, a system answers with its
 * vendor's server error, its vendor's rate-limit answer, times out (simulated time passes, nothing is applied),
 * or applies the request and loses the response. All zero by default.
 */
export const FaultPlanSchema = z.strictObject({
  /** Probability of a 5xx (Salesforce 503 SERVER_UNAVAILABLE, Marketo 608 in a 200 envelope, Impartner 503). */
  serverError: probability.default(0),
  /** Probability of a rate-limit answer (Salesforce 403 REQUEST_LIMIT_EXCEEDED, Marketo 606, Impartner 429). */
  rateLimit: probability.default(0),
  /** Probability of a timeout: the request is not applied and the client sees a network error after `timeoutMs`. */
  timeout: probability.default(0),
  /** Probability that the request is applied but its response is lost (the client sees a network error). */
  lostResponse: probability.default(0),
  /** Simulated milliseconds a timeout takes. */
  timeoutMs: z.number().int().min(0).default(30_000),
  /** Systems the plan applies to (default: all). */
  systems: z.array(z.enum(SYSTEMS)).default([...SYSTEMS]),
});
export type FaultPlan = z.infer<typeof FaultPlanSchema>;
export type FaultPlanInput = z.input<typeof FaultPlanSchema>;

/** One injected fault, as recorded in the fault journal. */
export type FaultKind = 'serverError' | 'rateLimit' | 'timeout' | 'lostResponse';

/** Which simulated system a request is addressed to, from its path; undefined for anything else. */
export function systemOf(url: URL): SystemName | undefined {
  const p = url.pathname;
  if (p.startsWith('/services/')) return 'salesforce';
  if (p.startsWith('/rest/') || p.startsWith('/identity/')) return 'marketo';
  if (p.startsWith('/api/') || p.startsWith('/prm/api/')) return 'impartner';
  return undefined;
}
