import { ApiError } from './apiError.ts';
import { callRecorded, type HttpClientOptions } from './httpClient.ts';

/** Options of {@link ImpartnerClient}. */
export interface ImpartnerClientOptions extends HttpClientOptions {
  /** e.g. `https://prod.impartner.live` (the objects API lives under `/api/objects/v1`). */
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly tenantId: string;
}

/**
 * The Impartner objects-API calls the pipeline makes (modelled on public integration code, not vendor-verified):
 * list with a THQL filter, create (PUT), update (PATCH).
 */
export class ImpartnerClient {
  readonly #o: ImpartnerClientOptions;

  constructor(options: ImpartnerClientOptions) {
    this.#o = options;
  }

  /** Records of `object` matching a THQL `filter`. */
  async list(object: string, filter: string, fields?: readonly string[]): Promise<Record<string, unknown>[]> {
    const q = new URLSearchParams({ filter, take: '100' });
    if (fields) q.set('fields', fields.join(','));
    const data = (await this.#call(`list ${object}`, 'GET', `/${object}?${q}`)) as { results: Record<string, unknown>[] };
    return data.results;
  }

  /** Creates a record and returns it (with its `Id`). */
  async create(object: string, fields: Record<string, unknown>): Promise<Record<string, unknown>> {
    return (await this.#call(`create ${object}`, 'PUT', `/${object}`, fields)) as Record<string, unknown>;
  }

  /** Updates a record; `fields` carries `Id`. */
  async update(object: string, fields: { Id: number | string } & Record<string, unknown>): Promise<Record<string, unknown>> {
    return (await this.#call(`update ${object}`, 'PATCH', `/${object}`, fields)) as Record<string, unknown>;
  }

  async #call(action: string, method: string, path: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = { Authorization: `prm-key ${this.#o.apiKey}`, 'X-PRM-TenantId': this.#o.tenantId };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await callRecorded(this.#o, action, { system: 'impartner', method, url: `${this.#o.baseUrl}/api/objects/v1${path}`, headers, ...(body !== undefined ? { body } : {}) });
    const envelope = response.body as { success?: boolean; data?: unknown; message?: string } | undefined;
    if (response.status >= 400 || !envelope?.success) {
      throw new ApiError({
        system: 'impartner',
        action,
        status: response.status,
        vendorCode: `HTTP_${response.status}`,
        message: envelope?.message ?? 'request failed',
        retryable: response.status >= 500 || response.status === 429,
        body: envelope,
      });
    }
    return envelope.data;
  }
}
