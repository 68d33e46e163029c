import { describe, expect, it } from 'vitest';
import { auditToMarkdown } from '../../src/audit/auditToMarkdown.ts';
import { leadFlowAudit } from '../../src/audit/leadFlowAudit.ts';
import { ENTRY_POINTS } from '../../src/model/entryPointId.ts';
import { simulate } from '../../src/simulation/simulate.ts';

describe('the lead-flow audit', () => {
  it('shows, per entry point, which system changed which field through which job, and the speed to lead', async () => {
    const run = await simulate({ seed: 42, leads: 120 });
    const audits = leadFlowAudit(run);
    expect(audits.map((a) => a.entryPoint).sort()).toEqual([...ENTRY_POINTS].sort());
    for (const audit of audits) {
      expect(audit.example, audit.entryPoint).toBeDefined();
      const changed = (job: string, system: string) => audit.steps.filter((s) => s.job === job).flatMap((s) => s.changes.filter((c) => c.system === system).map((c) => c.field));
      // A rep's lead was created by the rep; the pipeline only fills in what the rep left empty.
      expect(changed('upsertPerson', 'salesforce')).toContain(audit.entryPoint === 'sales-created' ? 'Lead_Acquisition_Source__c' : 'Email');
      expect(changed('compliance', 'salesforce')).toEqual(['Mailability__c']);
      if (audit.entryPoint === 'sales-created') expect(changed('route', 'salesforce')).not.toContain('OwnerId'); // rule 5: the rep keeps it
      else expect(changed('route', 'salesforce')).toContain('OwnerId');
      expect(changed('sync', 'marketo')).toContain('email');
      expect(audit.speedToLead.routed).toBeGreaterThan(0);
    }
    const markdown = auditToMarkdown(audits, { seed: 42, start: run.startedAt });
    expect(markdown.match(/```mermaid\nsequenceDiagram/g)).toHaveLength(7);
    expect(markdown).toContain('| upsertPerson | salesforce |');
  });
});
