import type { Command } from 'commander';
import { z } from 'zod';
import { COVERAGE_FORMATS, renderCoverage, type GraphCoverage } from '../coverage/renderCoverage.ts';
import { writeFileAtomic } from '../io/writeFileAtomic.ts';

/** The routing coverage options `check` and `replay` share (validated with the command's own options). */
export const CoverageOptionsShape = {
  coverage: z.union([z.literal(true), z.enum(COVERAGE_FORMATS)]).optional(),
  coverageOut: z.string().optional(),
  minCoverage: z.coerce.number().min(0).max(100).optional(),
};

/** What the coverage options asked for. */
export interface CoverageOptions {
  readonly coverage?: true | (typeof COVERAGE_FORMATS)[number] | undefined;
  readonly coverageOut?: string | undefined;
  readonly minCoverage?: number | undefined;
}

/** Adds `--coverage [format]`, `--coverage-out FILE` and `--min-coverage PCT` to a command. */
export function addCoverageOptions(command: Command): Command {
  return command
    .option('--coverage [format]', `report routing coverage: ${COVERAGE_FORMATS.join(', ')} (default text)`)
    .option('--coverage-out <file>', 'write the coverage report to this file (atomically) instead of stdout')
    .option('--min-coverage <pct>', 'exit 1 when nodes and condition outcomes reached are below this percent (implies --coverage)');
}

/** Whether the options ask for coverage at all. */
export function wantsCoverage(o: CoverageOptions): boolean {
  return o.coverage !== undefined || o.coverageOut !== undefined || o.minCoverage !== undefined;
}

/**
 * Prints or writes the coverage report and checks `--min-coverage` against each graph's percent. Returns whether
 * coverage is at or above the minimum (true when no minimum was asked for).
 */
export function emitCoverage(coverages: readonly GraphCoverage[], o: CoverageOptions): boolean {
  const format = o.coverage === true || o.coverage === undefined ? 'text' : o.coverage;
  const text = renderCoverage(coverages, format);
  if (o.coverageOut === undefined) process.stdout.write(`\n${text}`);
  else {
    writeFileAtomic(o.coverageOut, text);
    process.stdout.write(`\nRouting coverage (${format}) written to ${o.coverageOut}: ${coverages.map((c) => `graph "${c.report.graph}" ${c.report.totals.percent}%`).join(', ')}.\n`);
  }
  if (o.minCoverage === undefined) return true;
  const below = coverages.filter((c) => c.report.totals.percent < (o.minCoverage as number));
  for (const c of below) process.stdout.write(`FAIL routing coverage of graph "${c.report.graph}" is ${c.report.totals.percent}%, below --min-coverage ${o.minCoverage}%.\n`);
  return below.length === 0;
}
