import { formatViolation } from '../invariants/index.ts';
import type { ReplayReport } from './replayScenarios.ts';

/** Options of {@link formatReplayText}. */
export interface FormatReplayTextOptions {
  /** List passing checks too (default false: only failures and one line per scenario). */
  readonly verbose?: boolean;
  /** The command that replays one scenario file, printed under each that failed (default `npx leadsim replay <file>`). */
  readonly replayCommand?: (file: string) => string;
}

/**
 * The replay report for people: one line per scenario (PASS/FAIL, its file, its graph), every failed expectation
 * (person, what, expected, got), every violated invariant with its evidence and the command that replays a failed
 * scenario, each file that could not be
 * loaded with its problems, then the totals.
 */
export function formatReplayText(report: ReplayReport, options: FormatReplayTextOptions = {}): string {
  const lines: string[] = [];
  for (const s of report.scenarios) {
    lines.push(`${s.ok ? 'PASS' : 'FAIL'} ${s.file} — ${s.name} (seed ${s.seed}, graph "${s.graph}"${s.graphFile ? ` from ${s.graphFile}` : ''}, org ${s.org})`);
    for (const c of s.checks) {
      if (c.ok && !options.verbose) continue;
      lines.push(c.ok ? `  ✓ ${c.person} ${c.what}: ${c.expected}` : `  ✗ ${c.person} ${c.what}: expected ${c.expected}, got ${c.actual}`);
    }
    for (const r of s.invariants) {
      if (r.ok) {
        if (options.verbose) lines.push(`  ✓ invariant ${r.id}`);
        continue;
      }
      lines.push(`  ✗ invariant ${r.id} (${r.title}): ${r.violations.length} violation${r.violations.length === 1 ? '' : 's'}`);
      for (const v of r.violations.slice(0, 5)) lines.push(`    ${formatViolation(v)}`);
      if (r.violations.length > 5) lines.push(`    … and ${r.violations.length - 5} more`);
    }
    if (!s.ok) lines.push(`  replay: ${(options.replayCommand ?? defaultReplayCommand)(s.file)}`);
  }
  for (const e of report.errors) {
    lines.push(`ERROR ${e.file} — could not be loaded (${e.code}), nothing of it ran:`);
    for (const line of e.message.split('\n')) lines.push(`  ${line}`);
  }
  const c = report.counts;
  lines.push('');
  const errors = c.errors ? `; ${c.errors} file${c.errors === 1 ? '' : 's'} could not be loaded` : '';
  lines.push(`${c.scenarios} scenario${c.scenarios === 1 ? '' : 's'}: ${c.scenarios - c.failedScenarios} passed, ${c.failedScenarios} failed; ${c.checks} expectation checks, ${c.failedChecks} failed; ${c.failedInvariants} invariant failure${c.failedInvariants === 1 ? '' : 's'}${errors}.`);
  return `${lines.join('\n')}\n`;
}

function defaultReplayCommand(file: string): string {
  return `npx leadsim replay ${file}`;
}
