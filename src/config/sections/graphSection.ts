import { z } from 'zod';

/** `graph`: the routing graph every command routes with unless given `--graph` (a path relative to the config). */
export const graphSection = {
  graph: z.string().min(1).default('scenarios/graphs/default.json').describe('The routing graph file (relative to this config): what simulate, check, replay, record and serve route with, diff\'s candidate, and what graph lint and graph show read by default.'),
};
