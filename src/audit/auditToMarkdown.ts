import { formatCountryAsTyped } from '../report/countryAsTyped.ts';
import type { EntryPointAudit } from './leadFlowAudit.ts';

const PARTICIPANT = { salesforce: 'SF', marketo: 'MKTO', impartner: 'PRM' } as const;

/**
 * Renders a lead-flow audit as Markdown: per entry point, a Mermaid sequence diagram of the audited lead (entry
 * point → intake → pipeline jobs → the systems they called) and a table of every field each system changed, by job
 * and simulated time, with the speed to lead. GitHub, GitLab and most wikis draw the diagrams.
 */
export function auditToMarkdown(audits: readonly EntryPointAudit[], options: { readonly seed: number; readonly start: number }): string {
  const out: string[] = [`# Lead-flow audit (seed ${options.seed})`, ''];
  out.push('| entry point | events | speed to lead, median | max | audited lead | owner |', '|---|---|---|---|---|---|');
  for (const a of audits) out.push(`| ${a.entryPoint} | ${a.events} | ${seconds(a.speedToLead.median)} | ${seconds(a.speedToLead.max)} | ${a.example ? `${a.example.personType} ${a.example.personId}` : '—'} | ${a.example?.owner ?? '—'} |`);
  for (const a of audits) {
    out.push('', `## ${a.entryPoint}`, '');
    if (!a.example) {
      out.push('No event of this entry point created a person in this run.');
      continue;
    }
    out.push(`Event \`${a.example.eventId}\` created ${a.example.personType} \`${a.example.personId}\`, routed to ${a.example.owner}.`, '');
    if (a.example.country) out.push(`Country as typed: ${formatCountryAsTyped(a.example.country)}.`, '');
    out.push('```mermaid', 'sequenceDiagram', `  participant EP as ${a.entryPoint}`, '  participant IN as Intake', '  participant P as Pipeline', '  participant SF as Salesforce', '  participant MKTO as Marketo', '  participant PRM as Impartner');
    out.push('  EP->>IN: deliver', '  IN->>P: queue event');
    for (const step of a.steps) {
      if (step.job === 'intake') continue;
      if (step.calls.length === 0) out.push(`  Note over P: ${step.job}`);
      for (const call of step.calls) out.push(`  P->>${PARTICIPANT[call.system]}: ${step.job}: ${call.method} ${shortPath(call.path)} (${call.status || 'no answer'})`);
      const fields = [...new Set(step.changes.map((c) => `${PARTICIPANT[c.system]} ${c.field}`))];
      if (fields.length > 0) out.push(`  Note right of P: ${fields.join(', ').replace(/[;#]/g, ' ')}`);
    }
    out.push('```', '', '| time (+s) | job | system | record | field | from | to |', '|---|---|---|---|---|---|---|');
    for (const step of a.steps) {
      for (const c of step.changes) out.push(`| ${((c.at - options.start) / 1000).toFixed(1)} | ${step.job} | ${c.system} | ${c.record} | ${c.field} | ${cell(c.oldValue)} | ${cell(c.newValue)} |`);
    }
  }
  return out.join('\n') + '\n';
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function shortPath(path: string): string {
  const p = path.replace(/^\/services\/data\/v[\d.]+/, '').replace(/^\/rest\/v1/, '').replace(/^\/api\/objects\/v1/, '');
  return (p.split('?')[0] ?? p).slice(0, 60);
}

function cell(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  return String(value).replace(/\|/g, '\\|').slice(0, 60);
}
