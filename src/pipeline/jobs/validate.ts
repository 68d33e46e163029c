import type { PipelineJob } from '../pipelineJob.ts';

/** The placeholder the CRM gets for a required field the entry point did not provide. */
export const NOT_PROVIDED = '[not provided]';

/**
 * Rejects what cannot become a person (no usable email), with the reason; fills the CRM's required fields with a
 * visible placeholder rather than inventing data. Nothing is dropped silently: a rejection is an outcome.
 */
export const validate: PipelineJob = {
  name: 'validate',
  async run(work) {
    const lead = work.lead!;
    const emailIssue = work.standardizationIssues?.find((i) => i.startsWith('email:'));
    if (emailIssue) return { input: lead.person, output: { valid: false }, reject: `invalid email ${JSON.stringify(lead.person.email)} (${emailIssue.slice(7)})` };
    const filled: string[] = [];
    if (!lead.person.lastName?.trim()) {
      lead.person.lastName = NOT_PROVIDED;
      filled.push('lastName');
    }
    if (!lead.company.name?.trim()) {
      lead.company.name = lead.company.domain ?? NOT_PROVIDED;
      filled.push('company.name');
    }
    return { input: lead.person, output: { valid: true, filled, warnings: work.standardizationIssues ?? [] } };
  },
};
