import { checkInvariants } from '../invariants/checkInvariants.ts';
import { formatSimulationReport } from '../report/formatSimulationReport.ts';
import { summarize } from '../report/simulationSummary.ts';
import { createHarness } from '../simulation/createHarness.ts';
import { runWorkload } from '../simulation/runWorkload.ts';
import { traceRetentionFor } from '../simulation/simulate.ts';
import { generateWorkload, type Workload } from '../simulation/workload.ts';
import { SOBJECT_TYPES } from '../systems/crm/schema.ts';
import { PRM_OBJECTS } from '../systems/prm/prmSchema.ts';

/** What one end-to-end simulation measured (see {@link measureRun}). */
export interface RunMeasurement {
  readonly leads: number;
  readonly events: number;
  /** Live and deleted leads and contacts the CRM holds at the end. */
  readonly people: number;
  readonly traces: 'full' | 'summary';
  /** Wall-clock ms of the whole job: generation, the run, the report and the invariants. */
  readonly wallMs: number;
  /** CPU ms of the process meanwhile (user + system). */
  readonly cpuMs: number;
  /** Of which the run itself (delivering and processing the workload), wall ms. */
  readonly runMs: number;
  /** Of which the report and the invariants, wall ms. */
  readonly checkMs: number;
  /** Every invariant held. */
  readonly invariantsOk: boolean;
  /** Peak resident set size of the process, MB. */
  readonly peakRssMb: number;
  /**
   * Bytes the run holds (JS heap and array buffers, after a full GC) beyond the systems' records (CRM, Marketo and
   * Impartner records as they ended): traces, field histories, activity logs, request and delivery logs, indexes,
   * the intake's events (not the generated workload, which is the run's input). Undefined without `gc` (run node
   * with --expose-gc).
   */
  readonly heapBeyondRecords: number | undefined;
}

type Gc = () => void;

/**
 * The memory in use once everything unreachable is collected: the JS heap and the bytes of array buffers. Waits for the current job to end first: chunks a
 * sealed log decoded for the reads just made are held weakly (src/core/sealedChunks.ts), and V8 keeps a weak
 * reference's target alive until the job that made it ends; they are working memory, not what the run stores.
 */
async function heapAfterGc(gc: Gc): Promise<number> {
  for (let round = 0; round < 2; round++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
  // Typed arrays keep their bytes outside the JS heap (log columns, sealed chunks, trace bytes): counted too.
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/** What {@link runAndCheck} leaves: its figures, the heap with the whole run, and the systems' records alone. */
interface Ran {
  readonly figures: Omit<RunMeasurement, 'leads' | 'peakRssMb' | 'heapBeyondRecords' | 'wallMs' | 'cpuMs'>;
  readonly wholeHeap: number | undefined;
  readonly records: readonly unknown[];
}

async function runAndCheck(leads: number, seed: number, traces: 'full' | 'summary', gc: Gc | undefined): Promise<Ran> {
  let workload: Workload | undefined = generateWorkload({ seed, leads });
  const harness = await createHarness({ seed, org: workload.org, gapMs: 0, traces });
  const runStarted = performance.now();
  const run = await runWorkload(harness, workload);
  // The generated actions are the run's input, not what it stores: they are not weighed with it.
  workload = undefined;
  const runMs = performance.now() - runStarted;
  const checkStarted = performance.now();
  const invariants = checkInvariants(run);
  formatSimulationReport(summarize(run), invariants.results, { replayCommand: '' });
  const checkMs = performance.now() - checkStarted;
  const world = harness.world;
  const crm = SOBJECT_TYPES.map((type) => [...world.crm.records(type, { includeDeleted: true })]);
  const people = crm[SOBJECT_TYPES.indexOf('Lead')]!.length + crm[SOBJECT_TYPES.indexOf('Contact')]!.length;
  const records = [crm, world.marketo.leads(), PRM_OBJECTS.map((o) => world.impartner.records(o))];
  const wholeHeap = gc ? await heapAfterGc(gc) : undefined;
  await harness.close();
  return { figures: { events: run.traces.length, people, traces, runMs, checkMs, invariantsOk: invariants.ok }, wholeHeap, records };
}

/**
 * Runs what `leadsim simulate` runs, end to end (the workload generated from `seed`, the run with the transport's
 * default, the report and every invariant), and measures it. With `gc` (a process started with --expose-gc), it
 * also weighs what the run holds beyond the records: the heap with the whole run, less the heap once only the
 * systems' records (CRM, Marketo, Impartner, as they ended) are left. Meant for a process of its own (the bench's
 * scaling section), so the peak RSS is this run's.
 */
export async function measureRun(leads: number, seed: number, gc: Gc | undefined = globalThis.gc as Gc | undefined): Promise<RunMeasurement> {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const ran = await runAndCheck(leads, seed, traceRetentionFor(leads), gc);
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  // Everything but the records is unreachable now: what the heap lost is what the run held beyond them.
  const left = gc && ran.wholeHeap !== undefined ? await heapAfterGc(gc) : undefined;
  const heapBeyondRecords = left === undefined || ran.wholeHeap === undefined ? undefined : Math.max(0, ran.wholeHeap - left);
  if (ran.records.length === 0) throw new Error('unreachable: keeps the records alive until the second measure');
  return { leads, ...ran.figures, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), heapBeyondRecords };
}
