// Builders for the shipped scenarios' inbound events: realistic vendor payloads with only what each case needs.

/** Fields of a person as a vendor might send them. */
export interface Who {
  email: string;
  first?: string;
  last?: string;
  company?: string;
  country?: string;
  optIn?: boolean;
}

export const webForm = (id: string, who: Who, extra: { programName?: string; offerType?: string; formId?: number } = {}) => ({
  kind: 'inbound' as const,
  id,
  entryPoint: 'web-form',
  payload: {
    formId: extra.formId ?? 1001,
    leadFormFields: { email: who.email, ...(who.first ? { firstName: who.first } : {}), ...(who.last ? { lastName: who.last } : {}), ...(who.company ? { company: who.company } : {}), ...(who.country ? { country: who.country } : {}), ...(who.optIn !== undefined ? { emailOptIn: who.optIn } : {}), ...(extra.offerType ? { offerType: extra.offerType } : {}) },
    visitorData: { pageURL: 'https://www.leadsim-corp.test/demo' },
    ...(extra.programName ? { programName: extra.programName } : {}),
  },
});

export const chat = (id: string, who: Who, campaign?: string) => ({
  kind: 'inbound' as const,
  id,
  entryPoint: 'chat',
  payload: { type: 'conversation.lead_captured', data: { conversationId: id, contact: { email: who.email, name: [who.first, who.last].filter(Boolean).join(' '), attributes: { ...(who.company ? { company: who.company } : {}), ...(who.country ? { country_name: who.country } : {}) } }, ...(campaign ? { campaign } : {}) } },
});

export const adVendor = (id: string, who: Who, campaign: string) => ({
  kind: 'inbound' as const,
  id,
  entryPoint: 'ad-vendor',
  payload: {
    platform: 'linkedin',
    form_id: '100019',
    campaign_name: campaign,
    field_data: [
      { name: 'email', values: [who.email] },
      { name: 'full_name', values: [[who.first, who.last].filter(Boolean).join(' ')] },
      ...(who.company ? [{ name: 'company_name', values: [who.company] }] : []),
      ...(who.country ? [{ name: 'country', values: [who.country] }] : []),
    ],
    created_time: '2026-01-05T08:55:00.000Z',
  },
});

export const listUpload = (id: string, who: Who, campaign: string, memberStatus: string, extra: { partnerAccountId?: string; line?: number } = {}) => ({
  kind: 'inbound' as const,
  id,
  entryPoint: 'list-upload',
  payload: {
    file: 'event-attendees.csv',
    line: extra.line ?? 2,
    campaign,
    memberStatus,
    ...(extra.partnerAccountId ? { partnerAccountId: extra.partnerAccountId } : {}),
    row: { Email: who.email, 'First Name': who.first ?? '', 'Last Name': who.last ?? '', Company: who.company ?? '', Country: who.country ?? '', Consent: who.optIn ? 'Opt-in' : '' },
  },
});

export const salesCreated = (id: string, who: Who, rep: string) => ({
  kind: 'inbound' as const,
  id,
  entryPoint: 'sales-created',
  payload: {
    ChangeEventHeader: { entityName: 'Lead', changeType: 'CREATE', recordIds: ['00Q000000000000AAA'], commitUser: `@user:${rep}`, commitTimestamp: 0 },
    Email: who.email,
    ...(who.first ? { FirstName: who.first } : {}),
    LastName: who.last ?? 'Unknown',
    Company: who.company ?? '[not provided]',
    ...(who.country ? { Country: who.country } : {}),
    OwnerId: `@user:${rep}`,
  },
});

export const partnerPortal = (id: string, who: Who, partnerAccount: string, partnerUserEmail: string, campaign?: string) => ({
  kind: 'inbound' as const,
  id,
  entryPoint: 'partner-portal',
  payload: {
    FirstName: who.first,
    LastName: who.last,
    Email: who.email,
    Company: who.company,
    Country: who.country,
    PartnerAccountId: `@account:${partnerAccount}`,
    PartnerUserId: partnerUserEmail,
    ...(campaign ? { CampaignCrmId: `@campaign:${campaign}` } : {}),
  },
});

export const trialSignUp = (id: string, who: Who, referral?: { campaign?: string; partnerAccount?: string }) => ({
  kind: 'inbound' as const,
  id,
  entryPoint: 'trial-sign-up',
  payload: {
    event: 'trial.started',
    user: { id: `usr_${id}`, email: who.email, full_name: [who.first, who.last].filter(Boolean).join(' '), ...(who.company ? { company: who.company } : {}), ...(who.country ? { country_code: who.country } : {}), ...(who.optIn !== undefined ? { marketing_opt_in: who.optIn } : {}) },
    plan: 'team',
    started_at: '2026-01-05T09:00:00.000Z',
    ...(referral ? { referral: { ...(referral.campaign ? { campaign: referral.campaign } : {}), ...(referral.partnerAccount ? { partner_account_id: `@account:${referral.partnerAccount}` } : {}) } } : {}),
  },
});
