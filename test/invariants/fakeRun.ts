import { SimClock } from '../../src/core/clock.ts';
import type { JobName } from '../../src/pipeline/jobNames.ts';
import type { EventTrace, JobTrace, Outcome } from '../../src/pipeline/trace.ts';
import { loadDefaultGraph } from '../../src/routing/loadGraph.ts';
import type { Graph } from '../../src/routing/graphSchema.ts';
import type { RunRecord } from '../../src/simulation/runRecord.ts';
import { Crm } from '../../src/systems/crm/crm.ts';
import type { SObjectType } from '../../src/systems/crm/schema.ts';
import type { World } from '../../src/world/world.ts';

/** The start of every fake run; records written before it count as seeded. */
export const START = Date.UTC(2026, 0, 5, 9, 0, 0);

/** A hand-built world: a real CRM on its own clock, and the MAP, PRM and intake as plain lists. */
export interface FakeWorld {
  readonly clock: SimClock;
  readonly crm: Crm;
  readonly marketoLeads: Record<string, unknown>[];
  readonly prospects: Record<string, unknown>[];
  readonly received: Map<string, { id: string; entryPoint: string; receivedAt: number; payload: unknown }>;
}

/** A fresh fake world with the clock at {@link START} minus one hour (seed time). */
export function fakeWorld(): FakeWorld {
  const clock = new SimClock(START - 3_600_000);
  return { clock, crm: new Crm({ clock }), marketoLeads: [], prospects: [], received: new Map() };
}

/** Creates a record as `workflow` (default `seed`) and returns its id; throws when the CRM refuses. */
export function make(w: FakeWorld, type: SObjectType, fields: Record<string, unknown>, ctx: { userId?: string; workflow?: string | undefined } = {}): string {
  const result = w.crm.create(type, fields, { userId: ctx.userId ?? w.crm.integrationUserId, ...('workflow' in ctx ? (ctx.workflow === undefined ? {} : { workflow: ctx.workflow }) : { workflow: 'seed' }) });
  if (!result.ok) throw new Error(`fake ${type}: ${result.errors[0]?.message}`);
  return result.value.id;
}

/** Marks the start of the run: later writes happen during the run. */
export function startRun(w: FakeWorld): void {
  w.clock.advance(START - w.clock.now());
}

/** A RunRecord over a fake world. */
export function fakeRun(w: FakeWorld, traces: EventTrace[], options: { redelivered?: string[]; graph?: Graph } = {}): RunRecord {
  const world = {
    seed: 1,
    clock: w.clock,
    crm: w.crm,
    marketo: { leads: () => w.marketoLeads },
    impartner: { records: (object: string) => (object === 'Prospect' ? w.prospects : []) },
    intake: { received: w.received },
  } as unknown as World;
  return { seed: 1, world, graph: options.graph ?? loadDefaultGraph(), traces, blocked: [], redelivered: options.redelivered ?? [], startedAt: START };
}

/** One step of a fake trace: job, input, output, and optionally attempts, error and times. */
export type StepSpec = [job: JobName, input?: unknown, output?: unknown, extra?: { attempts?: number; error?: string; status?: JobTrace['status'] }];

/** A trace from step specs (an `intake` step is prepended unless the first spec is one) and an outcome. */
export function trace(eventId: string, entryPoint: string, steps: StepSpec[], outcome: Outcome | undefined, at = START): EventTrace {
  const specs: StepSpec[] = steps[0]?.[0] === 'intake' ? steps : [['intake', { eventId, entryPoint, run: 1 }, { accepted: true }], ...steps];
  return {
    eventId,
    entryPoint,
    receivedAt: at,
    runs: specs.filter((s) => s[0] === 'intake').length,
    steps: specs.map(([job, input = null, output = null, extra = {}]): JobTrace => ({ job, startedAt: at, finishedAt: at, attempts: 1, input, output, calls: [], status: 'ok', ...extra })),
    outcome,
    finishedAt: outcome ? at : undefined,
  };
}

/** The full job list after intake, each with empty input and output (callers override what matters). */
export const ALL_JOBS: readonly JobName[] = ['transform', 'standardize', 'validate', 'searchExisting', 'matchAccount', 'upsertPerson', 'attribution', 'compliance', 'qualify', 'route', 'sync'];

/** Step specs for a full run, with `overrides` by job. */
export function fullRun(overrides: Partial<Record<JobName, [input: unknown, output: unknown]>> = {}): StepSpec[] {
  return ALL_JOBS.map((job) => [job, overrides[job]?.[0] ?? {}, overrides[job]?.[1] ?? {}]);
}
