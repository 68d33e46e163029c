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
    `leadsim bench: ${report.leads} leads, seed ${report.seed}, Node ${report.node}, ${report.cores} cores`,
    '',
    line(header),
    ...rows.map(line),
    '',
    report.sameResults ? `same results on every lane (traces ${fingerprints[0]})` : `RESULTS DIFFER between lanes: ${report.results.map((r) => `${r.lane} ${r.fingerprint}`).join(', ')}`,
    `events processed: ${report.results[0]?.events ?? 0}; peak RSS ${report.peakRssMb} MB`,
    'ms/lead is wall clock; cpu ms/lead is this process\'s CPU time (steadier when other work shares the cores).',
    ...(report.startup
      ? ['', `CLI start-up (node dist/src/cli/bin.js, ${report.startup[0]?.runs ?? 0} runs each, whole process, wall clock):`, ...report.startup.map((r) => `  ${r.args.padEnd(18)} median ${r.medianMs} ms (min ${r.minMs}, max ${r.maxMs})`)]
      : []),
    '',
  ].join('\n');
}
