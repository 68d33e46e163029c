import type { RoutingContext, RoutingUser } from '../../src/routing/routingContext.ts';

const user = (Id: string, Name: string, Role__c: RoutingUser['Role__c'], Region__c: RoutingUser['Region__c'], extra: Partial<RoutingUser> = {}): RoutingUser => ({
  Id,
  Name,
  IsActive: true,
  Role__c,
  Region__c,
  Out_Of_Office__c: false,
  ...extra,
});

/** Users of a small sales org: two SDRs per region (plus an inactive and an out-of-office one), a BDR, AEs. */
export const USERS: RoutingUser[] = [
  user('005000000000A01', 'Ada AMER-SDR', 'SDR', 'AMER'),
  user('005000000000A02', 'Ben AMER-SDR', 'SDR', 'AMER'),
  user('005000000000A03', 'Cy AMER-SDR (inactive)', 'SDR', 'AMER', { IsActive: false }),
  user('005000000000E01', 'Eva EMEA-SDR', 'SDR', 'EMEA'),
  user('005000000000E02', 'Emil EMEA-SDR', 'SDR', 'EMEA'),
  user('005000000000E03', 'Elle EMEA-SDR (OOO)', 'SDR', 'EMEA', { Out_Of_Office__c: true }),
  user('005000000000J01', 'Jun APJ-SDR', 'SDR', 'APJ'),
  user('005000000000J02', 'Kai APJ-SDR', 'SDR', 'APJ'),
  user('005000000000B01', 'Bo APJ-BDR', 'BDR', 'APJ'),
  user('005000000000X01', 'Xena EMEA-AE', 'AE', 'EMEA'),
  user('005000000000X02', 'Rex AMER-AE (rep)', 'AE', 'AMER'),
  user('005000000000X03', 'Old AE (inactive)', 'AE', 'AMER', { IsActive: false }),
];

/** The two queues of DOMAIN.md. */
export const QUEUES = [
  { Id: '00G000000000P01', Name: 'Partner Queue' },
  { Id: '00G000000000I01', Name: 'Inquiry Queue' },
];

export const PARTNER_QUEUE = { kind: 'queue', id: '00G000000000P01', name: 'Partner Queue' } as const;
export const INQUIRY_QUEUE = { kind: 'queue', id: '00G000000000I01', name: 'Inquiry Queue' } as const;

/** A channel partner account (the default partner of {@link partnerLead}). */
export const CHANNEL_PARTNER = { Id: '001000000000P01', Name: 'Channel Co', Type: 'Partner', Partner_Type__c: 'Channel' };
export const ALLIANCE_PARTNER = { Id: '001000000000P02', Name: 'Alliance Co', Type: 'Partner', Partner_Type__c: 'Alliance' };
export const DISTRIBUTOR_PARTNER = { Id: '001000000000P03', Name: 'Distri Co', Type: 'Partner', Partner_Type__c: 'Distributor' };

/** A new MQL from the US with no owner, no campaign and no matched account. */
export function basePerson(): Record<string, unknown> {
  return {
    Id: '00Q000000000001',
    LastName: 'Lovelace',
    Company: 'Analytical Engines',
    Email: 'ada@engines.example',
    CountryCode: 'US',
    Status: 'MQL',
    OwnerId: null,
    Lead_Acquisition_Source__c: 'Inbound',
    Impartner_Partner_Account__c: null,
    Partner_Recalled__c: false,
    Partner_Recalled_Date__c: null,
    Actively_Being_Sequenced__c: false,
    High_Priority__c: false,
    Rerun_Routing__c: false,
  };
}

/** A routing context: the base person with `person` merged in, the fixture users and queues, and the rest given. */
export function makeContext(parts: Partial<Omit<RoutingContext, 'person'>> & { person?: Record<string, unknown> } = {}): RoutingContext {
  const { person, ...rest } = parts;
  return { trigger: 'new', users: USERS, queues: QUEUES, ...rest, person: { ...basePerson(), ...person } };
}

/** A context for a lead registered with a partner: the partner account set on the person and in the context. */
export function partnerLead(
  parts: Partial<Omit<RoutingContext, 'person'>> & { person?: Record<string, unknown> } = {},
  partner: Record<string, unknown> = CHANNEL_PARTNER,
): RoutingContext {
  return makeContext({ ...parts, partnerAccount: partner, person: { Impartner_Partner_Account__c: partner['Id'], ...parts.person } });
}

/** A campaign record with the given fields. */
export function campaign(fields: Record<string, unknown>): Record<string, unknown> {
  return { Id: '701000000000C01', Name: 'Spring Webinar', Type: 'Webinar', MDF_Funding__c: 'No', Channel_Partner_Involved__c: 'No', ...fields };
}

/** A campaign member of {@link campaign} with the given status. */
export function member(Status: string): Record<string, unknown> {
  return { Id: '00v000000000M01', CampaignId: '701000000000C01', LeadId: '00Q000000000001', Status };
}
