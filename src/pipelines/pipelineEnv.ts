import { IMPARTNER_KEY, MARKETO_CLIENT } from '../world/credentials.ts';
import type { World } from '../world/world.ts';
import type { PipelineEnv } from './pipelineContract.ts';

/** Where each simulated system answers: the simulated vendors' own hosts in process, one loopback origin outside. */
export interface SystemOrigins {
  readonly salesforce: string;
  readonly marketo: string;
  readonly impartner: string;
  readonly intake: string;
}

/** The Salesforce API version the environment names (any `vNN.N` is served the same way). */
export const ENV_SALESFORCE_VERSION = '62.0';

/**
 * The environment a pipeline gets for a world reached at `origins`: the integration user's access token and
 * username (the pipeline's own credential: what it writes counts as the pipeline's), Marketo's client credentials,
 * Impartner's key, and the world's number.
 */
export function pipelineEnv(world: Pick<World, 'salesforceToken' | 'seed' | 'crm'>, origins: SystemOrigins, worldNumber: number): PipelineEnv {
  const username = String(world.crm.get('User', world.crm.integrationUserId)?.['Username'] ?? '');
  return {
    salesforce: { instanceUrl: origins.salesforce, loginUrl: origins.salesforce, accessToken: world.salesforceToken, version: ENV_SALESFORCE_VERSION, username },
    marketo: { baseUrl: `${origins.marketo}/rest`, identityUrl: `${origins.marketo}/identity`, ...MARKETO_CLIENT },
    impartner: { baseUrl: origins.impartner, ...IMPARTNER_KEY },
    intake: { url: `${origins.intake}/intake/{entryPoint}` },
    seed: world.seed,
    world: worldNumber,
  };
}
