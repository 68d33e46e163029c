import { join } from 'node:path';
import { writeFileAtomic } from '../io/writeFileAtomic.ts';
import type { MutationReport } from './runMutation.ts';

/**
 * Writes, under `dir`, one scenario per mutant the given scenarios did not kill and whose suggested scenario catches
 * it (survivors, and mutants only the property suite caught), named after the mutant; each pins what the original
 * graph decides, so replaying the folder catches that edit from now on. Returns the files written.
 */
export function saveRegressionScenarios(report: MutationReport, dir: string): string[] {
  const written: string[] = [];
  for (const m of report.mutants) {
    if (m.killedBy?.kind === 'scenario' || !m.suggestion?.catches) continue;
    const file = join(dir, `${m.id.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '')}.json`);
    writeFileAtomic(file, `${JSON.stringify(m.suggestion.scenario, null, 2)}\n`);
    written.push(file);
  }
  return written;
}
