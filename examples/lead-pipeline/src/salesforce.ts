import { Connection } from 'jsforce';
import type { PipelineEnv } from './env.ts';

const connections = new Map<number, Connection>();

/** Our Salesforce connection: the integration user's session from the environment (one per environment). */
export function salesforce(env: PipelineEnv): Connection {
  let conn = connections.get(env.world);
  if (!conn) {
    conn = new Connection({ instanceUrl: env.salesforce.instanceUrl, accessToken: env.salesforce.accessToken, version: env.salesforce.version });
    connections.set(env.world, conn);
  }
  return conn;
}

/** Salesforce's answer to a failed call, as jsforce throws it. */
interface SalesforceError {
  readonly errorCode?: string;
  readonly name?: string;
  readonly message?: string;
  readonly data?: unknown;
}

/** No answer (a dropped connection, a timeout) or Salesforce busy: worth trying again. */
export function isTransient(error: unknown): boolean {
  const e = error as SalesforceError;
  if (e.errorCode === undefined) return true;
  return ['SERVER_UNAVAILABLE', 'REQUEST_LIMIT_EXCEEDED', 'UNABLE_TO_LOCK_ROW'].includes(e.errorCode) || /^5\d\d$/.test(e.errorCode) || e.errorCode === 'ERROR_HTTP_503';
}

/**
 * Runs a call, trying it again (up to 4 tries) when the answer never came or Salesforce was busy. Only for calls
 * that are safe to repeat: reads, updates with the same values. Creates go through `createOnce`.
 */
export async function withRetries<T>(call: () => Promise<T>, tries = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= tries || !isTransient(error)) throw error;
    }
  }
}

/** A value as a SOQL string literal. */
export function soql(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Every record a query returns (all pages). */
export async function queryAll<T extends Record<string, unknown>>(conn: Connection, query: string): Promise<T[]> {
  const result = await withRetries(async () => conn.query<T>(query, { autoFetch: true, maxFetch: 10_000 }).run());
  return result.records as T[];
}

/** Updates one record (the same update twice does no harm). */
export async function update(conn: Connection, type: string, id: string, fields: Record<string, unknown>): Promise<void> {
  if (Object.keys(fields).length === 0) return;
  await withRetries(async () => {
    const result = await conn.sobject(type).update({ Id: id, ...fields });
    assertSaved(result, `update ${type} ${id}`);
  });
}

/** Fails unless a save result says success. */
export function assertSaved(result: unknown, what: string): void {
  const r = result as { success?: boolean; errors?: unknown[] };
  if (r.success === false) throw new Error(`Salesforce refused to ${what}: ${JSON.stringify(r.errors)}`);
}
