import type { DiffReport } from './diffScenarios.ts';

/**
 * The diff for people: per scenario, each person whose outcome differs, field by field (baseline → candidate,
 * expected or not), with the graph path each run took; then the summary counts and any stale allow-list entries.
 */
export function formatDiffText(report: DiffReport): string {
  const lines = [`baseline graph "${report.baselineGraph}" vs candidate graph "${report.candidateGraph}"`];
  for (const s of report.scenarios) {
    const diffs = report.differences.filter((d) => d.file === s.file);
    lines.push(`${diffs.length === 0 ? 'same' : diffs.every((d) => d.allowed !== undefined) ? 'allowed' : 'CHANGED'} ${s.file} — ${s.name} (${s.changedPeople} of ${s.people} people differ)`);
    const people = [...new Set(diffs.map((d) => d.person))];
    for (const person of people) {
      const mine = diffs.filter((d) => d.person === person);
      lines.push(`  ${person}:`);
      for (const d of mine) lines.push(`    ${d.field}: ${d.baseline} → ${d.candidate}${d.allowed !== undefined ? ` (allowed: ${d.allowed})` : ' (unexpected)'}`);
      const first = mine[0]!;
      first.baselinePaths.forEach((p) => lines.push(`    baseline path:  ${p}`));
      first.candidatePaths.forEach((p) => lines.push(`    candidate path: ${p}`));
    }
  }
  const c = report.counts;
  lines.push('');
  lines.push(`${c.scenarios} scenarios, ${c.people} people, ${c.changedPeople} changed; ${c.differences} differences: ${c.allowed} allowed, ${c.unexpected} unexpected.`);
  for (const e of report.unusedAllowances) lines.push(`note: allow-list entry for ${e.scenario ? `${e.scenario} / ` : ''}${e.person}${e.field ? ` (${e.field})` : ''} matched no difference; remove it if it is stale.`);
  return `${lines.join('\n')}\n`;
}
