import type { OrgSpecInput } from '../../../src/org/orgSpec.ts';

/**
 * The one small org every shipped scenario embeds (each file is self-contained): two SDRs in AMER and EMEA, one
 * in APJ, an APJ BDR and two AEs; a customer that is actively worked (AMER), a prospect (EMEA), an APJ account
 * with a BDR; a channel partner and an alliance partner with their portal users; one campaign per partner rule and
 * one per entry point; an existing contact and an existing lead.
 */
export const SHIPPED_ORG = {
  users: [
    { key: 'sdr-amer-1', FirstName: 'Avery', LastName: 'Stone', Email: 'avery.stone@leadsim-corp.test', Region__c: 'AMER', Role__c: 'SDR' },
    { key: 'sdr-amer-2', FirstName: 'Blake', LastName: 'Rivera', Email: 'blake.rivera@leadsim-corp.test', Region__c: 'AMER', Role__c: 'SDR' },
    { key: 'sdr-emea-1', FirstName: 'Clara', LastName: 'Weiss', Email: 'clara.weiss@leadsim-corp.test', Region__c: 'EMEA', Role__c: 'SDR' },
    { key: 'sdr-emea-2', FirstName: 'Dario', LastName: 'Conti', Email: 'dario.conti@leadsim-corp.test', Region__c: 'EMEA', Role__c: 'SDR' },
    { key: 'sdr-apj-1', FirstName: 'Emi', LastName: 'Sato', Email: 'emi.sato@leadsim-corp.test', Region__c: 'APJ', Role__c: 'SDR' },
    { key: 'bdr-apj-1', FirstName: 'Farid', LastName: 'Khan', Email: 'farid.khan@leadsim-corp.test', Region__c: 'APJ', Role__c: 'BDR' },
    { key: 'ae-amer-1', FirstName: 'Grace', LastName: 'Lee', Email: 'grace.lee@leadsim-corp.test', Region__c: 'AMER', Role__c: 'AE' },
    { key: 'ae-emea-1', FirstName: 'Hugo', LastName: 'Martin', Email: 'hugo.martin@leadsim-corp.test', Region__c: 'EMEA', Role__c: 'AE' },
  ],
  queues: ['Partner Queue', 'Inquiry Queue'],
  accounts: [
    { key: 'acme', Name: 'Acme Corp', Website: 'https://www.acme.example', BillingCountryCode: 'US', Type: 'Customer', owner: 'ae-amer-1', Actively_Working__c: true },
    { key: 'globex', Name: 'Globex GmbH', Website: 'https://globex.example', BillingCountryCode: 'DE', Type: 'Prospect', owner: 'ae-emea-1' },
    { key: 'tanaka', Name: 'Tanaka Industries', Website: 'https://tanaka.example', BillingCountryCode: 'JP', Type: 'Customer', bdr: 'bdr-apj-1' },
    { key: 'partner-channel', Name: 'Northwind Channel', Website: 'https://northwind-channel.example', BillingCountryCode: 'US', Type: 'Partner', Partner_Type__c: 'Channel' },
    { key: 'partner-alliance', Name: 'Contoso Alliance', Website: 'https://contoso-alliance.example', BillingCountryCode: 'US', Type: 'Partner', Partner_Type__c: 'Alliance' },
  ],
  campaigns: [
    { key: 'demo', Name: 'Website - Demo Request', Type: 'Content', offerType: 'Demo - 1:1', memberStatus: 'Responded' },
    { key: 'webinar', Name: 'Webinar - Platform Tour', Type: 'Webinar', offerType: 'Webinar', memberStatus: 'Registered' },
    { key: 'chat', Name: 'Website - Chat', Type: 'Other', offerType: 'Chat', memberStatus: 'Responded' },
    { key: 'ads', Name: 'Paid Social - Lead Gen', Type: 'Advertisement', offerType: 'Content', memberStatus: 'Responded' },
    { key: 'trial', Name: 'Product - Free Trial', Type: 'Trial', offerType: 'Free Trial', memberStatus: 'Responded' },
    { key: 'event', Name: 'Conference - DevSummit', Type: 'Conference', offerType: 'Event', memberStatus: 'Attended' },
    { key: 'partner-event', Name: 'Partner Event - Northwind Roadshow', Type: 'Partner', partnerAccount: 'partner-channel', Default_Acquisition_Source__c: 'Partner Sponsored Event', offerType: 'Event', memberStatus: 'Attended' },
    { key: 'mdf', Name: 'MDF - Northwind Webinar', Type: 'Webinar', MDF_Funding__c: 'Yes', partnerAccount: 'partner-channel', offerType: 'Webinar', memberStatus: 'Attended' },
    { key: 'partner-trial', Name: 'Partner - Trial - Northwind', Type: 'Trial', partnerAccount: 'partner-channel', offerType: 'Free Trial', memberStatus: 'Responded' },
    { key: 'joint', Name: 'Joint Campaign - DevOps Days', Type: 'Conference', Channel_Partner_Involved__c: 'Yes', partnerAccount: 'partner-channel', offerType: 'Event', memberStatus: 'Attended' },
    { key: 'alliance-event', Name: 'Partner Event - Contoso Summit', Type: 'Partner', partnerAccount: 'partner-alliance', Default_Acquisition_Source__c: 'Partner Sponsored Event', offerType: 'Event', memberStatus: 'Attended' },
  ],
  people: [
    { key: 'dana', kind: 'Contact', Email: 'dana.scully@acme.example', FirstName: 'Dana', LastName: 'Scully', CountryCode: 'US', owner: 'ae-amer-1', account: 'acme' },
    { key: 'fox', kind: 'Lead', Email: 'fox.mulder@initech.example', FirstName: 'Fox', LastName: 'Mulder', Company: 'Initech', CountryCode: 'US', Status: 'Qualifying', owner: 'sdr-amer-2' },
  ],
  partnerUsers: [
    { key: 'channel-manager', partnerAccount: 'partner-channel', FirstName: 'Nora', LastName: 'Wind', Email: 'lead-manager@northwind-channel.example' },
    { key: 'alliance-manager', partnerAccount: 'partner-alliance', FirstName: 'Carl', LastName: 'Soto', Email: 'lead-manager@contoso-alliance.example' },
  ],
} satisfies OrgSpecInput;
