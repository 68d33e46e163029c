import { FaultPlanSchema } from '../../../mocks/faults/faultPlan.ts';

/** `faults`: the seeded fault profile of the simulated APIs (none by default). */
export const faultsSection = {
  faults: FaultPlanSchema.optional().describe('The fault profile simulate injects into the simulated APIs: probabilities of serverError, rateLimit, timeout and lostResponse per request, timeoutMs, systems. --fault-rate overrides it.'),
};
