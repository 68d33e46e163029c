/**
 * The origins the simulated vendors answer on in process, and the credentials every way in accepts. The loopback
 * server serves all of them on one origin instead.
 */
export const SIM_ORIGINS = {
  salesforce: 'https://leadsim.my.salesforce.com',
  marketo: 'https://123-SIM-456.mktorest.com',
  impartner: 'https://prod.impartner.live',
  intake: 'https://hooks.leadsim.test',
} as const;

/**
 * The consumer key and secret of the simulated org's connected app: the OAuth token endpoint checks them for every
 * grant but the JWT bearer one (whose assertion is not verified), as Salesforce does.
 */
export const SALESFORCE_CLIENT = { clientId: '3MVG9leadsim.SimulatedConnectedApp', clientSecret: 'leadsim-sf-secret' } as const;

/** Marketo client credentials of the simulated instance. */
export const MARKETO_CLIENT = { clientId: 'leadsim-client', clientSecret: 'leadsim-secret' } as const;

/** Impartner API key and tenant of the simulated portal. */
export const IMPARTNER_KEY = { apiKey: 'leadsim-prm-key', tenantId: '1001' } as const;
