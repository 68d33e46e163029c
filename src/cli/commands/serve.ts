import { z } from 'zod';
import { loadProjectConfig } from '../../config/loadProjectConfig.ts';
import { projectGraph, projectOrg } from '../../config/projectSetup.ts';
import { assertGraphFitsOrg } from '../../routing/graphOrgIssues.ts';
import { LeadsimError } from '../../core/errors.ts';
import { CLOCK_MODES } from '../../server/serveClock.ts';
import { startServe } from '../../server/startServe.ts';
import { DUPLICATE_RULE_ACTIONS } from '../../systems/crm/orgSettings.ts';
import { assertWritablePath } from '../../io/writeFileAtomic.ts';
import { readServeState } from '../../server/serveState.ts';
import { serveSection } from '../../config/sections/serveSection.ts';
import { EXIT } from '../exitCodes.ts';
import { intOption, listOption, parseOptions, seedOption } from '../options.ts';
import { stopWithParent } from '../stopWithParent.ts';
import type { ConfigureCommand } from './index.ts';

const ServeOptionsSchema = z.strictObject({
  port: intOption(0, 65535).default(0),
  seed: seedOption.optional(),
  graph: z.string().optional(),
  org: z.string().optional(),
  clock: z.enum(CLOCK_MODES).default('wall'),
  https: z.boolean().default(false),
  duplicateRule: z.enum(DUPLICATE_RULE_ACTIONS).default('block'),
  stateCountryPicklists: z.boolean().default(false),
  state: z.string().optional(),
  drainTimeout: z.coerce.number().min(0).max(86_400).default(30),
  allowHost: listOption(serveSection.serve.unwrap().shape.allowedHosts.unwrap().element).optional(),
  intakeToken: serveSection.serve.unwrap().shape.intakeToken,
  fullTraces: intOption(0, 10_000_000).optional(),
});

/**
 * `leadsim serve`: every simulated API and the admin API on one loopback port (src/server/startServe.ts). The first
 * stdout line is one JSON object with the endpoints and credentials (and the graph file and org it uses, from the
 * project config unless given); each processed event is logged on stderr. A port in use is bad input (exit 2).
 * Requests naming another host than loopback (or `--allow-host`) in Host or Origin are refused (DNS rebinding,
 * browser pages); with an intake token (`--intake-token`, LEADSIM_INTAKE_TOKEN, or the config's serve.intakeToken),
 * the intake requires it as a bearer token and the endpoints line carries it as `intake.token`.
 * On SIGINT or SIGTERM (also when they reach the shell `npx` runs it under, see stopWithParent) it stops taking
 * requests and finishes what it accepted (the queue, then parked events' retries) within `--drain-timeout`; it saves
 * the state to `--state` (from which the next start with the same `--state` resumes: its world wins over --seed and
 * --org), or, when accepted events are left unfinished, to a printed temp file. Exit 0 when every accepted event was
 * processed, 1 when some were not (saved, never dropped), 2 for a bad option, a port in use or a bad state file.
 */
