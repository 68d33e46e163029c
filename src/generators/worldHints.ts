import type { Region } from '../systems/crm/schema.ts';
import type { WitnessHint } from './graph/witnessHints.ts';

/**
 * How a campaign involves a partner (DOMAIN.md routing rules 1-3): a partner-sponsored event (rule 1), an MDF
 * campaign or a "Partner - Trial" campaign (rule 2), a joint campaign with a partner involved (rule 3), or none.
 */
export type CampaignPartnerKind = 'none' | 'sponsored-event' | 'mdf' | 'trial' | 'joint';

/** A campaign generated payloads may name. */
export interface CampaignHint {
  readonly id: string;
  readonly name: string;
  readonly partnerKind: CampaignPartnerKind;
  /** The partner's CRM Account id when the campaign belongs to a partner. */
  readonly partnerAccountId?: string;
}

/** A partner account generated partner leads may name. */
export interface PartnerAccountHint {
  readonly id: string;
  readonly name: string;
  readonly partnerType: 'Channel' | 'Distributor' | 'Alliance';
  /** The partner's portal users; generated when absent. */
  readonly partnerUserIds?: readonly string[];
}

/** A CRM user who creates leads by hand (sales-created owners). */
export interface SalesUserHint {
  readonly id: string;
  readonly name: string;
  readonly region: Region;
  readonly role: 'SDR' | 'BDR' | 'AE';
}

/**
 * What generators may know about the simulated world, as plain data, so generated payloads reference real
 * campaigns, partners, account domains and people: the seeded world builder fills it in from the CRM it built.
 */
export interface WorldHints {
  readonly campaigns: readonly CampaignHint[];
  readonly partnerAccounts: readonly PartnerAccountHint[];
  /** Websites of existing accounts, bare domains ("acme.com"): emails at these domains match an account. */
  readonly accountDomains: readonly string[];
  /** Emails of existing leads and contacts, as stored: reused (messed up) to make duplicates. */
  readonly existingEmails: readonly string[];
  readonly salesUsers: readonly SalesUserHint[];
  /** How traffic reaches each routing witness of the graph under test (graph-aware generation; see `graphAwareOrg`). */
  readonly witnesses?: readonly WitnessHint[];
}

/** Hints for a world with nothing in it: payloads then name made-up campaigns, partners and reps. */
export const EMPTY_WORLD_HINTS: WorldHints = { campaigns: [], partnerAccounts: [], accountDomains: [], existingEmails: [], salesUsers: [] };

/** A small, fixed world for tests and examples: one campaign of each partner kind, three partners, four reps. */
export const SAMPLE_WORLD_HINTS: WorldHints = {
  campaigns: [
    { id: '701000000000001AAA', name: 'Webinar - Q1 Product Launch', partnerKind: 'none' },
    { id: '701000000000002AAA', name: 'Trade Show - RevOps Summit', partnerKind: 'none' },
    { id: '701000000000003AAA', name: 'Partner Event - Acme Roadshow', partnerKind: 'sponsored-event', partnerAccountId: '001000000000001AAA' },
    { id: '701000000000004AAA', name: 'MDF - Globex Lunch & Learn', partnerKind: 'mdf', partnerAccountId: '001000000000002AAA' },
    { id: '701000000000005AAA', name: 'Partner - Trial - Acme', partnerKind: 'trial', partnerAccountId: '001000000000001AAA' },
    { id: '701000000000006AAA', name: 'Joint Webinar - Initech', partnerKind: 'joint', partnerAccountId: '001000000000003AAA' },
  ],
  partnerAccounts: [
    { id: '001000000000001AAA', name: 'Acme Channel Partners', partnerType: 'Channel' },
    { id: '001000000000002AAA', name: 'Globex Distribution', partnerType: 'Distributor' },
    { id: '001000000000003AAA', name: 'Initech Cloud', partnerType: 'Alliance' },
  ],
  accountDomains: ['umbrella.example', 'hooli.example', 'stark.example', 'wayne.example'],
  existingEmails: ['known.lead@umbrella.example', 'contact@hooli.example'],
  salesUsers: [
    { id: '005000000000001AAA', name: 'Sam Rivera', region: 'AMER', role: 'SDR' },
    { id: '005000000000002AAA', name: 'Lena Vogel', region: 'EMEA', role: 'SDR' },
    { id: '005000000000003AAA', name: 'Kenji Mori', region: 'APJ', role: 'BDR' },
    { id: '005000000000004AAA', name: 'Alex Chen', region: 'AMER', role: 'AE' },
  ],
};
