import type { EntryPointRow, SimulationSummary } from './simulationSummary.ts';

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
  out.push(`leadsim simulate  seed=${summary.seed}  actions=${summary.actions}  events=${summary.events}  simulated time=${(summary.simulatedMs / 3_600_000).toFixed(1)} h`);
  const rows = Object.entries(summary.byEntryPoint);
  const native = rows.some(([, r]) => r.native > 0);
  const line = (name: string, r: EntryPointRow) =>
    `  ${name.padEnd(17)} ${pad(r.actions, 7)} ${pad(r.refused, 8)}${native ? ` ${pad(r.native, 7)}` : ''} ${pad(r.received, 9)} ${pad(r.created, 8)} ${pad(r.merged, 7)} ${pad(r.rejected, 9)} ${pad(r.parked, 7)}`;
  out.push('', `Leads per entry point   actions  refused${native ? '  native' : ''}  received  created  merged  rejected  parked`);
  for (const [ep, r] of rows) out.push(line(ep, r));
  out.push(line('total', { actions: summary.actions, refused: sum(rows, 'refused'), native: sum(rows, 'native'), received: summary.events, ...summary.outcomes }));
  out.push(`  (actions = refused before or at the intake + received${native ? ' + written by a native integration' : ''}; received = created + merged + rejected + parked)`);
  section(out, 'Rejected (reason)', summary.rejectedReasons);
  section(out, 'Parked for retry (reason)', summary.parkedReasons);
  pendingSection(out, summary.pending, options.maxViolations ?? 20);
  section(out, 'Refused, never an event (reason)', summary.blocked);
  section(out, "Native connectors' writes the CRM refused", summary.connectorRefusals);
  if (summary.redelivered > 0) out.push('', `Webhooks delivered twice (ignored by the intake): ${summary.redelivered}`);
  out.push('', `Owners at the end of the ${summary.owners.people} people this run routed`);
  for (const [key, n] of Object.entries(summary.owners.queues)) out.push(`  ${pad(n, 6)}  ${key}`);
  for (const [key, n] of Object.entries(summary.owners.regions)) out.push(`  ${pad(n, 6)}  users, ${key}`);
  out.push('', `Shared to the partner portal (a live PRM prospect): ${summary.sharedToPrm} of them`);
  countriesSection(out, summary.countries, options.maxCountries ?? 25);
  out.push('', 'Speed to lead (simulated)    routed   median      p90      max');
  for (const [ep, s] of Object.entries(summary.speedToLead)) out.push(`  ${ep.padEnd(26)} ${pad(s.routed, 6)} ${min(s.median).padStart(9)} ${min(s.p90).padStart(9)} ${min(s.max).padStart(9)}`);
  if (summary.limits.length > 0) {
    out.push('', 'API limits reached (requests refused until the window allowed them again)');
    for (const l of summary.limits) out.push(`  ${l.system} ${l.limit}: reached ${l.reachedAt}, ${l.refused} refused, the last at ${l.lastRefusedAt}`);
  }
  out.push('', `API calls by the pipeline: ${Object.entries(summary.apiCalls).map(([k, v]) => `${k} ${v}`).join(', ')}${summary.faultsInjected ? `; faults injected: ${summary.faultsInjected} (into every caller's requests)` : ''}`);
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

function sum(rows: readonly [string, EntryPointRow][], key: keyof EntryPointRow): number {
  return rows.reduce((n, [, r]) => n + r[key], 0);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width);
}
