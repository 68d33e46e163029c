/** The simulated Impartner PRM (modelled on public integration code, not vendor-verified); see `mocks/impartner`. */
export { Impartner, type ImpartnerOptions, type LeadRegisteredEvent, type PrmChangeSource, type PrmHistoryEntry } from './impartner.ts';
export type { PrmFieldDescription, PrmObjectDescription } from './prmDescribe.ts';
export { MAX_TAKE, type PrmListPage, type PrmListQuery } from './prmQuery.ts';
export { prmFailure, prmOk, type PrmErrorStatus, type PrmResult } from './prmResult.ts';
export { PRM_OBJECTS, PRM_SCHEMA, PROSPECT_LEAD_STATUSES, SHARE_STATUSES, prmField, prmObject, type PrmDataType, type PrmFieldSpec, type PrmObjectName } from './prmSchema.ts';
export { parsePrmDate, prmTime, type PrmRecord, type PrmValue } from './prmValues.ts';
export { findDuplicateProspect, normalizePrmEmail } from './prospectRules.ts';
export { compileThql, type ThqlPredicate } from './thqlFilter.ts';
