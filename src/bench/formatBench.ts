import type { BenchReport } from './runBench.ts';

const LANE_LABEL: Readonly<Record<string, string>> = {
  msw: '(a) msw interception',
  dispatch: '(b) dispatch (default)',
  loopback: '(c) loopback server',
  direct: '(d) direct, no HTTP',
};

function ratio(value: number, base: number | undefined): string {
  return base === undefined || base === 0 ? '-' : `${(value / base).toFixed(2)}x`;
}

/** The default lane against the others, as the targets read: dispatch's leads/s, times loopback and msw, and direct's lead. */
function laneRatios(report: BenchReport): string[] {
  const rate = new Map(report.results.map((r) => [r.lane, (r.leads / r.ms) * 1000]));
  const dispatch = rate.get('dispatch');
  if (dispatch === undefined) return [];
  const parts = [`dispatch ${dispatch.toFixed(0)} leads/s`];
  for (const lane of ['loopback', 'msw'] as const) {
    const other = rate.get(lane);
    if (other) parts.push(`${(dispatch / other).toFixed(2)}x ${lane}`);
  }
  const direct = rate.get('direct');
  if (direct) parts.push(`direct is ${(direct / dispatch).toFixed(2)}x dispatch`);
  return [`ratios in this run: ${parts.join(', ')}`];
}

/** The scaling section: one line per run size, and whether time grows linearly. */
function scalingLines(report: BenchReport): string[] {
  const runs = report.scaling;
  if (!runs || runs.length === 0) return [];
  const header = ['leads', 'events', 'people', 'traces', 'wall s', 'cpu s', 'cpu ms/lead', 'peak RSS MB', 'bytes/person', 'invariants'];
  const rows = runs.map((r) => [
    String(r.leads),
    String(r.events),
    String(r.people),
    r.traces,
    (r.wallMs / 1000).toFixed(1),
    (r.cpuMs / 1000).toFixed(1),
    (r.cpuMs / r.leads).toFixed(2),
    String(r.peakRssMb),
    r.heapBeyondRecords === undefined ? '-' : (r.heapBeyondRecords / Math.max(1, r.people)).toFixed(0),
    r.invariantsOk ? 'ok' : 'FAILED',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) => `  ${cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ')}`;
  return [
    '',
    'Scaling (each a whole simulate: generation, run, report, invariants; in a process of its own, Node --expose-gc):',
    line(header),
    ...rows.map(line),
    '  bytes/person: memory the run holds (JS heap and array buffers) beyond the CRM, Marketo and Impartner records (traces, histories, logs, indexes, intake), per stored lead or contact.',
  ];
}

/** The benchmark as a table: per lane leads/s, ms and CPU ms per lead, calls per lead, ratios to dispatch and direct. */
export function formatBench(report: BenchReport): string {
  const perSecond = (ms: number) => (report.leads / ms) * 1000;
  const rate = new Map(report.results.map((r) => [r.lane, perSecond(r.ms)]));
  const header = ['lane', 'leads/s', 'ms/lead', 'cpu ms/lead', 'calls/lead', 'vs dispatch', 'vs direct'];
  const rows = report.results.map((r) => [
    LANE_LABEL[r.lane] ?? r.lane,
    perSecond(r.ms).toFixed(0),
    (r.ms / r.leads).toFixed(3),
    (r.cpuMs / r.leads).toFixed(3),
    (r.calls / r.leads).toFixed(2),
    ratio(perSecond(r.ms), rate.get('dispatch')),
    ratio(perSecond(r.ms), rate.get('direct')),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const fingerprints = [...new Set(report.results.map((r) => r.fingerprint))];
  return [
    `leadsim bench: ${report.leads} leads, seed ${report.seed}, Node ${report.node}, ${report.cores} cores; each lane's fastest of ${report.rounds} runs`,
    '',
    line(header),
    ...rows.map(line),
    '',
    report.sameResults ? `same results on every lane (traces ${fingerprints[0]})` : `RESULTS DIFFER between lanes or runs: ${report.results.map((r) => `${r.lane} ${r.fingerprint}`).join(', ')}`,
    ...laneRatios(report),
    `events processed: ${report.results[0]?.events ?? 0}; peak RSS ${report.peakRssMb} MB`,
    'ms/lead is wall clock; cpu ms/lead is this process\'s CPU time (steadier when other work shares the cores).',
    ...(report.startup
      ? ['', `CLI start-up (node dist/src/cli/bin.js, ${report.startup[0]?.runs ?? 0} runs each, whole process, wall clock):`, ...report.startup.map((r) => `  ${r.args.padEnd(31)} median ${r.medianMs} ms (min ${r.minMs}, max ${r.maxMs})`)]
      : []),
    ...scalingLines(report),
    '',
  ].join('\n');
}
