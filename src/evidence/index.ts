/**
 * The evidence any pipeline leaves behind, which the invariants' evidence forms read: the systems' request log, the
 * deliveries made to the pipeline with its answers, leadsim's reading of each delivery, and the index over a run.
 */
export { DeliveryLog, type Delivery, type DeliveryAnswer, type Handling } from './deliveryLog.ts';
export { readDelivery, type DeliveryReading } from './deliveryReading.ts';
export { evidenceOf, sharedWhileReading, withEvidence, RunEvidence, type Change, type PersonRef } from './runEvidence.ts';
export { SystemRequestLog, LOGGED_SYSTEMS, type LoggedSystem, type SystemRequest } from './systemRequestLog.ts';
