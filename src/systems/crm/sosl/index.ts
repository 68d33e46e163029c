/** The simulated Salesforce's SOSL: `FIND {term} IN … FIELDS RETURNING …` and parameterized search, over a RecordSource. */
export { runSearch, runSearchRequest, type RunSearchOptions, type SearchResult } from './runSearch.ts';
export { parseSosl, type ReturningSpec, type SearchGroup, type SearchRequest } from './parseSosl.ts';
