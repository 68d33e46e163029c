import { parsePayload, transformPayload } from '../entrypoints/registry.ts';
import type { Consent } from '../model/person.ts';
import { standardizeCountry } from '../standardize/country.ts';
import { standardizeEmail } from '../standardize/email.ts';
import { CAMPAIGN_MEMBER_STATUSES } from '../systems/crm/schema.ts';
import type { Delivery } from './deliveryLog.ts';

/**
 * What a delivery says, as leadsim reads its own entry points' payloads (the same transform and standardization the
 * reference pipeline runs): the evidence forms of the invariants judge any pipeline against this reading, never
 * against its code. Fields are undefined when the payload does not say.
 */
export interface DeliveryReading {
  /** The payload fits its entry point's format. */
  readonly parsed: boolean;
  /** The email standardized (trimmed, lower-cased, spaces around `@` dropped) when it is a valid address. */
  readonly email: string | undefined;
  /** The country as sent (the person's, else the company's). */
  readonly rawCountry: string | undefined;
  /** The ISO 3166-1 alpha-2 code the country standardizes to, when it does. */
  readonly country: string | undefined;
  /**
   * The consents a pipeline may reasonably read from the payload: the stated one, and for an opt-out also
   * `unknown` (an unticked box or a "No" may be read as "not given").
   */
  readonly consents: readonly Consent[];
  /** The campaign the touch names: a CRM Campaign id or a campaign name. */
  readonly campaign: string | undefined;
  /** The campaign member status the touch gives (a valid picklist value, else `Responded`). */
  readonly memberStatus: string;
  /** The partner's CRM Account id, when the payload names one. */
  readonly partnerAccount: string | undefined;
  /** `Lead_Acquisition_Source__c` as the payload states it. */
  readonly acquisitionSource: string | undefined;
  /** For a sales-created delivery: the CRM Lead ids the change event is about. */
  readonly recordIds: readonly string[];
}

/**
 * leadsim's reading of a delivery, made anew each call (it parses the payload): the invariants read each delivery once
 * per check through `RunEvidence.readingOf`, so no reading outlives the check (a cache per delivery lived as long as
 * the run, a few hundred bytes a delivery).
 */
export function readDelivery(delivery: Delivery): DeliveryReading {
  return read(delivery);
}

const UNREAD: DeliveryReading = { parsed: false, email: undefined, rawCountry: undefined, country: undefined, consents: ['unknown'], campaign: undefined, memberStatus: 'Responded', partnerAccount: undefined, acquisitionSource: undefined, recordIds: [] };

function read(delivery: Delivery): DeliveryReading {
  const parsed = parsePayload(delivery.entryPoint, delivery.payload);
  if (!parsed.ok) return UNREAD;
  const lead = transformPayload(parsed, delivery.receivedAt);
  const email = standardizeEmail(lead.person.email);
  const rawCountry = lead.person.country ?? lead.company.country;
  const country = rawCountry === undefined ? undefined : standardizeCountry(rawCountry);
  const consent = lead.person.consent ?? 'unknown';
  const a = lead.attribution;
  const status = a.memberStatus !== undefined && (CAMPAIGN_MEMBER_STATUSES as readonly string[]).includes(a.memberStatus) ? a.memberStatus : 'Responded';
  return {
    parsed: true,
    email: email.ok ? email.email : undefined,
    rawCountry,
    country: country?.ok ? country.code : undefined,
    consents: consent === 'opt-out' ? ['opt-out', 'unknown'] : [consent],
    campaign: a.campaign,
    memberStatus: status,
    partnerAccount: a.partnerAccount,
    acquisitionSource: a.acquisitionSource,
    recordIds: parsed.entryPoint === 'sales-created' ? parsed.payload.ChangeEventHeader.recordIds : [],
  };
}
