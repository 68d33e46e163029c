import type { ParsedPayload } from '../../entrypoints/registry.ts';

/** An inbound event in a few words for a counterexample: its entry point and the email it carries, if any. */
export function describeEvent(event: ParsedPayload): string {
  const email = findEmail(event.payload, 0);
  return `${event.entryPoint}${email === undefined ? '' : ` ${JSON.stringify(email)}`}`;
}

function findEmail(value: unknown, depth: number): string | undefined {
  if (depth > 4 || typeof value !== 'object' || value === null) return undefined;
  for (const [key, v] of Object.entries(value)) if (/^e-?mail$/i.test(key) && typeof v === 'string') return v;
  for (const v of Object.values(value)) {
    const found = findEmail(v, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
