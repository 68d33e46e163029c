import { describeContext, type MutantResult } from './mutantResult.ts';
import type { MutationReport } from './runMutation.ts';

/** Options of {@link formatMutationReport}. */
export interface FormatMutationReportOptions {
  /** The command that judges one mutant again (printed under each survivor). */
  readonly replay?: (id: string) => string;
}

/**
 * The report of `leadsim mutate`, for people: the score, what killed the mutants, each survivor with its exact
 * change, why it survived and a suggestion, then the equivalent mutants apart, and any input the original already
 * fails.
 */
export function formatMutationReport(report: MutationReport, options: FormatMutationReportOptions = {}): string {
  const c = report.counts;
  const judged = c.mutants - c.equivalent;
  const lines = [
    `Mutation score of graph "${report.graph}": ${report.score}% (${c.killed} of ${judged} non-equivalent mutants killed; ${c.equivalent} equivalent, reported apart)`,
    `  ${c.mutants} mutants (${report.refusedByLint} more careless edits refused by graph lint); seed ${report.seed}, ${report.runs} generated inputs per property, ${report.scenarios.used.length} scenario${report.scenarios.used.length === 1 ? '' : 's'}, ${report.workers} worker${report.workers === 1 ? '' : 's'}`,
    `  killed by scenarios: ${c.killedByScenarios}; by the property suite only: ${c.killedByProperties}`,
  ];
  if (report.scenarios.skipped.length > 0) lines.push(`  scenarios skipped (they route with a graph of their own, or in Salesforce): ${report.scenarios.skipped.join(', ')}`);
  if (report.failing.length > 0) {
    lines.push('', `The original graph already fails ${report.failing.length} input${report.failing.length === 1 ? '' : 's'} (left out of the score; fix them first):`);
    for (const f of report.failing) lines.push(`  - ${f.input}: ${f.reason}`);
  }
  const survivors = report.mutants.filter((m) => m.status === 'survived');
  lines.push('', survivors.length === 0 ? 'No mutant survived.' : `Survivors (${survivors.length}):`);
  for (const m of survivors) lines.push(...survivor(m), ...(options.replay ? [`      replay: ${options.replay(m.id)}`] : []));
  const equivalent = report.mutants.filter((m) => m.status === 'equivalent');
  if (equivalent.length > 0) {
    lines.push('', `Equivalent (${equivalent.length}): the same decision on every case of the bounded input space, so no test can tell them apart:`);
    for (const m of equivalent) lines.push(`  - ${m.id}: ${m.change} (${m.search?.runs ?? 0} cases)`);
  }
  return `${lines.join('\n')}\n`;
}

function survivor(m: MutantResult): string[] {
  const lines = [`  - ${m.id}`, `      change: ${m.change}`, `      why: ${m.explanation ?? ''}`];
  const s = m.suggestion;
  if (s) {
    const events = (s.scenario.events as readonly { kind: string }[]).map((e) => e.kind).join(', ');
    const verdict = s.catches ? 'catches it' : s.passes ? 'does not catch it yet: adjust its expectation' : 'needs a hand: an event did not apply';
    lines.push(`      suggestion: a scenario (${describeOrg(s.scenario.org)}; events: ${events}; pins "${s.person}") ${verdict}; write it with --save DIR`);
  } else if (m.example && !('input' in m.example.context)) lines.push(`      reach it with: ${describeContext(m.example.context)}`);
  return lines;
}

/** What a suggested scenario adds to the small org: `a campaign "Partner - Trial 1", a partner, a lead`. */
function describeOrg(org: unknown): string {
  const o = org as { accounts?: { Type?: string }[]; campaigns?: { Name: string }[]; people?: unknown[] };
  const parts = [
    ...(o.campaigns ?? []).map((c) => `campaign ${JSON.stringify(c.Name)}`),
    ...(o.accounts ?? []).map((a) => (a.Type === 'Partner' ? 'a partner account' : 'an account')),
    ...((o.people ?? []).length > 0 ? ['a lead that exists'] : []),
  ];
  return parts.length === 0 ? 'the small org' : `the small org with ${parts.join(', ')}`;
}
