import { standardizeCountry } from '../../standardize/country.ts';
import { standardizeEmail } from '../../standardize/email.ts';
import { standardizePhone } from '../../standardize/phone.ts';
import type { PipelineJob } from '../pipelineJob.ts';

/**
 * Standardizes in place: email trimmed and lower-cased, country to ISO 3166-1 alpha-2 (person and company), phone
 * to E.164. What it cannot standardize it leaves as sent and lists as an issue for validate to weigh.
 */
export const standardize: PipelineJob = {
  name: 'standardize',
  async run(work) {
    const lead = work.lead!;
    const input = structuredClone(lead.person);
    const issues: string[] = [];
    const email = standardizeEmail(lead.person.email);
    if (email.ok) {
      lead.person.email = email.email;
      if (!lead.company.domain) lead.company.domain = email.domain;
    } else issues.push(`email: ${email.reason}`);
    const personCountry = lead.person.country ?? lead.company.country;
    if (personCountry !== undefined) {
      const country = standardizeCountry(personCountry);
      if (country.ok) lead.person.country = country.code;
      else {
        issues.push(`country: ${country.reason}`);
        delete lead.person.country;
      }
    }
    if (lead.company.country !== undefined) {
      const country = standardizeCountry(lead.company.country);
      if (country.ok) lead.company.country = country.code;
      else delete lead.company.country;
    }
    if (lead.person.phone !== undefined && lead.person.phone.trim() !== '') {
      const phone = standardizePhone(lead.person.phone, lead.person.country);
      if (phone.ok) lead.person.phone = phone.e164;
      else issues.push(`phone: ${phone.reason}`);
    }
    work.standardizationIssues = issues;
    return { input, output: { person: lead.person, company: lead.company, issues } };
  },
};
