import type { PipelineJob } from '../pipelineJob.ts';
import { attribution } from './attribution.ts';
import { compliance } from './compliance.ts';
import { matchAccount } from './matchAccount.ts';
import { qualify } from './qualify.ts';
import { route } from './route.ts';
import { searchExisting } from './searchExisting.ts';
import { standardize } from './standardize.ts';
import { sync } from './sync.ts';
import { transform } from './transform.ts';
import { upsertPerson } from './upsertPerson.ts';
import { validate } from './validate.ts';

export { attribution, compliance, matchAccount, qualify, route, searchExisting, standardize, sync, transform, upsertPerson, validate };

/** The jobs after intake, in the pipeline's one order (see PIPELINE_JOBS). */
export const DEFAULT_JOBS: readonly PipelineJob[] = [transform, standardize, validate, searchExisting, matchAccount, upsertPerson, attribution, compliance, qualify, route, sync];
