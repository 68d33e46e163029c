/** What leadsim (or production config) gives the pipeline: where each system is and how to sign in. */
export interface PipelineEnv {
  readonly salesforce: { readonly instanceUrl: string; readonly accessToken: string; readonly version: string };
  readonly marketo: { readonly baseUrl: string; readonly identityUrl: string; readonly clientId: string; readonly clientSecret: string };
  readonly impartner: { readonly baseUrl: string; readonly apiKey: string; readonly tenantId: string };
  /** Changes whenever the systems behind the environment start afresh: our caches are kept per world. */
  readonly world: number;
}

/** One delivery from a webhook. */
export interface Delivery {
  readonly id: string;
  readonly entryPoint: string;
  readonly payload: Record<string, unknown>;
  readonly receivedAt: string;
}
