import type { Rng } from '../core/random.ts';
import { seededFaker } from '../generators/fakerFrom.ts';
import type { Region } from '../systems/crm/schema.ts';
import { OrgSpecSchema, type AccountSpec, type CampaignSpec, type OrgSpec, type PersonSpec, type UserSpec } from './orgSpec.ts';

/** Options of {@link generateOrg}. */
export interface GenerateOrgOptions {
  /** Active SDRs per region (default 3); each region also gets one out-of-office SDR and one inactive SDR. */
  readonly sdrsPerRegion?: number;
  /** Customer and prospect accounts (default 24). */
  readonly accounts?: number;
  /** People that already exist as leads or contacts (default 40). */
  readonly existingPeople?: number;
}

const REGION_COUNTRIES: Readonly<Record<Region, readonly string[]>> = {
  AMER: ['US', 'CA', 'BR', 'MX'],
  EMEA: ['DE', 'GB', 'FR', 'NL', 'CH', 'SE', 'ZA'],
  APJ: ['JP', 'AU', 'IN', 'SG', 'KR'],
};

/**
 * Generates the default org of a simulation from a seeded random stream: SDRs per region (plus one out of office
 * and one inactive), BDRs in APJ, AEs, the Partner and Inquiry queues, accounts with a BDR (APJ) or actively worked
 * (EMEA, AMER), partner accounts of each type with portal users, campaigns of every partner kind, and people who
 * already exist as leads or contacts. Same stream, same org.
 */
