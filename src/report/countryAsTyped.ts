import type { EventTrace } from '../pipeline/trace.ts';

/** The country of one event as it was typed, and what standardize made of it: an ISO code, or why none. */
export interface CountryAsTyped {
  readonly raw: string;
  readonly code?: string;
  /** Why it stayed unmapped (`"Korea" is ambiguous: …`), when it did. */
  readonly reason?: string;
}

/**
 * Reads the standardize job of a trace: the person's country as sent (or the company's, which standardize falls
 * back to) and the code it became. Undefined when the event carried no country or never reached standardize.
 */
export function countryAsTyped(trace: EventTrace): CountryAsTyped | undefined {
  const step = trace.steps.find((s) => s.job === 'standardize');
  if (!step) return undefined;
  const input = step.input as { country?: unknown } | null;
  const output = step.output as { person?: { country?: unknown }; company?: { country?: unknown }; issues?: unknown } | null;
  const raw = typeof input?.country === 'string' ? input.country : undefined;
  if (raw === undefined) return undefined;
  const code = output?.person?.country;
  if (typeof code === 'string') return { raw, code };
  const issue = Array.isArray(output?.issues) ? output.issues.find((i): i is string => typeof i === 'string' && i.startsWith('country: ')) : undefined;
  return { raw, ...(issue ? { reason: issue.slice('country: '.length) } : {}) };
}

/** `Deutschland → DE`, `Korea → unmapped ("Korea" is ambiguous: …)`: how reports write one. */
export function formatCountryAsTyped(c: CountryAsTyped): string {
  return `${JSON.stringify(c.raw)} → ${c.code ?? `unmapped${c.reason ? ` (${c.reason})` : ''}`}`;
}
