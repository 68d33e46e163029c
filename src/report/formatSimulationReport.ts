import type { SimulationSummary } from './simulationSummary.ts';

/** One invariant's result as the report shows it. */
export interface InvariantLine {
  readonly id: string;
  readonly title: string;
  readonly ok: boolean;
  readonly violations: readonly { readonly message: string; readonly personId?: string; readonly eventId?: string }[];
}

/** Options of {@link formatSimulationReport}. */
export interface FormatReportOptions {
  /** The command that replays this run, printed at the end when something failed. */
  readonly replayCommand: string;
  /** Most violations listed per invariant (default 20); the rest are counted. */
  readonly maxViolations?: number;
  /** Most countries-as-typed lines (default 25, the most frequent; every unmapped one is listed); the rest are counted. */
  readonly maxCountries?: number;
}

/** Renders a run's summary and invariant results as the plain-text report `leadsim simulate` prints. */
export function formatSimulationReport(summary: SimulationSummary, invariants: readonly InvariantLine[], options: FormatReportOptions): string {
  const out: string[] = [];
  const min = (ms: number) => (ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 60_000).toFixed(1)} min`);
  out.push(`leadsim simulate  seed=${summary.seed}  events=${summary.events}  simulated time=${(summary.simulatedMs / 3_600_000).toFixed(1)} h`);
  out.push('', 'Leads per entry point        received  created  merged  rejected  parked');
  for (const [ep, r] of Object.entries(summary.byEntryPoint)) {
    out.push(`  ${ep.padEnd(26)} ${pad(r.received, 8)} ${pad(r.created, 8)} ${pad(r.merged, 7)} ${pad(r.rejected, 9)} ${pad(r.parked, 7)}`);
  }
  const o = summary.outcomes;
  out.push(`  ${'total'.padEnd(26)} ${pad(summary.events, 8)} ${pad(o.created, 8)} ${pad(o.merged, 7)} ${pad(o.rejected, 9)} ${pad(o.parked, 7)}`);
  section(out, 'Rejected (reason)', summary.rejectedReasons);
  section(out, 'Parked for retry (reason)', summary.parkedReasons);
  pendingSection(out, summary.pending, options.maxViolations ?? 20);
  section(out, 'Refused before the intake', summary.blocked);
  if (summary.redelivered > 0) out.push('', `Webhooks delivered twice (ignored by the intake): ${summary.redelivered}`);
  section(out, 'Owners: queues', summary.owners.queues);
  section(out, 'Owners: users by region', summary.owners.regions);
  out.push('', `Shared to the partner portal (PRM prospects): ${summary.sharedToPrm}`);
  countriesSection(out, summary.countries, options.maxCountries ?? 25);
  out.push('', 'Speed to lead (simulated)    routed   median      p90      max');
  for (const [ep, s] of Object.entries(summary.speedToLead)) out.push(`  ${ep.padEnd(26)} ${pad(s.routed, 6)} ${min(s.median).padStart(9)} ${min(s.p90).padStart(9)} ${min(s.max).padStart(9)}`);
  out.push('', `API calls: ${Object.entries(summary.apiCalls).map(([k, v]) => `${k} ${v}`).join(', ')}${summary.faultsInjected ? `; faults injected: ${summary.faultsInjected}` : ''}`);
  out.push('', 'Invariants');
  const max = options.maxViolations ?? 20;
  for (const inv of invariants) {
    out.push(`  ${inv.ok ? 'PASS' : 'FAIL'}  ${inv.title}${inv.ok ? '' : `  (${inv.violations.length} violation${inv.violations.length === 1 ? '' : 's'})`}`);
    for (const v of inv.violations.slice(0, max)) out.push(`        - ${[v.personId, v.eventId].filter(Boolean).join(' / ')}${v.personId || v.eventId ? ': ' : ''}${v.message}`);
    if (inv.violations.length > max) out.push(`        … and ${inv.violations.length - max} more (see --json)`);
  }
  const failed = invariants.filter((i) => !i.ok).length;
  out.push('', failed === 0 ? `All ${invariants.length} invariants hold.` : `${failed} invariant${failed === 1 ? '' : 's'} failed. Replay: ${options.replayCommand}`);
  return out.join('\n') + '\n';
}

/** Countries as typed beside the code each became: every unmapped one, then the most frequent mapped ones. */
function countriesSection(out: string[], countries: Readonly<Record<string, number>>, max: number): void {
  const entries = Object.entries(countries);
  if (entries.length === 0) return;
  const unmapped = entries.filter(([k]) => / → unmapped/.test(k));
  const mapped = entries.filter(([k]) => !/ → unmapped/.test(k));
  const shown = [...unmapped, ...mapped.slice(0, Math.max(0, max - unmapped.length))];
  out.push('', `Countries as typed → ISO code (${entries.length} spellings, ${unmapped.length} unmapped)`);
  for (const [key, n] of shown) out.push(`  ${pad(n, 6)}  ${key}`);
  if (shown.length < entries.length) out.push(`  … and ${entries.length - shown.length} more (see --json)`);
}

/** People an event still parked holds: the state "every person has an owner" and the Partner Queue's final check allow. */
function pendingSection(out: string[], pending: SimulationSummary['pending'], max: number): void {
  if (pending.length === 0) return;
  out.push('', `Pending: ${pending.length} ${pending.length === 1 ? 'person' : 'people'} an event still parked holds (its next try routes and shares them; not judged on owner or Partner Queue state until then)`);
  for (const p of pending.slice(0, max)) out.push(`  ${p.personId}  owner ${p.owner}  event ${p.eventId} parked at ${p.job}: ${p.reason}`);
  if (pending.length > max) out.push(`  … and ${pending.length - max} more (see --json)`);
}

function section(out: string[], title: string, counts: Readonly<Record<string, number>>): void {
  const entries = Object.entries(counts);
  if (entries.length === 0) return;
  out.push('', title);
  for (const [key, n] of entries) out.push(`  ${pad(n, 6)}  ${key}`);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width);
}
