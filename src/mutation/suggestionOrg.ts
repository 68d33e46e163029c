import { OrgSpecSchema, type OrgSpec } from '../org/orgSpec.ts';

const user = (key: string, FirstName: string, LastName: string, Region__c: 'AMER' | 'EMEA' | 'APJ', Role__c: 'SDR' | 'BDR' | 'AE') => ({ key, FirstName, LastName, Email: `${key}@leadsim-corp.test`, Region__c, Role__c });

/**
 * The small org a suggested scenario starts from: two SDRs in AMER and EMEA, one in APJ, an APJ BDR, an AE in AMER and
 * EMEA, the Partner and Inquiry queues. The suggestion adds the campaign, partner, account and person it needs.
 */
export const SUGGESTION_ORG: OrgSpec = OrgSpecSchema.parse({
  users: [
    user('sdr-amer-1', 'Avery', 'Stone', 'AMER', 'SDR'),
    user('sdr-amer-2', 'Blake', 'Rivera', 'AMER', 'SDR'),
    user('sdr-emea-1', 'Clara', 'Weiss', 'EMEA', 'SDR'),
    user('sdr-emea-2', 'Dario', 'Conti', 'EMEA', 'SDR'),
    user('sdr-apj-1', 'Emi', 'Sato', 'APJ', 'SDR'),
    user('bdr-apj-1', 'Farid', 'Khan', 'APJ', 'BDR'),
    user('ae-amer-1', 'Grace', 'Lee', 'AMER', 'AE'),
    user('ae-emea-1', 'Hugo', 'Martin', 'EMEA', 'AE'),
  ],
});
