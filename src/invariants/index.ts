/**
 * The invariant suite: checks every run must pass, each a pure function of the run record that returns its
 * violations with the person, the event and the evidence from the trace.
 */
export { INVARIANTS } from './allInvariants.ts';
export { checkInvariants, type CheckInvariantsOptions, type InvariantReport, type InvariantResult } from './checkInvariants.ts';
export { formatViolation, type FormatViolationOptions } from './formatViolation.ts';
export { defineInvariant, type EvidenceKind, type Invariant, type InvariantForms } from './invariant.ts';
export { INVARIANT_IDS, type InvariantId, type Violation } from './violation.ts';
export { noDuplicates, normalizedEmail } from './noDuplicates.ts';
export { oneProcess } from './oneProcess.ts';
export { partnerQueue, PARTNER_QUEUE_NAME } from './partnerQueue.ts';
export { partnerVerdict, PARTNER_STATUS_FIELDS, type PartnerFacts, type PartnerVerdict } from './partnerRules.ts';
export { countryBeforeCompliance } from './countryBeforeCompliance.ts';
export { everyPersonOwned } from './everyPersonOwned.ts';
export { noEventLost } from './noEventLost.ts';
export { redeliveryIdempotent } from './redeliveryIdempotent.ts';
export { roundRobinFair, roundRobinAssignments, type RoundRobinAssignment } from './roundRobinFair.ts';
export { updateNeverBlanks } from './updateNeverBlanks.ts';
export { freshRoutingData } from './freshRoutingData.ts';
export { livePeople, isEmptyValue, type PersonRecord } from './livePeople.ts';
export { pendingPeople, touchedPeople, type PendingPerson } from './pendingPeople.ts';
export { traceSegments, stepOf, tracesById } from './traceSegments.ts';
