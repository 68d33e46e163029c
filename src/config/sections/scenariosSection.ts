import { z } from 'zod';

/** `scenarios`: the scenario files or folders `leadsim replay` and `leadsim diff` run when given no paths. */
export const scenariosSection = {
  scenarios: z.array(z.string().min(1)).min(1).default(['scenarios']).describe('Scenario files or folders of them (relative to this config) that replay and diff run when given no paths.'),
};
