/** Marketing consent as a lead gave it. */
export type Consent = 'opt-in' | 'opt-out' | 'unknown';

/**
 * One inbound lead, whatever tool sent it: the values as the tool sent them (standardize.ts cleans them), the touch
 * (campaign, member status, offer) and, for partner and sales leads, who is behind it.
 */
export interface Lead {
  readonly email: string;
  readonly firstName?: string | undefined;
  readonly lastName?: string | undefined;
  readonly company?: string | undefined;
  readonly title?: string | undefined;
  readonly phone?: string | undefined;
  readonly website?: string | undefined;
  /** The country as typed: "Deutschland", " usa", "JPN". */
  readonly country?: string | undefined;
  readonly consent: Consent;
  /** The campaign: its Salesforce id (701…) or its name. */
  readonly campaign?: string | undefined;
  readonly memberStatus?: string | undefined;
  readonly offerType?: string | undefined;
  /** The partner's Salesforce Account id. */
  readonly partnerAccountId?: string | undefined;
  readonly acquisitionSource?: string | undefined;
  /** Sales-created: the lead the rep created, and the rep. */
  readonly leadId?: string | undefined;
  readonly repId?: string | undefined;
}

/** The CRM LeadSource of each entry point. */
export const LEAD_SOURCE: Readonly<Record<string, string>> = {
  'web-form': 'Web',
  chat: 'Chat',
  'ad-vendor': 'Advertisement',
  'list-upload': 'Event',
  'sales-created': 'Sales',
  'partner-portal': 'Partner Referral',
  'trial-sign-up': 'Trial',
};
