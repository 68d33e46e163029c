import fc from 'fast-check';
import type { AdVendorPayload } from '../../entrypoints/adVendor.ts';
import type { ChatPayload } from '../../entrypoints/chat.ts';
import type { ListUploadPayload } from '../../entrypoints/listUpload.ts';
import type { PartnerPortalPayload } from '../../entrypoints/partnerPortal.ts';
import type { ParsedPayload } from '../../entrypoints/registry.ts';
import { messyCountry, messyEmail, NOT_A_COUNTRY } from '../mess.ts';
import { payloadArbitrary } from '../payloadArbitrary.ts';
import type { WorldHints } from '../worldHints.ts';
import type { WitnessHint } from './witnessHints.ts';

/**
 * Inbound events that reach the world's routing witnesses (`hints.witnesses`): each drawn like any other payload of
 * its entry point (names, phones, consent and their mess), then given what the witness needs: the campaign and
 * member status, the partner, the acquisition source, the country (messy), the email of the person it engages (messy)
 * or a new person's email at the account's domain. Undefined when the world has no inbound witnesses.
 */
export function witnessEventArbitrary(world: WorldHints): fc.Arbitrary<ParsedPayload> | undefined {
  const plans = (world.witnesses ?? []).filter((w) => w.kind !== 'rerun');
  if (plans.length === 0) return undefined;
  return fc.constantFrom(...plans).chain((plan) => eventFor(plan, world));
}

function eventFor(plan: WitnessHint, world: WorldHints): fc.Arbitrary<ParsedPayload> {
  if (plan.kind === 'sales-created') return payloadArbitrary('sales-created', world).map((payload) => ({ entryPoint: 'sales-created', payload }) as ParsedPayload);
  const entryPoint = plan.entryPoint ?? 'chat';
  const country = plan.country === undefined ? fc.constant(undefined) : plan.country === null ? fc.constantFrom(...NOT_A_COUNTRY) : messyCountry(plan.country);
  return fc.tuple(payloadArbitrary(entryPoint, world), country, plan.email ? messyEmail(plan.email) : fc.constant(undefined)).map(([payload, countryText, email]) => {
    const mail = (generated: string) => email ?? (plan.domain ? `${generated.trim().split('@')[0] ?? 'someone'}@${plan.domain}` : generated);
    return { entryPoint, payload: retarget(entryPoint, payload, plan, mail, countryText) } as ParsedPayload;
  });
}

/** The payload with the witness's campaign, member status, partner, source, email and country in its vendor's shape. */
function retarget(entryPoint: string, payload: unknown, plan: WitnessHint, mail: (generated: string) => string, country: string | undefined): unknown {
  switch (entryPoint) {
    case 'list-upload': {
      const p = payload as ListUploadPayload;
      const { partnerAccountId: _p, acquisitionSource: _a, ...rest } = p;
      return {
        ...rest,
        campaign: plan.campaign ?? p.campaign,
        memberStatus: plan.memberStatus ?? p.memberStatus,
        ...(plan.partnerAccountId ? { partnerAccountId: plan.partnerAccountId } : {}),
        ...(plan.acquisitionSource ? { acquisitionSource: plan.acquisitionSource } : {}),
        row: { ...p.row, Email: mail(p.row.Email), Country: country ?? p.row.Country ?? '' },
      };
    }
    case 'partner-portal': {
      const p = payload as PartnerPortalPayload;
      const { CampaignCrmId: _c, Country: _country, ...rest } = p;
      return { ...rest, Email: mail(p.Email), ...(country ? { Country: country } : {}), PartnerAccountId: plan.partnerAccountId ?? p.PartnerAccountId, PartnerUserId: plan.partnerUserId ?? p.PartnerUserId };
    }
    case 'chat': {
      const p = payload as ChatPayload;
      const { campaign: _c, ...data } = p.data;
      const attributes = { ...p.data.contact.attributes, ...(country ? { country_name: country } : {}) };
      return { ...p, data: { ...data, contact: { ...p.data.contact, email: mail(p.data.contact.email), attributes } } };
    }
    default: {
      const p = payload as AdVendorPayload;
      const { campaign_name: _c, ...rest } = p;
      const answers = p.field_data.filter((f) => f.name !== 'country').map((f) => (f.name === 'email' ? { ...f, values: [mail(f.values[0] ?? '')] } : f));
      return { ...rest, field_data: country ? [...answers, { name: 'country', values: [country] }] : answers };
    }
  }
}
