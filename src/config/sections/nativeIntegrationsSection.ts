import { NativeIntegrationsSchema } from '../../world/nativeIntegrations.ts';

/** `nativeIntegrations`: the vendor connectors that write to the CRM themselves (all off by default). */
export const nativeIntegrationsSection = {
  nativeIntegrations: NativeIntegrationsSchema.default({ marketo: false, impartner: false, chat: false }).describe('Native integrations that are on in your org (Marketo CRM sync, Impartner, the chat connector) for simulate and check; any one on breaks "one process", as it does in production.'),
};
