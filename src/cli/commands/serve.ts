import { z } from 'zod';
import { LeadsimError } from '../../core/errors.ts';
import { createPipeline } from '../../pipeline/createPipeline.ts';
import { startLoopbackServer } from '../../server/loopbackServer.ts';
import { loopbackTransport } from '../../transport/openTransport.ts';
import { IMPARTNER_KEY, MARKETO_CLIENT } from '../../world/credentials.ts';
import { createWorld } from '../../world/world.ts';
import { intOption, parseOptions, seedOption } from '../options.ts';
import { stopWithParent } from '../stopWithParent.ts';
import { projectGraph, projectOrg } from '../../config/projectSetup.ts';
import { loadProjectConfig } from '../../config/loadProjectConfig.ts';
import type { ConfigureCommand } from './index.ts';

const ServeOptionsSchema = z.strictObject({
  port: intOption(0, 65535).default(0),
  seed: seedOption.optional(),
  graph: z.string().optional(),
  org: z.string().optional(),
});

/**
 * `leadsim serve`: every simulated API on one loopback port, seeded with the same default org as `simulate`.
 * The first stdout line is one JSON object with the endpoints and credentials; events posted to the intake are run
 * through the pipeline as they arrive. Stops cleanly on SIGINT or SIGTERM.
 */
export const configureServe: ConfigureCommand = (command) => {
  command
    .option('--port <n>', 'port on 127.0.0.1 (0 picks a free one)', '0')
    .option('--seed <n>', 'seed of the world and the generated org (default: the config\'s seed, else 42)')
    .option('--graph <file>', 'routing graph for events posted to the intake (default: the config\'s graph, else scenarios/graphs/default.json)')
    .option('--org <file>', 'org spec JSON to seed (default: the config\'s org, else generated from the seed)')
    .action(async (raw: Record<string, unknown>) => {
      const o = parseOptions(ServeOptionsSchema, raw, 'serve');
      const config = loadProjectConfig();
      const seed = o.seed ?? config.seed;
      const { graph, file: graphFile } = projectGraph(config, o.graph);
      const org = projectOrg(config, seed, o.org);
      const world = createWorld({ seed, org: org.org });
      const server = await startLoopbackServer(() => world.handlers, { port: o.port }).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
        throw new LeadsimError('INVALID_ARGUMENT', `Failed to serve on port ${o.port}: the port is already in use on 127.0.0.1. Stop what uses it, pick another with --port, or pass --port 0 for a free one.`, { cause: error });
      });
      const transport = loopbackTransport(server.origin, async () => {});
      const pipeline = createPipeline(world, transport, { graph });
      process.stdout.write(
        JSON.stringify({
          salesforce: { instanceUrl: server.origin, accessToken: world.salesforceToken, version: '62.0' },
          marketo: { baseUrl: `${server.origin}/rest`, identityUrl: `${server.origin}/identity`, ...MARKETO_CLIENT },
          impartner: { baseUrl: server.origin, ...IMPARTNER_KEY },
          intake: { url: `${server.origin}/intake/{entryPoint}` },
          seed,
          graph: graphFile,
          org: org.source,
        }) + '\n',
      );
      let draining = false;
      const drain = async () => {
        if (draining) return;
        draining = true;
        try {
          for (let event = world.intake.take(); event; event = world.intake.take()) {
            const trace = await pipeline.process(event);
            process.stderr.write(`${trace.eventId} ${trace.entryPoint}: ${trace.outcome?.kind}${trace.routedTo ? ` → ${trace.routedTo.name}` : ''}\n`);
          }
        } finally {
          draining = false;
        }
      };
      // Polling is the edge of the process (wall clock); simulated time is untouched by it.
      const timer = setInterval(() => void drain(), 50);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        stopWithParent(stop); // through npx, the signal reaches npx's shell, not this process
      });
      clearInterval(timer);
      await server.close();
    });
};
