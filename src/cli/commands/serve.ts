import { z } from 'zod';
import { loadDefaultGraph, loadGraph } from '../../routing/index.ts';
import { CLOCK_MODES } from '../../server/serveClock.ts';
import { startServe } from '../../server/startServe.ts';
import { DUPLICATE_RULE_ACTIONS } from '../../systems/crm/orgSettings.ts';
import { intOption, parseOptions, seedOption } from '../options.ts';
import type { ConfigureCommand } from './index.ts';

const ServeOptionsSchema = z.strictObject({
  port: intOption(0, 65535).default(0),
  seed: seedOption.default(42),
  graph: z.string().optional(),
  clock: z.enum(CLOCK_MODES).default('wall'),
  https: z.boolean().default(false),
  duplicateRule: z.enum(DUPLICATE_RULE_ACTIONS).default('block'),
  stateCountryPicklists: z.boolean().default(false),
});

/**
 * `leadsim serve`: every simulated API and the admin API on one loopback port (src/server/startServe.ts). The first
 * stdout line is one JSON object with the endpoints and credentials; each processed event is logged on stderr.
 * Stops cleanly on SIGINT or SIGTERM.
 */
export const configureServe: ConfigureCommand = (command) => {
  command
    .option('--port <n>', 'port on 127.0.0.1 (0 picks a free one)', '0')
    .option('--seed <n>', 'seed of the generated org', '42')
    .option('--graph <file>', 'routing graph for events posted to the intake')
    .option('--clock <mode>', 'wall: simulated time follows the wall clock from the seeded start; manual: moves only through the admin API', 'wall')
    .option('--https', 'serve HTTPS with a certificate generated at start (the CA file is printed)')
    .option('--duplicate-rule <action>', 'what the Lead and Contact duplicate rules do: block, alert (allowSave=true saves) or off', 'block')
    .option('--state-country-picklists', 'turn on State and Country/Territory Picklists in the org')
    .action(async (raw: Record<string, unknown>) => {
      const o = parseOptions(ServeOptionsSchema, { https: false, stateCountryPicklists: false, ...raw }, 'serve');
      const graph = o.graph ? loadGraph(o.graph) : loadDefaultGraph();
      const serve = await startServe({
        seed: o.seed,
        graph,
        port: o.port,
        clock: o.clock,
        https: o.https,
        orgSettings: { duplicateRules: { Lead: o.duplicateRule, Contact: o.duplicateRule }, stateAndCountryPicklists: o.stateCountryPicklists },
        onTrace: (trace) => process.stderr.write(`${trace.eventId} ${trace.entryPoint}: ${trace.outcome?.kind}${trace.routedTo ? ` → ${trace.routedTo.name}` : ''}\n`),
      });
      process.stdout.write(JSON.stringify(serve.info) + '\n');
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await serve.close();
    });
};
