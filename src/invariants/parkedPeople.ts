import type { EventTrace } from '../pipeline/trace.ts';

/** The people whose last event ended parked (their processing is not over). */
export function parkedPeople(traces: readonly EventTrace[]): Set<string> {
  const last = new Map<string, EventTrace>();
  for (const trace of traces) {
    const o = trace.outcome;
    const id = o && 'personId' in o ? o.personId : upsertedId(trace);
    if (id !== undefined) last.set(id, trace);
  }
  return new Set([...last].filter(([, t]) => t.outcome?.kind === 'parked').map(([id]) => id));
}

/** The id of the person an event's upsert step created or updated, if it got that far. */
export function upsertedId(trace: EventTrace): string | undefined {
  for (const step of trace.steps) {
    const id = step.job === 'upsertPerson' ? (step.output as { id?: unknown } | null)?.id : undefined;
    if (typeof id === 'string') return id;
  }
  return undefined;
}

