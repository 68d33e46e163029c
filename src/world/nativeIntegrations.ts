import { z } from 'zod';

/**
 * "Native integrations": vendor connectors that write leads straight into the CRM, bypassing the pipeline. They
 * exist in the simulation as switches, all off by default; turning one on must make the "one process" invariant
 * fail, because the leads it creates were never processed by the pipeline.
 */
export const NativeIntegrationsSchema = z.strictObject({
  /** Marketo's native CRM sync creates a lead for every form fill. */
  marketo: z.boolean().default(false),
  /** Impartner writes partner-registered leads to the CRM itself. */
  impartner: z.boolean().default(false),
  /** The chat tool's CRM connector creates a lead for every captured chat. */
  chat: z.boolean().default(false),
});
export type NativeIntegrations = z.infer<typeof NativeIntegrationsSchema>;

/** The CRM users the native connectors write as (no sales role, so their leads never look sales-created). */
export const NATIVE_SYNC_USERS = {
  marketo: { LastName: 'Marketo Sync', Email: 'marketo-sync@leadsim.test' },
  impartner: { LastName: 'Impartner Sync', Email: 'impartner-sync@leadsim.test' },
  chat: { LastName: 'Chat Connector', Email: 'chat-connector@leadsim.test' },
} as const satisfies Record<keyof NativeIntegrations, { LastName: string; Email: string }>;
