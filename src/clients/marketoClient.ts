import { ApiError } from './apiError.ts';
import { callRecorded, type HttpClientOptions } from './httpClient.ts';

/** Options of {@link MarketoClient}. */
export interface MarketoClientOptions extends HttpClientOptions {
  /** REST base ending in `/rest`, as node-marketo-rest expects. */
  readonly baseUrl: string;
  /** Identity base ending in `/identity`. */
  readonly identityUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/** One per-record result of a lead sync, in input order. */
export type MarketoSyncResult =
  | { readonly status: 'created' | 'updated'; readonly id: number }
  | { readonly status: 'skipped'; readonly reasons: readonly { code: string; message: string }[] };

const RETRYABLE = new Set(['604', '606', '608', '611', '614', '615']);

/**
 * The Marketo REST calls the pipeline makes. Gets and caches an identity token, refreshes it once on 601/602,
 * and turns envelope errors into {@link ApiError} with the Marketo code as `vendorCode`.
 */
export class MarketoClient {
  readonly #o: MarketoClientOptions;
  #token: string | undefined;

  constructor(options: MarketoClientOptions) {
    this.#o = options;
  }

  /** Creates or updates leads (≤ 300) looked up by `lookupField`. */
  async syncLeads(input: readonly Record<string, unknown>[], options: { action?: 'createOrUpdate' | 'createOnly' | 'updateOnly'; lookupField?: string } = {}): Promise<MarketoSyncResult[]> {
    const body = { action: options.action ?? 'createOrUpdate', lookupField: options.lookupField ?? 'email', input };
    return (await this.#call('sync leads', 'POST', '/v1/leads.json', body)) as MarketoSyncResult[];
  }

  /** Leads whose `filterType` field equals one of `values` (first page). */
  async findLeads(filterType: string, values: readonly string[], fields?: readonly string[]): Promise<Record<string, unknown>[]> {
    const q = new URLSearchParams({ filterType, filterValues: values.join(',') });
    if (fields) q.set('fields', fields.join(','));
    return (await this.#call('find leads', 'GET', `/v1/leads.json?${q}`)) as Record<string, unknown>[];
  }

  async #call(action: string, method: string, path: string, body?: unknown, retried = false): Promise<unknown> {
    const token = this.#token ?? (await this.#authenticate());
    const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await callRecorded(this.#o, action, { system: 'marketo', method, url: this.#o.baseUrl + path, headers, ...(body !== undefined ? { body } : {}) });
    const envelope = response.body as Envelope | undefined;
    if (response.status >= 400 || !envelope || typeof envelope !== 'object') {
      throw new ApiError({ system: 'marketo', action, status: response.status, vendorCode: `HTTP_${response.status}`, message: 'unexpected answer', retryable: response.status >= 500, body: envelope });
    }
    if (!envelope.success) {
      const error = envelope.errors?.[0] ?? { code: 'unknown', message: 'no error given' };
      if ((error.code === '601' || error.code === '602') && !retried) {
        this.#token = undefined;
        return this.#call(action, method, path, body, true);
      }
      throw new ApiError({ system: 'marketo', action, status: response.status, vendorCode: error.code, message: error.message, retryable: RETRYABLE.has(error.code), body: envelope });
    }
    return envelope.result ?? [];
  }

  async #authenticate(): Promise<string> {
    const q = new URLSearchParams({ grant_type: 'client_credentials', client_id: this.#o.clientId, client_secret: this.#o.clientSecret });
    const response = await callRecorded(this.#o, 'get an identity token', { system: 'marketo', method: 'GET', url: `${this.#o.identityUrl}/oauth/token?${q}`, headers: {} });
    const body = response.body as { access_token?: string; error_description?: string } | undefined;
    if (response.status !== 200 || !body?.access_token) {
      throw new ApiError({ system: 'marketo', action: 'get an identity token', status: response.status, vendorCode: `HTTP_${response.status}`, message: body?.error_description ?? 'no token', retryable: response.status >= 500, body });
    }
    this.#token = body.access_token;
    return body.access_token;
  }
}

interface Envelope {
  requestId: string;
  success: boolean;
  result?: unknown[];
  errors?: { code: string; message: string }[];
}
