import type { ParsedPayload } from '../entrypoints/registry.ts';
import { describeEvent } from './commands/describeEvent.ts';

/**
 * The steps of a counterexample: the events of a batch, or the commands of a sequence that ran (fast-check wraps
 * each command and keeps the ones a shrink dropped; those are left out).
 */
export function counterexampleSteps(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value === null || typeof value !== 'object' || !(Symbol.iterator in value)) return [value];
  const steps: unknown[] = [];
  for (const item of value as Iterable<unknown>) {
    const wrapper = item as { cmd?: unknown; hasRan?: boolean };
    if (wrapper.cmd === undefined) steps.push(item);
    else if (wrapper.hasRan) steps.push(wrapper.cmd);
  }
  return steps;
}

/** A shrunk counterexample, one numbered step per line: events as entry point and email, commands by `toString`. */
export function describeCounterexample(value: unknown): string {
  const isBatch = Array.isArray(value);
  return counterexampleSteps(value)
    .map((step, i) => `${String(i + 1).padStart(2)}. ${isBatch ? describeEvent(step as ParsedPayload) : String(step)}`)
    .join('\n');
}

/** The counterexample as plain data: the events of a batch, or each command's name and parameters. */
export function counterexampleData(value: unknown): unknown[] {
  return counterexampleSteps(value).map((step) => (Array.isArray(value) || step === null || typeof step !== 'object' ? step : { command: step.constructor.name, ...step }));
}
