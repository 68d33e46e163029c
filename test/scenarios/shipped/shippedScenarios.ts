import type { ScenarioInput } from '../../../src/scenarios/scenarioSchema.ts';
import { SHIPPED_ORG } from './shippedOrg.ts';
import { MUTATION_GAP_SCENARIOS } from './mutationGapScenarios.ts';
import { adVendor, chat, listUpload, partnerPortal, salesCreated, trialSignUp, webForm } from './payloads.ts';

type Spec = Omit<ScenarioInput, 'version' | 'org' | 'seed' | '$schema'> & { org?: ScenarioInput['org']; seed?: number };

const CHANNEL_MANAGER = 'lead-manager@northwind-channel.example';
const ALLIANCE_MANAGER = 'lead-manager@contoso-alliance.example';
const PARTNER_QUEUE = 'queue:Partner Queue';
const INQUIRY_QUEUE = 'queue:Inquiry Queue';

/** The shipped org with a third AMER SDR, for the round-robin cases. */
const THREE_AMER_SDRS = {
  ...SHIPPED_ORG,
  users: [...SHIPPED_ORG.users, { key: 'sdr-amer-3', FirstName: 'Iris', LastName: 'Park', Email: 'iris.park@leadsim-corp.test', Region__c: 'AMER', Role__c: 'SDR' }],
} satisfies ScenarioInput['org'];

/** `count` AMER chats (hand raises: MQLs) a minute apart from minute `fromMinute`, people `<prefix>-1…`. */
function roundOfChats(scenario: string, prefix: string, count: number, fromMinute: number) {
  return Array.from({ length: count }, (_, i) => ({
    at: `+${fromMinute + i}m`,
    person: `${prefix}-${i + 1}`,
    ...chat(`${scenario}-${prefix}-${i + 1}`, { email: `${prefix}.${i + 1}@${scenario}-contoso.example`, first: 'Robin', last: `${prefix} ${i + 1}`, company: 'Contoso', country: 'US' }, 'Website - Chat'),
  }));
}

/** Owner expectations for people `<prefix>-1…`, in order. */
function expectOwners(prefix: string, owners: readonly string[]) {
  return Object.fromEntries(owners.map((owner, i) => [`${prefix}-${i + 1}`, { owner }]));
}

/** `count` owners taking turns in this order. */
function alternating(count: number, owners: readonly string[]): string[] {
  return Array.from({ length: count }, (_, i) => owners[i % owners.length]!);
}