export function generateOrg(rng: Rng, options: GenerateOrgOptions = {}): OrgSpec {
  const faker = seededFaker(rng.int(0, 0x7fffffff));
  const sdrs = options.sdrsPerRegion ?? 3;
  const users: UserSpec[] = [];
  const user = (key: string, region: Region, role: UserSpec['Role__c'], extra: Partial<UserSpec> = {}): UserSpec => {
    const FirstName = faker.person.firstName();
    const LastName = faker.person.lastName();
    const spec: UserSpec = {
      key,
      FirstName,
      LastName,
      Email: `${key}@leadsim-corp.test`,
      IsActive: true,
      Region__c: region,
      Role__c: role,
      Out_Of_Office__c: false,
      ...extra,
    };
    users.push(spec);
    return spec;
  };
  for (const region of ['AMER', 'EMEA', 'APJ'] as const) {
    const r = region.toLowerCase();
    for (let i = 1; i <= sdrs; i++) user(`sdr-${r}-${i}`, region, 'SDR');
    user(`sdr-${r}-ooo`, region, 'SDR', { Out_Of_Office__c: true });
    user(`sdr-${r}-inactive`, region, 'SDR', { IsActive: false });
    user(`ae-${r}-1`, region, 'AE');
    user(`ae-${r}-2`, region, 'AE');
  }
  user('bdr-apj-1', 'APJ', 'BDR');
  user('bdr-apj-2', 'APJ', 'BDR');

  const accounts: AccountSpec[] = [];
  const usedDomains = new Set<string>();
  const domainFor = (name: string): string => {
    const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '').slice(0, 20) || 'company';
    let domain = `${base}.example`;
    for (let n = 2; usedDomains.has(domain); n++) domain = `${base}${n}.example`;
    usedDomains.add(domain);
    return domain;
  };
  const accountCount = options.accounts ?? 24;
  for (let i = 1; i <= accountCount; i++) {
    const region = rng.pick(['AMER', 'EMEA', 'APJ'] as const);
    const Name = faker.company.name();
    const r = region.toLowerCase();
    const working = region !== 'APJ' && rng.chance(0.4);
    accounts.push({
      key: `account-${i}`,
      Name,
      Website: `https://www.${domainFor(Name)}`,
      BillingCountryCode: rng.pick(REGION_COUNTRIES[region]),
      Type: rng.chance(0.5) ? 'Customer' : 'Prospect',
      owner: `ae-${r}-${rng.int(1, 2)}`,
      Actively_Working__c: working,
      ...(region === 'APJ' && rng.chance(0.6) ? { bdr: `bdr-apj-${rng.int(1, 2)}` } : {}),
    });
  }
  const partners: [string, AccountSpec['Partner_Type__c'], Region][] = [
    ['partner-channel-1', 'Channel', 'AMER'],
    ['partner-channel-2', 'Channel', 'EMEA'],
    ['partner-distributor-1', 'Distributor', 'APJ'],
    ['partner-alliance-1', 'Alliance', 'AMER'],
  ];
  for (const [key, type, region] of partners) {
    const Name = `${faker.company.name()} ${type === 'Alliance' ? 'Cloud' : 'Solutions'}`;
    accounts.push({
      key,
      Name,
      Website: `https://www.${domainFor(Name)}`,
      BillingCountryCode: rng.pick(REGION_COUNTRIES[region]),
      Type: 'Partner',
      Partner_Type__c: type,
      Actively_Working__c: false,
    });
  }
  const partnerUsers = partners.map(([key]) => ({
    key: `${key}-manager`,
    partnerAccount: key,
    FirstName: faker.person.firstName(),
    LastName: faker.person.lastName(),
    Email: `lead-manager@${key}.partner.test`,
  }));

  const campaigns: CampaignSpec[] = [
    { key: 'webinar', Name: 'Webinar - Platform Tour', Type: 'Webinar', MDF_Funding__c: 'No', Channel_Partner_Involved__c: 'No', offerType: 'Webinar', memberStatus: 'Registered' },
    { key: 'demo', Name: 'Website - Demo Request', Type: 'Content', MDF_Funding__c: 'No', Channel_Partner_Involved__c: 'No', offerType: 'Demo - 1:1', memberStatus: 'Responded' },
    { key: 'chat', Name: 'Website - Chat', Type: 'Other', MDF_Funding__c: 'No', Channel_Partner_Involved__c: 'No', offerType: 'Chat', memberStatus: 'Responded' },
    { key: 'ads', Name: 'Paid Social - Lead Gen', Type: 'Advertisement', MDF_Funding__c: 'No', Channel_Partner_Involved__c: 'No', offerType: 'Content', memberStatus: 'Responded' },
    { key: 'trial', Name: 'Product - Free Trial', Type: 'Trial', MDF_Funding__c: 'No', Channel_Partner_Involved__c: 'No', offerType: 'Free Trial', memberStatus: 'Responded' },
    { key: 'event', Name: 'Conference - DevSummit', Type: 'Conference', MDF_Funding__c: 'No', Channel_Partner_Involved__c: 'No', offerType: 'Event', memberStatus: 'Attended' },
    { key: 'partner-event', Name: 'Partner Sponsored Event - Cloud Roadshow', Type: 'Conference', MDF_Funding__c: 'No', Channel_Partner_Involved__c: 'No', partnerAccount: 'partner-channel-1', Default_Acquisition_Source__c: 'Partner Sponsored Event', offerType: 'Event', memberStatus: 'Attended' },
    { key: 'mdf', Name: 'MDF - Partner Webinar Series', Type: 'Partner', MDF_Funding__c: 'Yes', Channel_Partner_Involved__c: 'No', partnerAccount: 'partner-channel-2', offerType: 'Webinar', memberStatus: 'Attended' },
    { key: 'partner-trial', Name: 'Partner - Trial - Distributor Bundle', Type: 'Trial', MDF_Funding__c: 'No', Channel_Partner_Involved__c: 'No', partnerAccount: 'partner-distributor-1', offerType: 'Free Trial', memberStatus: 'Responded' },
    { key: 'joint', Name: 'Joint Campaign - DevOps Days', Type: 'Partner', MDF_Funding__c: 'No', Channel_Partner_Involved__c: 'Yes', partnerAccount: 'partner-channel-1', offerType: 'Event', memberStatus: 'Visited Booth' },
    { key: 'alliance', Name: 'Alliance - Marketplace Launch', Type: 'Partner', MDF_Funding__c: 'Yes', Channel_Partner_Involved__c: 'No', partnerAccount: 'partner-alliance-1', offerType: 'Webinar', memberStatus: 'Attended' },
    { key: 'partner-referral', Name: 'Partner Portal - Referrals', Type: 'Partner', MDF_Funding__c: 'No', Channel_Partner_Involved__c: 'Yes', offerType: 'Contact Sales', memberStatus: 'Follow Up Requested' },
  ];

  const people: PersonSpec[] = [];
  const existing = options.existingPeople ?? 40;
  const owners = users.filter((u) => u.IsActive && u.Role__c === 'SDR').map((u) => u.key);
  const customerAccounts = accounts.filter((a) => a.Type !== 'Partner');
  for (let i = 1; i <= existing; i++) {
    const account = rng.pick(customerAccounts);
    const domain = new URL(account.Website ?? 'https://none.example').hostname.replace(/^www\./, '');
    const FirstName = faker.person.firstName();
    const LastName = faker.person.lastName();
    const kind = rng.chance(0.5) ? 'Contact' : 'Lead';
    people.push({
      key: `person-${i}`,
      kind,
      Email: `${FirstName}.${LastName}.${i}@${domain}`.toLowerCase().replace(/[^a-z0-9.@-]/g, ''),
      FirstName,
      LastName,
      Company: account.Name,
      ...(account.BillingCountryCode ? { CountryCode: account.BillingCountryCode } : {}),
      Status: rng.pick(['Inquiry', 'MQL', 'Accepted', 'Qualifying', 'Nurture'] as const),
      owner: rng.pick(owners),
      ...(kind === 'Contact' ? { account: account.key } : {}),
    });
  }
  return OrgSpecSchema.parse({ users, accounts, campaigns, people, partnerUsers });
}
