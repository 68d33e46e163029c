import { z } from 'zod';
import { loadDefaultGraph, loadGraph } from '../../routing/index.ts';
import { CLOCK_MODES } from '../../server/serveClock.ts';
import { startServe } from '../../server/startServe.ts';
import { DUPLICATE_RULE_ACTIONS } from '../../systems/crm/orgSettings.ts';
import { assertWritablePath } from '../../io/writeFileAtomic.ts';
import { readServeState } from '../../server/serveState.ts';
import { EXIT } from '../exitCodes.ts';
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
  state: z.string().optional(),
  drainTimeout: z.coerce.number().min(0).max(86_400).default(30),
});

/**
 * `leadsim serve`: every simulated API and the admin API on one loopback port (src/server/startServe.ts). The first
 * stdout line is one JSON object with the endpoints and credentials; each processed event is logged on stderr.
 * On SIGINT or SIGTERM it stops taking requests and finishes what it accepted (the queue, then parked events'
 * retries) within `--drain-timeout`; it saves the state to `--state` (from which the next start with the same
 * `--state` resumes), or, when accepted events are left unfinished, to a printed temp file. Exit 0 when every
 * accepted event was processed, 1 when some were not (saved, never dropped), 2 for a bad option or state file.
 */
export const configureServe: ConfigureCommand = (command, { setExit }) => {
  command
    .option('--port <n>', 'port on 127.0.0.1 (0 picks a free one)', '0')
    .option('--seed <n>', 'seed of the generated org', '42')
    .option('--graph <file>', 'routing graph for events posted to the intake')
    .option('--clock <mode>', 'wall: simulated time follows the wall clock from the seeded start; manual: moves only through the admin API', 'wall')
    .option('--https', 'serve HTTPS with a certificate generated at start (the CA file is printed)')
    .option('--duplicate-rule <action>', 'what the Lead and Contact duplicate rules do: block, alert (allowSave=true saves) or off', 'block')
    .option('--state-country-picklists', 'turn on State and Country/Territory Picklists in the org')
    .option('--state <file>', 'resume from this state file when it exists, and save the state there on shutdown')
    .option('--drain-timeout <seconds>', 'on SIGINT/SIGTERM, how long to finish accepted events before saving what is left', '30')
    .action(async (raw: Record<string, unknown>) => {
      const o = parseOptions(ServeOptionsSchema, { https: false, stateCountryPicklists: false, ...raw }, 'serve');
      const graph = o.graph ? loadGraph(o.graph) : loadDefaultGraph();
      const state = o.state === undefined ? undefined : readServeState(o.state);
      if (o.state !== undefined) assertWritablePath(o.state);
      const serve = await startServe({
        seed: o.seed,
        graph,
        port: o.port,
        clock: o.clock,
        https: o.https,
        orgSettings: { duplicateRules: { Lead: o.duplicateRule, Contact: o.duplicateRule }, stateAndCountryPicklists: o.stateCountryPicklists },
        onTrace: (trace) => process.stderr.write(`${trace.eventId} ${trace.entryPoint}: ${trace.outcome?.kind}${trace.routedTo ? ` → ${trace.routedTo.name}` : ''}\n`),
        ...(state ? { state } : {}),
        onLimit: (l) =>
          process.stderr.write(`limit reached: ${l.system} ${l.limit} at ${l.reachedAt}; requests are refused until the window allows them again (or advance the clock: POST /__leadsim/clock/advance; GET /__leadsim/limits)\n`),
      });
      if (state) process.stderr.write(`resumed ${o.state}: seed ${state.seed}, ${state.traces.length} events processed before, ${serve.session.world.intake.pending} queued\n`);
      process.stdout.write(JSON.stringify(serve.info) + '\n');
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      process.stderr.write('stopping: finishing the accepted events…\n');
      const report = await serve.shutdown({ drainMs: o.drainTimeout * 1000, ...(o.state === undefined ? {} : { statePath: o.state }) });
      const left = report.queued + report.parked;
      const saved = report.savedTo === undefined ? '' : `; state saved to ${report.savedTo} (leadsim serve --state ${report.savedTo} resumes it)`;
      process.stderr.write(`stopped: ${report.done} events processed, ${left === 0 ? 'none left' : `${report.queued} accepted and not processed, ${report.parked} still parked`}${saved}\n`);
      setExit(left === 0 ? EXIT.ok : EXIT.failed);
    });
};
