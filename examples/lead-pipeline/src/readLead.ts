import { type Consent, type Lead } from './lead.ts';

type Json = Record<string, any>;

/** A payload from a tool we do not know: we reject it (nothing to write). */
export class UnknownEntryPoint extends Error {}

/** What each tool's webhook means, field by field (the tools' own payload shapes). */
export function readLead(entryPoint: string, payload: Json): Lead {
  switch (entryPoint) {
    case 'web-form': {
      const f: Json = payload['leadFormFields'] ?? {};
      const offer = text(f['offerType']);
      return {
        email: String(f['email'] ?? ''),
        firstName: text(f['firstName']),
        lastName: text(f['lastName']),
        company: text(f['company']),
        title: text(f['title']),
        phone: text(f['phone']),
        website: text(f['website']),
        country: text(f['country']),
        consent: f['unsubscribed'] === true ? 'opt-out' : f['emailOptIn'] === true ? 'opt-in' : 'unknown',
        campaign: text(payload['programName']),
        offerType: offer,
        memberStatus: offer === 'Webinar' ? 'Registered' : 'Responded',
      };
    }
    case 'chat': {
      const c: Json = payload['data']?.['contact'] ?? {};
      const a: Json = c['attributes'] ?? {};
      return { email: String(c['email'] ?? ''), ...fullName(c['name']), company: text(a['company']), title: text(a['job_title']), phone: text(c['phone']), country: text(a['country_name']), consent: consent(a['email_opt_in']), campaign: text(payload['data']?.['campaign']), offerType: 'Chat', memberStatus: 'Responded' };
    }
    case 'ad-vendor': {
      const answer = (name: string) => text((payload['field_data'] as Json[] | undefined)?.find((f) => f['name'] === name)?.['values']?.[0]);
      const names = answer('full_name') !== undefined ? fullName(answer('full_name')) : { firstName: answer('first_name'), lastName: answer('last_name') };
      return { email: answer('email') ?? '', ...names, company: answer('company_name'), title: answer('job_title'), phone: answer('phone_number'), country: answer('country'), consent: consent(answer('marketing_consent')), campaign: text(payload['campaign_name']), offerType: 'Content', memberStatus: 'Responded' };
    }
    case 'list-upload': {
      const row: Json = payload['row'] ?? {};
      const partner = text(payload['partnerAccountId']);
      return {
        email: String(row['Email'] ?? ''),
        firstName: text(row['First Name']),
        lastName: text(row['Last Name']),
        company: text(row['Company']),
        title: text(row['Title']),
        phone: text(row['Phone']),
        country: text(row['Country']),
        consent: consent(row['Consent']),
        campaign: text(payload['campaign']),
        memberStatus: text(payload['memberStatus']),
        offerType: 'Event',
        partnerAccountId: partner,
        // A list a partner hands us comes from the event they sponsored.
        acquisitionSource: text(payload['acquisitionSource']) ?? (partner ? 'Partner Sponsored Event' : undefined),
      };
    }
    case 'sales-created':
      return { email: String(payload['Email'] ?? ''), firstName: text(payload['FirstName']), lastName: text(payload['LastName']), company: text(payload['Company']), title: text(payload['Title']), phone: text(payload['Phone']), website: text(payload['Website']), country: text(payload['Country']), consent: 'unknown', acquisitionSource: text(payload['Lead_Acquisition_Source__c']), leadId: payload['ChangeEventHeader']?.['recordIds']?.[0], repId: text(payload['OwnerId']) };
    case 'partner-portal':
      return { email: String(payload['Email'] ?? ''), firstName: text(payload['FirstName']), lastName: text(payload['LastName']), company: text(payload['Company']), title: text(payload['Title']), phone: text(payload['Phone']), country: text(payload['Country']), consent: consent(payload['MarketingOptIn']), campaign: text(payload['CampaignCrmId']), partnerAccountId: text(payload['PartnerAccountId']) };
    case 'trial-sign-up': {
      const u: Json = payload['user'] ?? {};
      return { email: String(u['email'] ?? ''), ...fullName(u['full_name']), company: text(u['company']), title: text(u['job_title']), phone: text(u['phone']), country: text(u['country_code']) ?? text(u['country']), consent: consent(u['marketing_opt_in']), campaign: text(payload['referral']?.['campaign']), partnerAccountId: text(payload['referral']?.['partner_account_id']), offerType: 'Free Trial', memberStatus: 'Responded' };
    }
    default:
      throw new UnknownEntryPoint(`unknown entry point ${JSON.stringify(entryPoint)}`);
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function fullName(value: unknown): { firstName?: string | undefined; lastName?: string | undefined } {
  const parts = (text(value) ?? '').trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return {};
  if (parts.length === 1) return { lastName: parts[0] };
  return { firstName: parts.slice(0, -1).join(' '), lastName: parts[parts.length - 1] };
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'opt-in', 'optin', 'opted in', 'ja', 'j', 'oui', 'si', 'sí']);
const NO = new Set(['no', 'n', 'false', '0', 'opt-out', 'optout', 'opted out', 'unsubscribed', 'nein', 'non']);

/** A checkbox or a "Yes"/"Ja"/"No" cell as consent. */
function consent(value: unknown): Consent {
  if (value === true) return 'opt-in';
  if (value === false) return 'opt-out';
  const v = String(value ?? '').trim().toLowerCase();
  return YES.has(v) ? 'opt-in' : NO.has(v) ? 'opt-out' : 'unknown';
}