/** The curated scenarios under scenarios/, by path: one per entry point, each routing rule's match and near misses, the handbook's reassignment steps, a duplicate of an existing contact, the "Deutschland" case. */
export const SHIPPED: Readonly<Record<string, Spec>> = {
  'entry-points/web-form.json': {
    name: 'Entry point: web form (Marketo)',
    description: 'A demo request through the Marketo form: a hand raise, so an MQL and high priority; "USA" standardized to US; round robin among the AMER SDRs.',
    events: [{ at: '+1m', person: 'jamie', ...webForm('wf-1', { email: ' Jamie.Park@Brightwave.example ', first: 'Jamie', last: 'Park', company: 'Brightwave', country: 'USA' }, { programName: 'Website - Demo Request', offerType: 'Demo - 1:1' }) }],
    expect: { jamie: { owner: 'sdr-amer-1', fields: { Email: 'jamie.park@brightwave.example', Status: 'MQL', High_Priority__c: true, CountryCode: 'US', Mailability__c: 'Mailable', LeadSource: 'Web', Lead_Acquisition_Source__c: 'Inbound' }, sharedToPrm: false } },
  },
  'entry-points/chat.json': {
    name: 'Entry point: chat',
    description: 'A chat bot captures a lead (a hand raise: MQL, round robin EMEA for Germany); a second chat with an unusable email is rejected with a reason, never dropped.',
    events: [
      { at: '+1m', person: 'lena', ...chat('chat-1', { email: 'lena.vogel@fabrikam.example', first: 'Lena', last: 'Vogel', company: 'Fabrikam', country: 'Germany' }, 'Website - Chat') },
      { at: '+2m', person: 'nobody', ...chat('chat-2', { email: 'not an email', first: 'No', last: 'Body' }, 'Website - Chat') },
    ],
    expect: {
      lena: { owner: 'sdr-emea-1', fields: { Status: 'MQL', CountryCode: 'DE', Mailability__c: 'Opt-in required', LeadSource: 'Chat' }, sharedToPrm: false },
      nobody: { rejected: 'email' },
    },
  },
  'entry-points/ad-vendor.json': {
    name: 'Entry point: ad vendor lead-gen form',
    description: 'A LinkedIn lead-gen form for a content offer: not a hand raise, so it stays an inquiry and goes to the Inquiry Queue.',
    events: [{ at: '+1m', person: 'omar', ...adVendor('ad-1', { email: 'Omar.Haddad@Tailspin.example', first: 'Omar', last: 'Haddad', company: 'Tailspin', country: 'us  ' }, 'Paid Social - Lead Gen') }],
    expect: { omar: { owner: INQUIRY_QUEUE, fields: { Status: 'Inquiry', CountryCode: 'US', Lead_Acquisition_Source__c: 'Paid Social' }, sharedToPrm: false } },
  },
  'entry-points/list-upload.json': {
    name: 'Entry point: list upload (event CSV)',
    description: 'One row of a conference CSV: "Visited Booth" is strong engagement (MQL); "uk" is GB (EMEA); consent given, so mailable.',
    events: [{ at: '+1m', person: 'priya', ...listUpload('csv-1', { email: 'priya.nair@woodgrove.example', first: 'Priya', last: 'Nair', company: 'Woodgrove', country: 'uk', optIn: true }, 'Conference - DevSummit', 'Visited Booth') }],
    expect: { priya: { owner: 'sdr-emea-1', fields: { Status: 'MQL', CountryCode: 'GB', Mailability__c: 'Mailable', Lead_Acquisition_Source__c: 'Event' }, sharedToPrm: false } },
  },
  'entry-points/sales-created.json': {
    name: 'Entry point: sales-created',
    description: 'An AE creates a lead in the CRM; its change event reaches the intake. The rep keeps it (rule 5); the pipeline still standardizes it ("Deutschland" → DE) and checks compliance.',
    events: [{ at: '+1m', person: 'karl', ...salesCreated('rep-1', { email: 'karl.braun@globex.example', first: 'Karl', last: 'Braun', company: 'Globex GmbH', country: 'Deutschland' }, 'ae-emea-1') }],
    expect: { karl: { owner: 'ae-emea-1', fields: { CountryCode: 'DE', Mailability__c: 'Opt-in required', Lead_Acquisition_Source__c: 'Sales Generated', LeadSource: 'Sales' }, sharedToPrm: false } },
  },
  'entry-points/partner-portal.json': {
    name: 'Entry point: partner portal',
    description: 'A channel partner registers a lead in Impartner without a campaign: an MQL with the partner account set, but no partner rule matches (not a sponsored event, no campaign), so the SDR path.',
    events: [{ at: '+1m', person: 'ines', ...partnerPortal('prm-1', { email: 'ines.garcia@litware.example', first: 'Ines', last: 'Garcia', company: 'Litware', country: 'United States of America' }, 'partner-channel', CHANNEL_MANAGER) }],
    expect: { ines: { owner: 'sdr-amer-1', fields: { Status: 'MQL', CountryCode: 'US', Lead_Acquisition_Source__c: 'Partner Referral', Impartner_Partner_Account__c: '@account:partner-channel' }, sharedToPrm: false } },
  },
  'entry-points/trial-sign-up.json': {
    name: 'Entry point: free-trial sign-up',
    description: 'A product trial sign-up from Japan (country code "jp"): a hand raise, round robin among the APJ SDRs.',
    events: [{ at: '+1m', person: 'yuki', ...trialSignUp('trial-1', { email: 'yuki.ito@adatum.example', first: 'Yuki', last: 'Ito', company: 'Adatum', country: 'jp' }, { campaign: 'Product - Free Trial' }) }],
    expect: { yuki: { owner: 'sdr-apj-1', fields: { Status: 'MQL', CountryCode: 'JP', Lead_Acquisition_Source__c: 'Trial' }, sharedToPrm: false } },
  },
  'routing/rule-1-partner-sponsored-event.json': {
    name: 'Rule 1: partner sponsored event, and its near misses',
    description: 'Attendees of a partner-sponsored event go to the Partner Queue, shared to the PRM; an Alliance partner\'s event does not (rule 4); an ordinary conference does not; a recalled lead that engages again does not.',
    events: [
      { at: '+1m', person: 'match', ...listUpload('pse-1', { email: 'alex.kim@proseware.example', first: 'Alex', last: 'Kim', company: 'Proseware', country: 'US' }, 'Partner Event - Northwind Roadshow', 'Attended', { partnerAccountId: '@account:partner-channel' }) },
      { at: '+2m', person: 'alliance', ...listUpload('pse-2', { email: 'bo.chen@proseware.example', first: 'Bo', last: 'Chen', company: 'Proseware', country: 'US' }, 'Partner Event - Contoso Summit', 'Attended', { partnerAccountId: '@account:partner-alliance', line: 3 }) },
      { at: '+3m', person: 'no-partner', ...listUpload('pse-3', { email: 'cy.diaz@proseware.example', first: 'Cy', last: 'Diaz', company: 'Proseware', country: 'US' }, 'Conference - DevSummit', 'Attended', { line: 4 }) },
      { at: '+4m', person: 'recalled', ...listUpload('pse-4', { email: 'di.evans@proseware.example', first: 'Di', last: 'Evans', company: 'Proseware', country: 'US' }, 'Partner Event - Northwind Roadshow', 'Attended', { partnerAccountId: '@account:partner-channel', line: 5 }) },
      { at: '+1h', kind: 'recall', person: 'recalled' },
      { at: '+2h', person: 'recalled', ...webForm('pse-5', { email: 'di.evans@proseware.example', first: 'Di', last: 'Evans', company: 'Proseware', country: 'US' }, { programName: 'Webinar - Platform Tour', offerType: 'Webinar' }) },
    ],
    expect: {
      match: { owner: PARTNER_QUEUE, fields: { Lead_Acquisition_Source__c: 'Partner Sponsored Event', Partner_Share_Status__c: 'Pending', Partner_Lead_Status__c: 'Qualifying', Impartner_Partner_Account__c: '@account:partner-channel' }, sharedToPrm: true },
      alliance: { owner: INQUIRY_QUEUE, fields: { Lead_Acquisition_Source__c: 'Partner Sponsored Event', Partner_Share_Status__c: null }, sharedToPrm: false },
      'no-partner': { owner: INQUIRY_QUEUE, fields: { Lead_Acquisition_Source__c: 'Event', Impartner_Partner_Account__c: null }, sharedToPrm: false },
      recalled: { owner: INQUIRY_QUEUE, fields: { Partner_Recalled__c: true }, sharedToPrm: false },
    },
  },
  'routing/rule-2-mdf-or-partner-trial.json': {
    name: 'Rule 2: MDF-funded or partner-trial campaign, and its near miss',
    description: 'A webinar funded with MDF and a "Partner - Trial" sign-up go to the Partner Queue with the prospect share status, shared to the PRM; the company\'s own trial does not.',
    events: [
      { at: '+1m', person: 'mdf', ...webForm('mdf-1', { email: 'ed.fox@lucerne.example', first: 'Ed', last: 'Fox', company: 'Lucerne', country: 'Canada' }, { programName: 'MDF - Northwind Webinar', offerType: 'Webinar' }) },
      { at: '+2m', person: 'partner-trial', ...trialSignUp('mdf-2', { email: 'flo.gray@lucerne.example', first: 'Flo', last: 'Gray', company: 'Lucerne', country: 'US' }, { campaign: 'Partner - Trial - Northwind', partnerAccount: 'partner-channel' }) },
      { at: '+3m', person: 'own-trial', ...trialSignUp('mdf-3', { email: 'gus.hill@lucerne.example', first: 'Gus', last: 'Hill', company: 'Lucerne', country: 'US' }, { campaign: 'Product - Free Trial' }) },
    ],
    expect: {
      mdf: { owner: PARTNER_QUEUE, fields: { Prospect_Share_Status__c: 'Sending to Partner', Partner_Prospect_Status__c: 'Qualifying', Mailability__c: 'Opt-in required' }, sharedToPrm: true },
      'partner-trial': { owner: PARTNER_QUEUE, fields: { Prospect_Share_Status__c: 'Sending to Partner', Partner_Prospect_Status__c: 'Qualifying' }, sharedToPrm: true },
      'own-trial': { owner: 'sdr-amer-1', fields: { Status: 'MQL', Prospect_Share_Status__c: null }, sharedToPrm: false },
    },
  },
  'routing/rule-3-joint-campaign.json': {
    name: 'Rule 3: joint partner campaign, and its near misses',
    description:
      'A joint campaign member who attended goes to the Partner Queue; one who only registered does not; one being sequenced and a queue-owned one already Qualifying (actively worked) go to the appropriate SDR, as the handbook says, not to the Inquiry Queue (the default graph\'s reading, in its description).',
    org: {
      ...SHIPPED_ORG,
      people: [
        ...SHIPPED_ORG.people,
        { key: 'sequenced', kind: 'Lead', Email: 'hal.ives@northwood.example', FirstName: 'Hal', LastName: 'Ives', Company: 'Northwood', CountryCode: 'US', Status: 'Inquiry', owner: 'Inquiry Queue', Actively_Being_Sequenced__c: true },
        { key: 'qualifying', kind: 'Lead', Email: 'kim.lund@northwood.example', FirstName: 'Kim', LastName: 'Lund', Company: 'Northwood', CountryCode: 'US', Status: 'Qualifying', owner: 'Inquiry Queue' },
      ],
    },
    events: [
      { at: '+1m', person: 'attended', ...listUpload('joint-1', { email: 'ivy.james@northwood.example', first: 'Ivy', last: 'James', company: 'Northwood', country: 'US' }, 'Joint Campaign - DevOps Days', 'Attended') },
      { at: '+2m', person: 'registered', ...listUpload('joint-2', { email: 'jon.kent@northwood.example', first: 'Jon', last: 'Kent', company: 'Northwood', country: 'US' }, 'Joint Campaign - DevOps Days', 'Registered', { line: 3 }) },
      { at: '+3m', person: 'sequenced', ...listUpload('joint-3', { email: 'hal.ives@northwood.example', first: 'Hal', last: 'Ives', company: 'Northwood', country: 'US' }, 'Joint Campaign - DevOps Days', 'Attended', { line: 4 }) },
      { at: '+4m', person: 'qualifying', ...listUpload('joint-4', { email: 'kim.lund@northwood.example', first: 'Kim', last: 'Lund', company: 'Northwood', country: 'US' }, 'Joint Campaign - DevOps Days', 'Attended', { line: 5 }) },
    ],
    expect: {
      attended: { owner: PARTNER_QUEUE, fields: { Prospect_Share_Status__c: 'Sending to Partner', Partner_Prospect_Status__c: 'Qualifying', Impartner_Partner_Account__c: '@account:partner-channel' }, sharedToPrm: true },
      registered: { owner: INQUIRY_QUEUE, fields: { Prospect_Share_Status__c: null }, sharedToPrm: false },
      sequenced: { owner: 'sdr-amer-1', fields: { Prospect_Share_Status__c: null }, sharedToPrm: false },
      qualifying: { owner: 'sdr-amer-2', fields: { Status: 'Qualifying', Prospect_Share_Status__c: null }, sharedToPrm: false },
    },
  },
  'routing/rule-4-alliance-partner.json': {
    name: 'Rule 4: alliance partners take the SDR path',
    description: 'An Alliance partner registers a lead in the portal: never the Partner Queue; a hand raise, so round robin. A channel partner\'s MDF lead beside it still goes to the Partner Queue.',
    events: [
      { at: '+1m', person: 'alliance', ...partnerPortal('all-1', { email: 'kim.lowe@trey.example', first: 'Kim', last: 'Lowe', company: 'Trey Research', country: 'US' }, 'partner-alliance', ALLIANCE_MANAGER) },
      { at: '+2m', person: 'channel', ...webForm('all-2', { email: 'lou.mann@trey.example', first: 'Lou', last: 'Mann', company: 'Trey Research', country: 'US' }, { programName: 'MDF - Northwind Webinar', offerType: 'Webinar' }) },
    ],
    expect: {
      alliance: { owner: 'sdr-amer-1', fields: { Status: 'MQL', Impartner_Partner_Account__c: '@account:partner-alliance', Prospect_Share_Status__c: null }, sharedToPrm: false },
      channel: { owner: PARTNER_QUEUE, sharedToPrm: true },
    },
  },
  'routing/rule-5-engagement-exception.json': {
    name: 'Rule 5: an owned person who engages again keeps the owner',
    description: 'A lead owned by an SDR attends a partner-sponsored event: the partner rules would send it to the Partner Queue, but the owner follows up. A contact engaging through a joint campaign keeps its AE.',
    events: [
      { at: '+1m', person: 'fox', ...listUpload('eng-1', { email: 'fox.mulder@initech.example', first: 'Fox', last: 'Mulder', company: 'Initech', country: 'US' }, 'Partner Event - Northwind Roadshow', 'Attended', { partnerAccountId: '@account:partner-channel' }) },
      { at: '+2m', person: 'dana', ...listUpload('eng-2', { email: 'dana.scully@acme.example', first: 'Dana', last: 'Scully', company: 'Acme Corp', country: 'US' }, 'Joint Campaign - DevOps Days', 'Attended', { line: 3 }) },
    ],
    expect: {
      fox: { owner: 'sdr-amer-2', fields: { Status: 'Qualifying', Partner_Share_Status__c: null }, sharedToPrm: false },
      dana: { owner: 'ae-amer-1', sharedToPrm: false },
    },
  },
  'routing/rule-6-sdr-path.json': {
    name: 'Rule 6: the SDR path',
    description: 'MQLs: an APJ account with a BDR goes to the BDR; an actively worked account goes to its owner; an account that is neither, and no account, go round robin by region (fairly: two AMER MQLs, two SDRs). A non-MQL goes to the Inquiry Queue.',
    events: [
      { at: '+1m', person: 'bdr', ...webForm('sdr-1', { email: 'ken.mori@tanaka.example', first: 'Ken', last: 'Mori', company: 'Tanaka Industries', country: 'Japan' }, { programName: 'Website - Demo Request', offerType: 'Demo - 1:1' }) },
      { at: '+2m', person: 'account-owner', ...webForm('sdr-2', { email: 'liz.ng@acme.example', first: 'Liz', last: 'Ng', company: 'Acme Corp', country: 'US' }, { programName: 'Website - Demo Request', offerType: 'Demo - 1:1' }) },
      { at: '+3m', person: 'not-worked', ...webForm('sdr-3', { email: 'max.roth@globex.example', first: 'Max', last: 'Roth', company: 'Globex GmbH', country: 'Austria' }, { programName: 'Website - Demo Request', offerType: 'Demo - 1:1' }) },
      { at: '+4m', person: 'rr-1', ...chat('sdr-4', { email: 'ned.ost@fourthcoffee.example', first: 'Ned', last: 'Ost', company: 'Fourth Coffee', country: 'U.S.' }, 'Website - Chat') },
      { at: '+5m', person: 'rr-2', ...chat('sdr-5', { email: 'ola.pike@fourthcoffee.example', first: 'Ola', last: 'Pike', company: 'Fourth Coffee', country: 'United States' }, 'Website - Chat') },
      { at: '+6m', person: 'inquiry', ...webForm('sdr-6', { email: 'pat.quinn@fourthcoffee.example', first: 'Pat', last: 'Quinn', company: 'Fourth Coffee', country: 'US' }, { programName: 'Webinar - Platform Tour', offerType: 'Webinar' }) },
    ],
    expect: {
      bdr: { owner: 'bdr-apj-1', fields: { Status: 'MQL', CountryCode: 'JP' } },
      'account-owner': { owner: 'ae-amer-1', fields: { Status: 'MQL' } },
      'not-worked': { owner: 'sdr-emea-1', fields: { Status: 'MQL', CountryCode: 'AT' } },
      'rr-1': { owner: 'sdr-amer-1' },
      'rr-2': { owner: 'sdr-amer-2' },
      inquiry: { owner: INQUIRY_QUEUE, fields: { Status: 'Inquiry' } },
    },
  },
  'fresh-data/out-of-office.json': {
    name: 'Fresh data: a rep marked out of office mid-run gets no more leads',
    description:
      'Three AMER SDRs each take one MQL; Sales Systems then marks the second out of office through the CRM REST API; twelve more AMER MQLs arrive a minute apart. Round robin decides on what the CRM holds, so the out-of-office rep gets none of them (the pipeline\'s org cache is refreshed by the CRM\'s change events, not by a timer).',
    org: THREE_AMER_SDRS,
    events: [...roundOfChats('ooo', 'first', 3, 1), { at: '+4m', kind: 'userStatus', user: 'sdr-amer-2', status: 'outOfOffice' }, ...roundOfChats('ooo', 'then', 12, 5)],
    expect: { ...expectOwners('first', ['sdr-amer-1', 'sdr-amer-2', 'sdr-amer-3']), ...expectOwners('then', alternating(12, ['sdr-amer-1', 'sdr-amer-3'])) },
  },
  'fresh-data/deactivated-rep.json': {
    name: 'Fresh data: a rep deactivated mid-run is never offered again',
    description:
      'As the out-of-office case, but Sales Systems deactivates the second SDR (IsActive false). Every later MQL goes to an active SDR: none is refused with INACTIVE_OWNER_OR_USER, none stays with the integration user. (Were the CRM to refuse an owner, routing reads the users again and gives the person to the next eligible rep, or parks the event with the reason.)',
    org: THREE_AMER_SDRS,
    events: [...roundOfChats('inactive', 'first', 3, 1), { at: '+4m', kind: 'userStatus', user: 'sdr-amer-2', status: 'inactive' }, ...roundOfChats('inactive', 'then', 12, 5)],
    expect: { ...expectOwners('first', ['sdr-amer-1', 'sdr-amer-2', 'sdr-amer-3']), ...expectOwners('then', alternating(12, ['sdr-amer-1', 'sdr-amer-3'])) },
  },
  'fresh-data/back-in-office.json': {
    name: 'Fresh data: a rep back in office takes turns again at once',
    description:
      'The second AMER SDR is out of office for four MQLs, then back in office: the next MQL goes to them (lifted to one turn below the busiest, no burst of catch-up leads), then round robin goes on over all three (ties go to the smaller user id).',
    org: THREE_AMER_SDRS,
    events: [
      ...roundOfChats('back', 'first', 3, 1),
      { at: '+4m', kind: 'userStatus', user: 'sdr-amer-2', status: 'outOfOffice' },
      ...roundOfChats('back', 'away', 4, 5),
      { at: '+9m', kind: 'userStatus', user: 'sdr-amer-2', status: 'inOffice' },
      ...roundOfChats('back', 'back', 3, 10),
    ],
    expect: {
      ...expectOwners('first', ['sdr-amer-1', 'sdr-amer-2', 'sdr-amer-3']),
      ...expectOwners('away', alternating(4, ['sdr-amer-1', 'sdr-amer-3'])),
      ...expectOwners('back', ['sdr-amer-2', 'sdr-amer-1', 'sdr-amer-2']),
    },
  },
  'fresh-data/new-campaign.json': {
    name: 'Fresh data: a campaign created mid-run routes its next member',
    description:
      'After the first intake event, Sales Systems creates a partner-sponsored event campaign through the CRM REST API; a minute later the event\'s list upload brings an attendee who visited the booth (an MQL). The campaign gives the attendee its partner and its acquisition source, so rule 1 sends the attendee to the Partner Queue, shared to the PRM, not to an SDR (the campaign is not ignored for ten minutes). Marketing then updates the member status, by the new campaign\'s key.',
    events: [
      { at: '+1m', person: 'before', ...webForm('camp-1', { email: 'abe.berg@margie.example', first: 'Abe', last: 'Berg', company: 'Margie\'s Travel', country: 'US' }, { programName: 'Webinar - Platform Tour', offerType: 'Webinar' }) },
      {
        at: '+2m',
        kind: 'createCampaign',
        campaign: { key: 'spring-roadshow', Name: 'Partner Event - Northwind Spring Roadshow', Type: 'Partner', partnerAccount: 'partner-channel', Default_Acquisition_Source__c: 'Partner Sponsored Event', offerType: 'Event', memberStatus: 'Attended' },
      },
      { at: '+3m', person: 'attendee', ...listUpload('camp-2', { email: 'cleo.dunn@margie.example', first: 'Cleo', last: 'Dunn', company: 'Margie\'s Travel', country: 'US' }, 'Partner Event - Northwind Spring Roadshow', 'Visited Booth') },
      { at: '+4m', kind: 'memberStatus', person: 'attendee', campaign: 'spring-roadshow', status: 'Follow Up Requested' },
    ],
    expect: {
      before: { owner: INQUIRY_QUEUE },
      attendee: { owner: PARTNER_QUEUE, fields: { Lead_Acquisition_Source__c: 'Partner Sponsored Event', Impartner_Partner_Account__c: '@account:partner-channel', Partner_Share_Status__c: 'Pending', Partner_Lead_Status__c: 'Qualifying' }, sharedToPrm: true },
    },
  },
  'fresh-data/account-bdr-change.json': {
    name: 'Fresh data: an account\'s BDR changed mid-run',
    description:
      'Rule 6 reads the account as the CRM holds it: a Globex MQL goes round robin (no BDR); Sales Systems gives Globex a BDR, and the next Globex MQL goes to that BDR; Sales Systems clears Tanaka\'s BDR, and the next Tanaka MQL goes round robin among the APJ SDRs.',
    events: [
      { at: '+1m', person: 'globex-1', ...chat('bdr-1', { email: 'dirk.ernst@globex.example', first: 'Dirk', last: 'Ernst', company: 'Globex GmbH', country: 'Germany' }, 'Website - Chat') },
      { at: '+2m', kind: 'accountBdr', account: 'globex', bdr: 'bdr-apj-1' },
      { at: '+3m', person: 'globex-2', ...chat('bdr-2', { email: 'eva.frank@globex.example', first: 'Eva', last: 'Frank', company: 'Globex GmbH', country: 'Germany' }, 'Website - Chat') },
      { at: '+4m', kind: 'accountBdr', account: 'tanaka', bdr: null },
      { at: '+5m', person: 'tanaka-1', ...chat('bdr-3', { email: 'goro.hara@tanaka.example', first: 'Goro', last: 'Hara', company: 'Tanaka Industries', country: 'Japan' }, 'Website - Chat') },
    ],
    expect: {
      'globex-1': { owner: 'sdr-emea-1', fields: { Status: 'MQL' } },
      'globex-2': { owner: 'bdr-apj-1', fields: { Status: 'MQL' } },
      'tanaka-1': { owner: 'sdr-apj-1', fields: { Status: 'MQL' } },
    },
  },
  'partner/contact-shared-to-prm.json': {
    name: 'Partner: a contact meeting a partner rule is shared to the PRM',
    description:
      'An existing contact whose AE has left (deactivated mid-run, so rule 5 does not keep the owner) attends a partner-sponsored event: rule 1 applies. A contact cannot be queue-owned, so it keeps its user owner, but it gets the share statuses and a live Impartner prospect, so the partner sees it (the handbook\'s contact flow exists for records "meant to be managed by partners via Impartner").',
    org: { ...SHIPPED_ORG, people: [...SHIPPED_ORG.people, { key: 'carla', kind: 'Contact', Email: 'carla.gomez@globex.example', FirstName: 'Carla', LastName: 'Gomez', CountryCode: 'DE', owner: 'ae-emea-1', account: 'globex' }] },
    events: [
      { at: '+1m', kind: 'userStatus', user: 'ae-emea-1', status: 'inactive' },
      { at: '+2m', person: 'carla', ...listUpload('contact-1', { email: 'Carla.Gomez@Globex.example', first: 'Carla', last: 'Gomez', company: 'Globex GmbH', country: 'Germany' }, 'Partner Event - Northwind Roadshow', 'Attended', { partnerAccountId: '@account:partner-channel' }) },
    ],
    expect: { carla: { owner: 'ae-emea-1', fields: { Partner_Share_Status__c: 'Pending', Partner_Lead_Status__c: 'Qualifying', Impartner_Partner_Account__c: '@account:partner-channel' }, sharedToPrm: true } },
  },
  'partner/recalled-then-joint-campaign.json': {
    name: 'Partner: a recalled lead stays recalled on a joint partner campaign',
    description:
      'A partner-sponsored event lead goes to the Partner Queue and is shared; the channel team recalls it, so it leaves the Partner Queue (routed again: the SDR path). It later attends a joint partner campaign: rule 3 honours the recall as rules 1 and 2 do (the default graph\'s reading), so it does not go back to the Partner Queue, where no partner could see it.',
    events: [
      { at: '+1m', person: 'lee', ...listUpload('recall-1', { email: 'lee.moss@proseware.example', first: 'Lee', last: 'Moss', company: 'Proseware', country: 'US' }, 'Partner Event - Northwind Roadshow', 'Attended', { partnerAccountId: '@account:partner-channel' }) },
      { at: '+1h', kind: 'recall', person: 'lee' },
      { at: '+2h', person: 'lee', ...listUpload('recall-2', { email: 'lee.moss@proseware.example', first: 'Lee', last: 'Moss', company: 'Proseware', country: 'US' }, 'Joint Campaign - DevOps Days', 'Attended') },
    ],
    expect: { lee: { owner: INQUIRY_QUEUE, fields: { Partner_Recalled__c: true, Prospect_Share_Status__c: null }, sharedToPrm: false } },
  },
  'reassignment/handbook-steps.json': {
    name: 'Reassignment: the handbook\'s steps',
    description: 'A rep changes the country and sets Rerun_Routing__c: an MQL is round-robined in its new region; a high-priority lead, an account-owned lead and a non-MQL keep their owners. The flag is cleared each time.',
    events: [
      { at: '+1m', person: 'mql', ...chat('re-1', { email: 'quinn.reed@blueyonder.example', first: 'Quinn', last: 'Reed', company: 'Blue Yonder', country: 'US' }, 'Website - Chat') },
      { at: '+2m', person: 'high-priority', ...webForm('re-2', { email: 'rosa.sanz@blueyonder.example', first: 'Rosa', last: 'Sanz', company: 'Blue Yonder', country: 'US' }, { programName: 'Website - Demo Request', offerType: 'Demo - 1:1' }) },
      { at: '+3m', person: 'account-owned', ...chat('re-3', { email: 'sam.tate@acme.example', first: 'Sam', last: 'Tate', company: 'Acme Corp', country: 'US' }, 'Website - Chat') },
      { at: '+4m', person: 'inquiry', ...adVendor('re-4', { email: 'tia.ueda@blueyonder.example', first: 'Tia', last: 'Ueda', company: 'Blue Yonder', country: 'US' }, 'Paid Social - Lead Gen') },
      { at: '+1h', kind: 'countryChange', person: 'mql', country: 'Deutschland', rerun: true, as: 'sdr-amer-1' },
      { at: '+1h1m', kind: 'countryChange', person: 'high-priority', country: 'France', rerun: true },
      { at: '+1h2m', kind: 'countryChange', person: 'account-owned', country: 'United Kingdom', rerun: true },
      { at: '+1h3m', kind: 'countryChange', person: 'inquiry', country: 'Japan', rerun: true, as: 'sdr-amer-1' },
    ],
    expect: {
      mql: { owner: 'sdr-emea-1', fields: { CountryCode: 'DE', Country: 'Deutschland', Rerun_Routing__c: false } },
      'high-priority': { owner: 'sdr-amer-2', fields: { CountryCode: 'FR', High_Priority__c: true, Rerun_Routing__c: false } },
      'account-owned': { owner: 'ae-amer-1', fields: { CountryCode: 'GB', Rerun_Routing__c: false } },
      inquiry: { owner: INQUIRY_QUEUE, fields: { CountryCode: 'JP', Status: 'Inquiry', Rerun_Routing__c: false } },
    },
  },
  'reassignment/lifecycle.json': {
    name: 'After routing: rep edits, member status and conversion',
    description: 'A webinar registrant sits in the Inquiry Queue; ops mark the member as attended, an AE accepts and takes the lead, and converts it: the person key follows it to the new contact.',
    events: [
      { at: '+1m', person: 'uma', ...webForm('life-1', { email: 'uma.vance@wingtip.example', first: 'Uma', last: 'Vance', company: 'Wingtip Toys', country: 'US' }, { programName: 'Webinar - Platform Tour', offerType: 'Webinar' }) },
      { at: '+1d', kind: 'memberStatus', person: 'uma', campaign: 'webinar', status: 'Attended', as: 'sdr-amer-1' },
      { at: '+1d1h', kind: 'repEdit', person: 'uma', as: 'ae-amer-1', fields: { Status: 'Accepted', OwnerId: '@user:ae-amer-1', Title: 'VP Engineering' } },
      { at: '+2d', kind: 'convert', person: 'uma', as: 'ae-amer-1' },
    ],
    expect: { uma: { owner: 'ae-amer-1', fields: { Email: 'uma.vance@wingtip.example', Title: 'VP Engineering', LeadSource: 'Web' }, sharedToPrm: false } },
  },
  'dedupe/existing-contact.json': {
    name: 'Dedupe: a duplicate of an existing contact',
    description: 'An existing contact fills a form with her email in mixed case and spaces: merged into the contact (no new lead), which keeps its AE. A rep who types the same person in as a new lead is stopped by the duplicate rule, with the reason.',
    events: [
      { at: '+1m', person: 'dana', ...webForm('dup-1', { email: '  Dana.Scully@ACME.example ', first: 'Dana', last: 'Scully', company: 'Acme Corp', country: 'United States' }, { programName: 'Webinar - Platform Tour', offerType: 'Webinar' }) },
      { at: '+2m', person: 'dana-again', ...salesCreated('dup-2', { email: 'dana.scully@acme.example', first: 'Dana', last: 'Scully', company: 'Acme Corp', country: 'US' }, 'sdr-amer-1') },
    ],
    expect: {
      dana: { owner: 'ae-amer-1', fields: { Email: 'dana.scully@acme.example', AccountId: '@account:acme' }, sharedToPrm: false },
      'dana-again': { rejected: 'DUPLICATES_DETECTED' },
    },
  },
  'compliance/deutschland.json': {
    name: 'Compliance: "Deutschland" is Germany',
    description: 'Country is standardized before compliance runs: "Deutschland" without consent needs opt-in (GDPR), with consent it is mailable; "Narnia" is no country and is not mailable.',
    events: [
      { at: '+1m', person: 'no-consent', ...webForm('de-1', { email: 'uwe.bauer@contoso-de.example', first: 'Uwe', last: 'Bauer', company: 'Contoso DE', country: 'Deutschland' }, { programName: 'Website - Demo Request', offerType: 'Demo - 1:1' }) },
      { at: '+2m', person: 'consent', ...webForm('de-2', { email: 'vera.koch@contoso-de.example', first: 'Vera', last: 'Koch', company: 'Contoso DE', country: 'Deutschland', optIn: true }, { programName: 'Website - Demo Request', offerType: 'Demo - 1:1' }) },
      { at: '+3m', person: 'unknown-country', ...webForm('de-3', { email: 'walt.lang@contoso-de.example', first: 'Walt', last: 'Lang', company: 'Contoso DE', country: 'Narnia' }, { programName: 'Webinar - Platform Tour', offerType: 'Webinar' }) },
    ],
    expect: {
      'no-consent': { owner: 'sdr-emea-1', fields: { CountryCode: 'DE', Mailability__c: 'Opt-in required' } },
      consent: { owner: 'sdr-emea-2', fields: { CountryCode: 'DE', Mailability__c: 'Mailable' } },
      'unknown-country': { fields: { Mailability__c: 'Not mailable', CountryCode: null } },
    },
  },
  'assignment-rules/territories.json': {
    name: 'Routing in Salesforce: territory assignment rule',
    description:
      'The org routes with its Lead assignment rule (Lead.assignmentRules-meta.xml beside this file): the route step asks Salesforce to run the active rule (Sforce-Auto-Assign: TRUE). Countries are standardized first, so "Deutschland" reaches the EMEA entry; a country no entry lists falls to the catch-all queue.',
    org: { ...SHIPPED_ORG, assignmentRules: 'Lead.assignmentRules-meta.xml' },
    routing: 'assignment-rules',
    events: [
      { at: '+1m', person: 'us', ...webForm('ar-1', { email: 'kim.lee@northwind.example', first: 'Kim', last: 'Lee', company: 'Northwind', country: 'USA' }, { programName: 'Website - Demo Request', offerType: 'Demo - 1:1' }) },
      { at: '+2m', person: 'de', ...webForm('ar-2', { email: 'jonas.berg@globex-partner.example', first: 'Jonas', last: 'Berg', company: 'Globex Partner', country: 'Deutschland' }, { programName: 'Website - Demo Request', offerType: 'Demo - 1:1' }) },
      { at: '+3m', person: 'jp', ...webForm('ar-3', { email: 'aiko.mori@sakura.example', first: 'Aiko', last: 'Mori', company: 'Sakura', country: 'Japan' }, { programName: 'Website - Demo Request', offerType: 'Demo - 1:1' }) },
      { at: '+4m', person: 'za', ...webForm('ar-4', { email: 'thabo.nkosi@karoo.example', first: 'Thabo', last: 'Nkosi', company: 'Karoo', country: 'South Africa' }, { programName: 'Website - Demo Request', offerType: 'Demo - 1:1' }) },
    ],
    expect: {
      us: { owner: 'sdr-amer-1', fields: { CountryCode: 'US' } },
      de: { owner: 'sdr-emea-1', fields: { CountryCode: 'DE' } },
      jp: { owner: 'sdr-apj-1' },
      za: { owner: INQUIRY_QUEUE },
    },
  },
  ...MUTATION_GAP_SCENARIOS,
};

/** The shipped scenario at `path`, as the file's JSON (every file self-contained: the org is embedded). */
export function shippedScenario(path: string, spec: Spec): ScenarioInput {
  const { org, seed, ...rest } = spec;
  return { $schema: `${'../'.repeat(path.split('/').length - 1)}scenario.schema.json`, version: 1, ...rest, seed: seed ?? 1, org: org ?? SHIPPED_ORG } as ScenarioInput;
}
