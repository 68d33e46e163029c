import { afterAll, describe, expect, test } from 'vitest';
import { checkInvariants, formatViolation } from '../../src/invariants/index.ts';
import { pendingPeople } from '../../src/invariants/pendingPeople.ts';
import { simulate } from '../../src/simulation/simulate.ts';

/**
 * Every invariant at every fault rate `leadsim simulate --fault-rate` accepts. `npm test` runs the two runs the
 * issue found broken and one seed per rate; `LEADSIM_FAULT_SWEEP=100 npx vitest run test/faults/faultSweep.test.ts`
 * runs seeds 1..100 at each rate (README "Fault injection") and prints what stayed pending.
 */
const SWEEP_ENV = 'LEADSIM_FAULT_SWEEP';
const RATES = [0.05, 0.1, 0.2, 0.25] as const;
const sweepSeeds = Number(process.env[SWEEP_ENV] ?? '0');
if (!Number.isInteger(sweepSeeds) || sweepSeeds < 0) throw new RangeError(`Failed to read ${SWEEP_ENV} "${process.env[SWEEP_ENV]}": it is not a whole number of seeds. Set it to e.g. 100.`);
const LEADS = 100;

const rateOf = (p: number) => ({ serverError: p, rateLimit: p, timeout: p, lostResponse: p });
const totals = new Map<number, { seeds: number; events: number; parked: number; pending: number; failed: number }>();

/** Runs one simulation and checks every invariant: the violations (each with the command that replays it) and the counts. */
async function sweepRun(seed: number, leads: number, rate: number, tally = false): Promise<{ parked: number; pending: number; events: number; violations: string[] }> {
  const run = await simulate({ seed, leads, faults: rateOf(rate) });
  const report = checkInvariants(run);
  const replay = `leadsim simulate --seed ${seed} --leads ${leads} --fault-rate ${rate}`;
  const row = totals.get(rate) ?? { seeds: 0, events: 0, parked: 0, pending: 0, failed: 0 };
  const parked = run.traces.filter((t) => t.outcome?.kind === 'parked').length;
  const pending = pendingPeople(run).size;
  if (tally) totals.set(rate, { seeds: row.seeds + 1, events: row.events + run.traces.length, parked: row.parked + parked, pending: row.pending + pending, failed: row.failed + (report.ok ? 0 : 1) });
  return { parked, pending, events: run.traces.length, violations: report.violations.map((v) => `${formatViolation(v)}\n  replay: ${replay}`) };
}

/** Runs one simulation and asserts every invariant, naming the command that replays a failure. */
async function holds(seed: number, leads: number, rate: number): Promise<{ parked: number; pending: number; events: number }> {
  const { violations, ...counts } = await sweepRun(seed, leads, rate);
  expect(violations).toEqual([]);
  return counts;
}

describe('every invariant holds at every fault rate the CLI accepts', () => {
  test('simulate --seed 2 --leads 100 --fault-rate 0.1: the lead written before a fault is completed on retry', async () => {
    expect(await holds(2, 100, 0.1)).toMatchObject({ parked: 0, pending: 0 });
  });

  test('simulate --seed 6 --leads 200 --fault-rate 0.1: no Partner Queue owner without its routing', async () => {
    expect(await holds(6, 200, 0.1)).toMatchObject({ parked: 0, pending: 0 });
  });

  test.each(RATES)('a sample at fault rate %s (LEADSIM_FAULT_SWEEP=N sweeps N seeds)', async (rate) => {
    const seeds = sweepSeeds > 0 ? Array.from({ length: sweepSeeds }, (_, i) => i + 1) : [3];
    const leads = sweepSeeds > 0 ? LEADS : 40;
    // Every seed runs; the failures are listed together, each with the command that replays it.
    const violations: string[] = [];
    for (const seed of seeds) violations.push(...(await sweepRun(seed, leads, rate, true)).violations);
    expect(violations).toEqual([]);
  }, sweepSeeds > 0 ? 7_200_000 : 60_000);

  afterAll(() => {
    if (sweepSeeds === 0) return;
    const lines = [...totals].map(([rate, t]) => `  ${String(rate).padEnd(5)} ${String(t.seeds).padStart(5)} seeds ${String(t.failed).padStart(4)} failed ${String(t.events).padStart(7)} events ${String(t.parked).padStart(6)} parked at the end ${String(t.pending).padStart(6)} people pending`);
    process.stdout.write(`\nfault sweep (${LEADS} leads a seed)\n${lines.join('\n')}\n`);
  });
});
