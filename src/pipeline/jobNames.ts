/**
 * The pipeline's jobs in their one order. Every inbound event, whatever its entry point, runs through these in
 * this order (a job may end the event early: validate rejects, a parked event stops where it failed).
 */
export const PIPELINE_JOBS = [
  'intake',
  'transform',
  'standardize',
  'validate',
  'searchExisting',
  'matchAccount',
  'upsertPerson',
  'attribution',
  'compliance',
  'qualify',
  'route',
  'sync',
] as const;

/** The name of one pipeline job. */
export type JobName = (typeof PIPELINE_JOBS)[number];