export const configureServe: ConfigureCommand = (command, { setExit }) => {
  command
    .option('--port <n>', 'port on 127.0.0.1 (0 picks a free one)', '0')
    .option('--seed <n>', 'seed of the world and the generated org (default: the config\'s seed, else 42)')
    .option('--graph <file>', 'routing graph for events posted to the intake (default: the config\'s graph, else scenarios/graphs/default.json)')
    .option('--org <file>', 'org spec JSON to seed (default: the config\'s org, else generated from the seed)')
    .option('--clock <mode>', 'wall: simulated time follows the wall clock from the seeded start; manual: moves only through the admin API', 'wall')
    .option('--https', 'serve HTTPS with a certificate generated at start (the CA file is printed)')
    .option('--duplicate-rule <action>', 'what the Lead and Contact duplicate rules do: block, alert (allowSave=true saves) or off', 'block')
    .option('--state-country-picklists', 'turn on State and Country/Territory Picklists in the org')
    .option('--state <file>', 'resume from this state file when it exists, and save the state there on shutdown')
    .option('--drain-timeout <seconds>', 'on SIGINT/SIGTERM, how long to finish accepted events before saving what is left', '30')
    .option('--allow-host <names>', 'comma-separated host names besides loopback that Host and Origin may name (added to the config\'s serve.allowedHosts)')
    .option('--full-traces <n>', 'keep the latest N traces whole, older ones summarized (default 1000)')
    .option('--intake-token <token>', 'require Authorization: Bearer <token> on the intake (default: LEADSIM_INTAKE_TOKEN, else the config\'s serve.intakeToken, else none)')
    .action(async (raw: Record<string, unknown>) => {
      const envToken = process.env['LEADSIM_INTAKE_TOKEN'];
      const o = parseOptions(ServeOptionsSchema, { https: false, stateCountryPicklists: false, ...(envToken ? { intakeToken: envToken } : {}), ...raw }, 'serve');
      const config = loadProjectConfig();
      const seed = o.seed ?? config.seed;
      const { graph, file: graphFile } = projectGraph(config, o.graph);
      const org = projectOrg(config, seed, o.org);
      const state = o.state === undefined ? undefined : readServeState(o.state);
      if (state === undefined) assertGraphFitsOrg(graph, graphFile, org.org, org.source);
      if (o.state !== undefined) assertWritablePath(o.state);
      const intakeToken = o.intakeToken ?? config.serve.intakeToken;
      const serve = await startServe({
        seed,
        graph,
        org: org.org,
        port: o.port,
        clock: o.clock,
        https: o.https,
        ...(o.fullTraces !== undefined ? { fullTraces: o.fullTraces } : {}),
        orgSettings: { duplicateRules: { Lead: o.duplicateRule, Contact: o.duplicateRule }, stateAndCountryPicklists: o.stateCountryPicklists },
        allowedHosts: [...config.serve.allowedHosts, ...(o.allowHost ?? [])],
        ...(intakeToken === undefined ? {} : { intakeToken }),
        onTrace: (trace) => process.stderr.write(`${trace.eventId} ${trace.entryPoint}: ${trace.outcome?.kind}${trace.routedTo ? ` → ${trace.routedTo.name}` : ''}\n`),
        ...(state ? { state } : {}),
        onLimit: (l) =>
          process.stderr.write(`limit reached: ${l.system} ${l.limit} at ${l.reachedAt}; requests are refused until the window allows them again (or advance the clock: POST /__leadsim/clock/advance; GET /__leadsim/limits)\n`),
      }).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
        throw new LeadsimError('INVALID_ARGUMENT', `Failed to serve on port ${o.port}: the port is already in use on 127.0.0.1. Stop what uses it, pick another with --port, or pass --port 0 for a free one.`, { cause: error });
      });
      if (state) process.stderr.write(`resumed ${o.state}: seed ${state.seed}, ${state.traces.length} events processed before, ${serve.session.world.intake.pending} queued\n`);
      process.stdout.write(JSON.stringify({ ...serve.info, graph: graphFile, org: state ? `resumed from ${o.state}` : org.source }) + '\n');
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
        stopWithParent(resolve); // through npx, the signal reaches npx's shell, not this process
      });
      process.stderr.write('stopping: finishing the accepted events…\n');
      const report = await serve.shutdown({ drainMs: o.drainTimeout * 1000, ...(o.state === undefined ? {} : { statePath: o.state }) });
      const left = report.queued + report.parked;
      const saved = report.savedTo === undefined ? '' : `; state saved to ${report.savedTo} (leadsim serve --state ${report.savedTo} resumes it)`;
      process.stderr.write(`stopped: ${report.done} events processed, ${left === 0 ? 'none left' : `${report.queued} accepted and not processed, ${report.parked} still parked`}${saved}\n`);
      setExit(left === 0 ? EXIT.ok : EXIT.failed);
    });
};
