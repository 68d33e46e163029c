// Scenarios that pin what `leadsim mutate` found the shipped suite leaving unpinned: each names the careless graph
// edit (mutant) it catches. Spread into SHIPPED (shippedScenarios.ts).
import type { ScenarioInput } from '../../../src/scenarios/scenarioSchema.ts';
import { listUpload, webForm } from './payloads.ts';
import { SHIPPED_ORG } from './shippedOrg.ts';

type Spec = Omit<ScenarioInput, 'version' | 'org' | 'seed' | '$schema'> & { org?: ScenarioInput['org']; seed?: number };
type PersonSpec = NonNullable<ScenarioInput['org']['people']>[number];

const PARTNER_QUEUE = 'queue:Partner Queue';
const INQUIRY_QUEUE = 'queue:Inquiry Queue';

/** An existing lead of the shipped org: queue-owned in the US unless told otherwise. */
const lead = (key: string, email: string, extra: Partial<PersonSpec> = {}): PersonSpec => ({
  key,
  kind: 'Lead',
  Email: email,
  FirstName: key.split('-')[0]!.replace(/^./, (c) => c.toUpperCase()),
  LastName: 'Example',
  Company: 'Example Co',
  CountryCode: 'US',
  Status: 'Inquiry',
  owner: 'Inquiry Queue',
  ...extra,
});

const withPeople = (...people: PersonSpec[]) => ({ ...SHIPPED_ORG, people: [...SHIPPED_ORG.people, ...people] }) satisfies ScenarioInput['org'];

/** A webinar registration of an existing person: not a hand raise, so nothing but routing changes its owner. */
const webinar = (id: string, email: string) => webForm(id, { email, first: 'Sam', last: 'Example', company: 'Example Co', country: 'US' }, { programName: 'Webinar - Platform Tour', offerType: 'Webinar' });

