import fc from 'fast-check';
import type { EntryPoint } from '../model/entryPointId.ts';
import type { PayloadOf } from '../entrypoints/registry.ts';
import { adVendorPayload } from './payloads/adVendorPayload.ts';
import { chatPayload } from './payloads/chatPayload.ts';
import { listUploadPayload } from './payloads/listUploadPayload.ts';
import { partnerPortalPayload } from './payloads/partnerPortalPayload.ts';
import { salesCreatedPayload } from './payloads/salesCreatedPayload.ts';
import { trialSignUpPayload } from './payloads/trialSignUpPayload.ts';
import { webFormPayload } from './payloads/webFormPayload.ts';
import { SAMPLE_WORLD_HINTS, type WorldHints } from './worldHints.ts';

const PAYLOAD_ARBITRARIES: { readonly [K in EntryPoint]: (world: WorldHints) => fc.Arbitrary<PayloadOf<K>> } = {
  'web-form': webFormPayload,
  chat: chatPayload,
  'ad-vendor': adVendorPayload,
  'list-upload': listUploadPayload,
  'sales-created': salesCreatedPayload,
  'partner-portal': partnerPortalPayload,
  'trial-sign-up': trialSignUpPayload,
};

/**
 * Vendor payloads of one entry point, in that vendor's shape and with that vendor's mess, about people drawn
 * from {@link personSeedArbitrary} and things in `world` (default: {@link SAMPLE_WORLD_HINTS}). Every value
 * passes the entry point's payload schema.
 */
export function payloadArbitrary<K extends EntryPoint>(entryPoint: K, world: WorldHints = SAMPLE_WORLD_HINTS): fc.Arbitrary<PayloadOf<K>> {
  return PAYLOAD_ARBITRARIES[entryPoint](world);
}
