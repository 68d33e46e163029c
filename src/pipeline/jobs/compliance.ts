import { mailabilityFor } from '../../standardize/compliance.ts';
import type { PipelineJob } from '../pipelineJob.ts';

/**
 * Decides mailability from the standardized country and the person's consent, and writes `Mailability__c`.
 * Runs after standardize by construction: it reads the ISO code standardize left, never the raw country.
 */
export const compliance: PipelineJob = {
  name: 'compliance',
  async run(work, ctx) {
    const person = work.person!;
    const country = work.lead!.person.country ?? (person.record['CountryCode'] as string | undefined) ?? (person.record['MailingCountryCode'] as string | undefined);
    const consent = person.record['HasOptedOutOfEmail'] === true ? 'opt-out' : person.record['Email_Opt_In__c'] === true ? 'opt-in' : (work.lead!.person.consent ?? 'unknown');
    const mailability = mailabilityFor(country, consent);
    work.compliance = { country, mailability };
    if (person.record['Mailability__c'] !== mailability) {
      await ctx.salesforce.update(person.type, person.id, { Mailability__c: mailability });
      person.record['Mailability__c'] = mailability;
    }
    return { input: { country: country ?? null, consent }, output: { mailability } };
  },
};
