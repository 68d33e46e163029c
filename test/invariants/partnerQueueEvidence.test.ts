import { describe, expect, test } from 'vitest';
import { checkInvariants } from '../../src/invariants/index.ts';
import { DEFAULT_JOBS } from '../../src/pipeline/jobs/index.ts';
import type { PipelineJob } from '../../src/pipeline/pipelineJob.ts';
import { simulate } from '../../src/simulation/simulate.ts';

/** The default route job, with what it read dropped from its trace: the owner is still decided and written. */
const routeWithoutEvidence: PipelineJob = {
  name: 'route',
  async run(work, ctx) {
    const route = DEFAULT_JOBS.find((j) => j.name === 'route')!;
    const result = await route.run(work, ctx);
    return { ...result, input: { trigger: 'new' } };
  },
};

describe('partner-queue cannot pass without its evidence', () => {
  test('a route step that records no person fails the invariant, naming what is missing', async () => {
    const jobs = DEFAULT_JOBS.map((j) => (j.name === 'route' ? routeWithoutEvidence : j));
    const run = await simulate({ seed: 1, leads: 20, jobs });
    const [result] = checkInvariants(run, { only: ['partner-queue'] }).results;
    expect(result!.ok).toBe(false);
    expect(result!.violations[0]!.message).toMatch(/^Event \S+: the route step gave an owner but recorded no `person` in its input, so the partner rules cannot be judged/);
    const sound = await simulate({ seed: 1, leads: 20 });
    expect(checkInvariants(sound, { only: ['partner-queue'] }).ok).toBe(true);
  });
});