export const MUTATION_GAP_SCENARIOS: Readonly<Record<string, Spec>> = {
  'reassignment/rule-7-who-keeps-the-owner.json': {
    name: 'Reassignment: who keeps the owner on a re-run, and who is round-robined',
    description:
      'Rule 7 re-runs round robin only for an MQL a rep owns whose account has no BDR and is not actively worked. A rep-owned inquiry keeps its rep (catches dropping the MQL test); a queue-owned MQL stays in the queue (catches dropping "owned by a rep"); an MQL at an APJ account with a BDR keeps its owner (catches dropping the BDR test); an MQL at an account that is neither goes round robin in its new region (catches dropping "actively worked").',
    org: withPeople(
      lead('inquiry-rep', 'ines.rep@blueyonder.example', { owner: 'sdr-amer-1' }),
      lead('mql-in-queue', 'max.queue@blueyonder.example', { Status: 'MQL' }),
      lead('bdr-account', 'bo.bdr@tanaka.example', { Status: 'MQL', CountryCode: 'JP', owner: 'bdr-apj-1' }),
      lead('plain-account', 'pia.plain@globex.example', { Status: 'MQL', CountryCode: 'DE', owner: 'sdr-emea-1' }),
    ),
    events: [
      { at: '+1m', kind: 'countryChange', person: 'inquiry-rep', country: 'Germany', rerun: true },
      { at: '+2m', kind: 'countryChange', person: 'mql-in-queue', country: 'Germany', rerun: true, as: 'sdr-amer-1' },
      { at: '+3m', kind: 'countryChange', person: 'bdr-account', country: 'United States', rerun: true },
      { at: '+4m', kind: 'countryChange', person: 'plain-account', country: 'United States', rerun: true },
    ],
    expect: {
      'inquiry-rep': { owner: 'sdr-amer-1', fields: { CountryCode: 'DE', Status: 'Inquiry', Rerun_Routing__c: false } },
      'mql-in-queue': { owner: INQUIRY_QUEUE, fields: { CountryCode: 'DE', Status: 'MQL', Rerun_Routing__c: false } },
      'bdr-account': { owner: 'bdr-apj-1', fields: { CountryCode: 'US', Rerun_Routing__c: false } },
      'plain-account': { owner: 'sdr-amer-1', fields: { CountryCode: 'US', Rerun_Routing__c: false } },
    },
  },
  'routing/rule-3-engagement-statuses.json': {
    name: 'Rule 3: every partner engagement status, every actively worked status',
    description:
      'Joint campaign members who visited the booth, asked for a follow up or responded go to the Partner Queue like those who attended (catches dropping any status from the graph\'s partnerEngagementStatuses, which the partner invariant reads from the graph itself); members who are Accepted or Qualified are actively worked and go to an SDR (catches dropping either from the list). A sequenced lead on a campaign that is both a "Partner - Trial" and a joint one goes to the Partner Queue by rule 2, which comes first (catches swapping rules 2 and 3).',
    org: {
      ...withPeople(lead('accepted', 'ann.accepted@northwood.example', { Status: 'Accepted' }), lead('qualified', 'quin.qualified@northwood.example', { Status: 'Qualified' }), lead('sequenced', 'sid.sequenced@northwood.example', { Actively_Being_Sequenced__c: true })),
      campaigns: [...SHIPPED_ORG.campaigns, { key: 'joint-trial', Name: 'Partner - Trial - Joint Launch', Type: 'Trial', Channel_Partner_Involved__c: 'Yes', partnerAccount: 'partner-channel', offerType: 'Free Trial', memberStatus: 'Attended' }],
    },
    events: [
      { at: '+1m', person: 'booth', ...listUpload('stat-1', { email: 'bea.booth@northwood.example', first: 'Bea', last: 'Booth', company: 'Northwood', country: 'US' }, 'Joint Campaign - DevOps Days', 'Visited Booth') },
      { at: '+2m', person: 'follow-up', ...listUpload('stat-2', { email: 'fay.follow@northwood.example', first: 'Fay', last: 'Follow', company: 'Northwood', country: 'US' }, 'Joint Campaign - DevOps Days', 'Follow Up Requested', { line: 3 }) },
      { at: '+3m', person: 'responded', ...listUpload('stat-3', { email: 'rey.responded@northwood.example', first: 'Rey', last: 'Responded', company: 'Northwood', country: 'US' }, 'Joint Campaign - DevOps Days', 'Responded', { line: 4 }) },
      { at: '+4m', person: 'accepted', ...listUpload('stat-4', { email: 'ann.accepted@northwood.example', first: 'Ann', last: 'Accepted', company: 'Northwood', country: 'US' }, 'Joint Campaign - DevOps Days', 'Attended', { line: 5 }) },
      { at: '+5m', person: 'qualified', ...listUpload('stat-5', { email: 'quin.qualified@northwood.example', first: 'Quin', last: 'Qualified', company: 'Northwood', country: 'US' }, 'Joint Campaign - DevOps Days', 'Attended', { line: 6 }) },
      { at: '+6m', person: 'sequenced', ...listUpload('stat-6', { email: 'sid.sequenced@northwood.example', first: 'Sid', last: 'Sequenced', company: 'Northwood', country: 'US' }, 'Partner - Trial - Joint Launch', 'Attended', { line: 7 }) },
    ],
    expect: {
      booth: { owner: PARTNER_QUEUE, fields: { Prospect_Share_Status__c: 'Sending to Partner' }, sharedToPrm: true },
      'follow-up': { owner: PARTNER_QUEUE, fields: { Prospect_Share_Status__c: 'Sending to Partner' }, sharedToPrm: true },
      responded: { owner: PARTNER_QUEUE, fields: { Prospect_Share_Status__c: 'Sending to Partner' }, sharedToPrm: true },
      accepted: { owner: 'sdr-amer-1', fields: { Status: 'Accepted', Prospect_Share_Status__c: null }, sharedToPrm: false },
      qualified: { owner: 'sdr-amer-2', fields: { Status: 'Qualified', Prospect_Share_Status__c: null }, sharedToPrm: false },
      sequenced: { owner: PARTNER_QUEUE, fields: { Prospect_Share_Status__c: 'Sending to Partner', Partner_Prospect_Status__c: 'Qualifying' }, sharedToPrm: true },
    },
  },
  'routing/partner-rules-near-misses.json': {
    name: 'Partner rules: near misses of the recall and of the acquisition source',
    description:
      'Partner leads that look like a match but are not: an acquisition source that only starts with "Partner Sponsored Event" (catches loosening equals to startsWith); a recall date without the recalled flag, and the flag without the date, for rules 1, 2 and 3 (catches dropping either half of a recall check); a partner lead attending a campaign no partner is involved in (catches dropping rule 3\'s "channel partner involved"). And a partner-sponsored event attendee on an MDF campaign: rule 1 comes first, so it gets rule 1\'s status fields, not rule 2\'s (catches swapping rules 1 and 2).',
    org: withPeople(
      lead('near-source', 'nia.source@proseware.example', { partnerAccount: 'partner-channel', fields: { Lead_Acquisition_Source__c: 'Partner Sponsored Event - Spring Roadshow' } }),
      lead('event-date-only', 'eda.date@proseware.example', { partnerAccount: 'partner-channel', fields: { Lead_Acquisition_Source__c: 'Partner Sponsored Event', Partner_Recalled_Date__c: '2025-12-01T09:00:00.000Z' } }),
      lead('event-flag-only', 'efa.flag@proseware.example', { partnerAccount: 'partner-channel', fields: { Lead_Acquisition_Source__c: 'Partner Sponsored Event', Partner_Recalled__c: true } }),
      lead('mdf-date-only', 'mda.date@proseware.example', { partnerAccount: 'partner-channel', fields: { Partner_Recalled_Date__c: '2025-12-01T09:00:00.000Z' } }),
      lead('mdf-flag-only', 'mfa.flag@proseware.example', { partnerAccount: 'partner-channel', fields: { Partner_Recalled__c: true } }),
      lead('joint-date-only', 'jda.date@proseware.example', { partnerAccount: 'partner-channel', fields: { Partner_Recalled_Date__c: '2025-12-01T09:00:00.000Z' } }),
      lead('joint-flag-only', 'jfa.flag@proseware.example', { partnerAccount: 'partner-channel', fields: { Partner_Recalled__c: true } }),
      lead('no-partner-involved', 'npi.plain@proseware.example', { partnerAccount: 'partner-channel' }),
    ),
    events: [
      { at: '+1m', person: 'near-source', ...webinar('near-1', 'nia.source@proseware.example') },
      { at: '+2m', person: 'event-date-only', ...webinar('near-2', 'eda.date@proseware.example') },
      { at: '+3m', person: 'event-flag-only', ...webinar('near-3', 'efa.flag@proseware.example') },
      { at: '+4m', person: 'mdf-date-only', ...webForm('near-4', { email: 'mda.date@proseware.example', first: 'Mda', last: 'Example', country: 'US' }, { programName: 'MDF - Northwind Webinar', offerType: 'Webinar' }) },
      { at: '+5m', person: 'mdf-flag-only', ...webForm('near-5', { email: 'mfa.flag@proseware.example', first: 'Mfa', last: 'Example', country: 'US' }, { programName: 'MDF - Northwind Webinar', offerType: 'Webinar' }) },
      { at: '+6m', person: 'event-on-mdf', ...listUpload('near-6', { email: 'eve.mdf@proseware.example', first: 'Eve', last: 'Mdf', company: 'Proseware', country: 'US' }, 'MDF - Northwind Webinar', 'Attended', { partnerAccountId: '@account:partner-channel' }) },
      { at: '+7m', person: 'joint-date-only', ...listUpload('near-7', { email: 'jda.date@proseware.example', first: 'Jda', last: 'Example', company: 'Proseware', country: 'US' }, 'Joint Campaign - DevOps Days', 'Attended', { line: 3 }) },
      { at: '+8m', person: 'joint-flag-only', ...listUpload('near-8', { email: 'jfa.flag@proseware.example', first: 'Jfa', last: 'Example', company: 'Proseware', country: 'US' }, 'Joint Campaign - DevOps Days', 'Attended', { line: 4 }) },
      { at: '+9m', person: 'no-partner-involved', ...listUpload('near-9', { email: 'npi.plain@proseware.example', first: 'Npi', last: 'Example', company: 'Proseware', country: 'US' }, 'Conference - DevSummit', 'Attended', { line: 5 }) },
    ],
    expect: {
      'near-source': { owner: INQUIRY_QUEUE, fields: { Partner_Share_Status__c: null }, sharedToPrm: false },
      'event-date-only': { owner: INQUIRY_QUEUE, fields: { Partner_Share_Status__c: null }, sharedToPrm: false },
      'event-flag-only': { owner: INQUIRY_QUEUE, fields: { Partner_Share_Status__c: null }, sharedToPrm: false },
      'mdf-date-only': { owner: INQUIRY_QUEUE, fields: { Prospect_Share_Status__c: null }, sharedToPrm: false },
      'mdf-flag-only': { owner: INQUIRY_QUEUE, fields: { Prospect_Share_Status__c: null }, sharedToPrm: false },
      'joint-date-only': { owner: INQUIRY_QUEUE, fields: { Prospect_Share_Status__c: null }, sharedToPrm: false },
      'joint-flag-only': { owner: INQUIRY_QUEUE, fields: { Prospect_Share_Status__c: null }, sharedToPrm: false },
      'no-partner-involved': { owner: INQUIRY_QUEUE, fields: { Prospect_Share_Status__c: null }, sharedToPrm: false },
      'event-on-mdf': { owner: PARTNER_QUEUE, fields: { Lead_Acquisition_Source__c: 'Partner Sponsored Event', Partner_Share_Status__c: 'Pending', Prospect_Share_Status__c: null }, sharedToPrm: true },
    },
  },
};
