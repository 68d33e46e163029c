import type { InputIssue } from '../core/errors.ts';

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const OFFSET = /^\+(?:\d+(?:ms|s|m|h|d))+$/;
const PART = /(\d+)(ms|s|m|h|d)/g;

/** Gap between two events that give no `at`: one minute after the previous event. */
export const DEFAULT_EVENT_GAP_MS = 60_000;

/**
 * When an event happens, in simulated epoch ms: `"+5m"`, `"+1h30m"`, `"+90s"` (after the scenario's start), an ISO
 * time (`"2026-01-05T09:30:00Z"`), or a number of ms after the start. No `at`: a minute after the previous event.
 */
export function resolveEventTime(
  at: string | number | undefined,
  start: number,
  previous: number,
  path: readonly (string | number)[],
): { ok: true; time: number } | { ok: false; issue: InputIssue } {
  if (at === undefined) return { ok: true, time: previous + DEFAULT_EVENT_GAP_MS };
  if (typeof at === 'number') return { ok: true, time: start + at };
  if (OFFSET.test(at)) {
    let ms = 0;
    for (const m of at.matchAll(PART)) ms += Number(m[1]) * UNIT_MS[m[2]!]!;
    return { ok: true, time: start + ms };
  }
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(at) ? Date.parse(at) : Number.NaN;
  if (Number.isNaN(iso)) {
    return { ok: false, issue: { path, message: 'unreadable event time', expected: 'an offset like "+5m" or "+1h30m", an ISO time with a zone, or ms after the start', got: JSON.stringify(at) } };
  }
  if (iso < start) {
    return { ok: false, issue: { path, message: 'event time before the scenario starts', expected: `a time at or after ${new Date(start).toISOString()}`, got: JSON.stringify(at) } };
  }
  return { ok: true, time: iso };
}

/** Renders ms after the start the way scenario files write it: `+1h30m`, `+45s`, `+0s`. */
export function formatOffset(ms: number): string {
  if (ms <= 0) return '+0s';
  let rest = Math.round(ms);
  let out = '+';
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1_000], ['ms', 1]] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return out;
}
