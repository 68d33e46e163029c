/** The simulated Marketo (MAP): pure, in memory; see `mocks/marketo` for its REST face. */
export { Marketo, type MarketoOptions, type LeadFieldDescription, type PushLeadsRequest } from './marketo.ts';
export { ACTIVITY_TYPES, type Activity, type ActivityAttribute, type ActivityPageOptions } from './activityLog.ts';
export type { MarketoLimits } from './callLimiter.ts';
export { DEFAULT_LEAD_FIELDS, LEAD_FIELDS, leadField, type LeadFieldSpec, type MarketoDataType } from './leadFields.ts';
export { normalizeEmail, type LeadChangeSource, type LeadHistoryEntry, type LeadValue, type MarketoLead } from './leadDatabase.ts';
export { MARKETO_MESSAGES, marketoError, type MarketoError, type MarketoErrorCode, type MarketoResult } from './marketoError.ts';
export { TOKEN_LIFETIME_MS, type MarketoIdentityError, type MarketoTokenResponse } from './marketoIdentity.ts';
export { marketoTime } from './marketoTime.ts';
export { DEFAULT_PROGRAM_STATUSES, type MemberStatusResult, type Program, type ProgramMember, type ProgramOptions } from './programs.ts';
export type { ListMemberResult, StaticList } from './staticLists.ts';
export { submitFormRequestSchema, type FormFillEvent, type SubmitFormRequest, type VisitorData } from './submitForm.ts';
export { MAX_BATCH, SYNC_ACTIONS, SYNC_LOOKUP_FIELDS, syncLeadsRequestSchema, type SyncLeadResult, type SyncLeadsRequest } from './syncLeads.ts';
export type { FindLeadsPaging, LeadView } from './findLeads.ts';
