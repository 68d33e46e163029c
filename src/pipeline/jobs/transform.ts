import { transformPayload } from '../../entrypoints/registry.ts';
import type { PipelineJob } from '../pipelineJob.ts';

/** Turns the vendor payload into the standard objects (person, company, attribution, and owner when decided). */
export const transform: PipelineJob = {
  name: 'transform',
  async run(work) {
    work.lead = transformPayload(work.event, work.event.receivedAt);
    return { input: work.event.payload, output: structuredClone(work.lead) };
  },
};
