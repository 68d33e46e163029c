/** The simulated Salesforce's SOQL engine: parse (soql-parser-js), compile, and run queries over a RecordSource. */
export { runQuery, compileCached, type QueryResult, type RunQueryOptions } from './runQuery.ts';
export type { IndexedRecordSource } from './indexedRecordSource.ts';
export type { SoqlError, SoqlErrorCode } from './soqlError.ts';
