import { formatViolation } from '../invariants/formatViolation.ts';
import { PROPERTY_TITLES, type CheckFailure, type CheckReport } from './runCheck.ts';

/** Options of {@link formatCheckReport}. */
export interface FormatCheckReportOptions {
  /** Violations listed per failure (default 5). */
  readonly maxViolations?: number;
}

/**
 * The report of `leadsim check`, for people: PASS/FAIL per property, and for each failure the violated invariants,
 * where it broke, the shrunk counterexample, each violation, the failing event's trace and the replay command.
 * (The seed is printed before the run starts.)
 */
export function formatCheckReport(report: CheckReport, options: FormatCheckReportOptions = {}): string {
  const lines: string[] = [];
  for (const p of report.properties) {
    if (p.ok || !p.failure) {
      lines.push(`PASS ${p.property}: ${PROPERTY_TITLES[p.property]} (${p.numRuns} runs)`);
      continue;
    }
    lines.push(`FAIL ${p.property}: ${PROPERTY_TITLES[p.property]}`, ...formatFailure(p.failure, options.maxViolations ?? 5));
  }
  const failed = report.failures.length;
  lines.push('', failed === 0 ? `All ${report.properties.length} properties held (seed ${report.seed}, ${report.runs} runs each).` : `${failed} of ${report.properties.length} properties failed (seed ${report.seed}).`);
  return `${lines.join('\n')}\n`;
}

function formatFailure(f: CheckFailure, max: number): string[] {
  const lines = [
    `  failed after ${f.numRuns} run${f.numRuns === 1 ? '' : 's'}, shrunk ${f.numShrinks} time${f.numShrinks === 1 ? '' : 's'}`,
    f.invariants.length > 0 ? `  violated: ${f.invariants.join(', ')}` : `  error: ${f.error.split('\n')[0]}`,
    `  at: ${f.at}`,
    '  counterexample:',
    ...indent(f.counterexample, '    '),
  ];
  if (f.violations.length > 0) {
    lines.push('  violations:');
    for (const v of f.violations.slice(0, max)) lines.push(`    - ${formatViolation(v)}`);
    if (f.violations.length > max) lines.push(`    … and ${f.violations.length - max} more`);
  }
  if (f.trace) lines.push('  trace:', ...indent(f.trace, '    '));
  lines.push(`  replay: ${f.replay}`);
  return lines;
}

function indent(text: string, prefix: string): string[] {
  return text.split('\n').map((line) => prefix + line);
}
