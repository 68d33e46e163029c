import { ApiError } from './apiError.ts';
import { callRecorded, type HttpClientOptions } from './httpClient.ts';

/** Options of {@link SalesforceClient}. */
export interface SalesforceClientOptions extends HttpClientOptions {
  /** e.g. `https://leadsim.my.salesforce.com` or the loopback origin. */
  readonly instanceUrl: string;
  readonly accessToken: string;
  /** API version, default `62.0`. */
  readonly version?: string;
  /** Names the process in the CRM's field history (sent as `X-Leadsim-Workflow`; real orgs ignore it). */
  readonly workflow?: string;
}

/** A save result of the collections API, in input order. */
export type SaveResult =
  | { readonly success: true; readonly id: string }
  | { readonly success: false; readonly errors: readonly { statusCode: string; message: string; fields: readonly string[] }[] };

/**
 * The Salesforce REST calls the pipeline makes, over any transport. Errors become {@link ApiError} with the
 * Salesforce `errorCode` as `vendorCode` and the raw error array as `body`.
 */
export class SalesforceClient {
  readonly #o: SalesforceClientOptions;
  readonly #base: string;
  workflow: string | undefined;

  constructor(options: SalesforceClientOptions) {
    this.#o = options;
    this.#base = `${options.instanceUrl}/services/data/v${options.version ?? '62.0'}`;
    this.workflow = options.workflow;
  }

  /** Runs a SOQL query and follows `nextRecordsUrl` until done. */
  async query<T = Record<string, unknown>>(soql: string): Promise<T[]> {
    let body = (await this.#call('query', 'GET', `/query?q=${encodeURIComponent(soql)}`)) as QueryPage<T>;
    const records = [...body.records];
    while (!body.done && body.nextRecordsUrl) {
      const locator = body.nextRecordsUrl.slice(body.nextRecordsUrl.lastIndexOf('/') + 1);
      body = (await this.#call('query', 'GET', `/query/${locator}`)) as QueryPage<T>;
      records.push(...body.records);
    }
    return records;
  }

  /** Runs several SOQL queries in one `/composite` request (first page of each). */
  async queryAll<T = Record<string, unknown>>(soqls: readonly string[]): Promise<T[][]> {
    const version = this.#base.slice(this.#base.lastIndexOf('/v') + 1);
    const body = (await this.#call('query', 'POST', '/composite', {
      allOrNone: false,
      compositeRequest: soqls.map((q, i) => ({ method: 'GET', url: `/services/data/${version}/query?q=${encodeURIComponent(q)}`, referenceId: `q${i}` })),
    })) as { compositeResponse: { body: unknown; httpStatusCode: number }[] };
    return body.compositeResponse.map((sub) => {
      if (sub.httpStatusCode >= 400) throw this.#error('query', sub.httpStatusCode, sub.body);
      return (sub.body as QueryPage<T>).records;
    });
  }

  /** Creates one record and returns its id. */
  async create(type: string, fields: Record<string, unknown>): Promise<string> {
    const body = (await this.#call(`create ${type}`, 'POST', `/sobjects/${type}`, fields)) as { id: string };
    return body.id;
  }

  /**
   * Updates fields of one record. The pipeline's writes never run Salesforce assignment rules (`Sforce-Auto-Assign:
   * FALSE`) unless `autoAssign` asks for the active rule (`TRUE`).
   */
  async update(type: string, id: string, fields: Record<string, unknown>, options: { readonly autoAssign?: boolean } = {}): Promise<void> {
    await this.#call(`update ${type} ${id}`, 'PATCH', `/sobjects/${type}/${id}`, fields, options.autoAssign === true ? 'TRUE' : 'FALSE');
  }

  /** Reads one record, or undefined when it does not exist. */
  async retrieve(type: string, id: string, fields?: readonly string[]): Promise<Record<string, unknown> | undefined> {
    try {
      return (await this.#call(`retrieve ${type} ${id}`, 'GET', `/sobjects/${type}/${id}${fields ? `?fields=${fields.join(',')}` : ''}`)) as Record<string, unknown>;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return undefined;
      throw error;
    }
  }

  /** Creates up to 200 records with the collections API; results in input order. */
  async createMany(type: string, records: readonly Record<string, unknown>[], allOrNone = false): Promise<SaveResult[]> {
    return (await this.#call(`create ${type} collection`, 'POST', '/composite/sobjects', {
      allOrNone,
      records: records.map((r) => ({ attributes: { type }, ...r })),
    })) as SaveResult[];
  }

  /** Updates up to 200 records (each with `Id`) with the collections API; results in input order. */
  async updateMany(type: string, records: readonly ({ Id: string } & Record<string, unknown>)[], allOrNone = false): Promise<SaveResult[]> {
    return (await this.#call(`update ${type} collection`, 'PATCH', '/composite/sobjects', {
      allOrNone,
      records: records.map((r) => ({ attributes: { type }, ...r })),
    })) as SaveResult[];
  }

  async #call(action: string, method: string, path: string, body?: unknown, autoAssign: 'TRUE' | 'FALSE' = 'FALSE'): Promise<unknown> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.#o.accessToken}`, 'Sforce-Auto-Assign': autoAssign };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.workflow) headers['X-Leadsim-Workflow'] = this.workflow;
    const response = await callRecorded(this.#o, action, { system: 'salesforce', method, url: this.#base + path, headers, ...(body !== undefined ? { body } : {}) });
    if (response.status >= 400) throw this.#error(action, response.status, response.body);
    return response.body;
  }

  #error(action: string, status: number, body: unknown): ApiError {
    const first = Array.isArray(body) ? (body[0] as { errorCode?: string; message?: string } | undefined) : undefined;
    const vendorCode = first?.errorCode ?? `HTTP_${status}`;
    const retryable = status >= 500 || status === 420 || status === 429 || vendorCode === 'REQUEST_LIMIT_EXCEEDED';
    return new ApiError({ system: 'salesforce', action, status, vendorCode, message: first?.message ?? '', retryable, body });
  }
}

interface QueryPage<T> {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: T[];
}
