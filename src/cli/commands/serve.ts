import { z } from 'zod';
import { Rng } from '../../core/random.ts';
import { generateOrg } from '../../org/generateOrg.ts';
import { createPipeline } from '../../pipeline/createPipeline.ts';
import { loadDefaultGraph, loadGraph } from '../../routing/index.ts';
import { startLoopbackServer } from '../../server/loopbackServer.ts';
import { loopbackTransport } from '../../transport/openTransport.ts';
import { IMPARTNER_KEY, MARKETO_CLIENT } from '../../world/credentials.ts';
import { createWorld } from '../../world/world.ts';
import { intOption, parseOptions, seedOption } from '../options.ts';
import type { ConfigureCommand } from './index.ts';

const ServeOptionsSchema = z.strictObject({
  port: intOption(0, 65535).default(0),
  seed: seedOption.default(42),
  graph: z.string().optional(),
});

/**
 * `leadsim serve`: every simulated API on one loopback port, seeded with the same default org as `simulate`.
 * The first stdout line is one JSON object with the endpoints and credentials; events posted to the intake are run
 * through the pipeline as they arrive. Stops cleanly on SIGINT or SIGTERM.
 */
export const configureServe: ConfigureCommand = (command) => {
  command
    .option('--port <n>', 'port on 127.0.0.1 (0 picks a free one)', '0')
    .option('--seed <n>', 'seed of the generated org', '42')
    .option('--graph <file>', 'routing graph for events posted to the intake')
    .action(async (raw: Record<string, unknown>) => {
      const o = parseOptions(ServeOptionsSchema, raw, 'serve');
      const graph = o.graph ? loadGraph(o.graph) : loadDefaultGraph();
      const world = createWorld({ seed: o.seed, org: generateOrg(new Rng(o.seed).fork('org')) });
      const server = await startLoopbackServer(() => world.handlers, { port: o.port });
      const transport = loopbackTransport(server.origin, async () => {});
      const pipeline = createPipeline(world, transport, { graph });
      process.stdout.write(
        JSON.stringify({
          salesforce: { instanceUrl: server.origin, accessToken: world.salesforceToken, version: '62.0' },
          marketo: { baseUrl: `${server.origin}/rest`, identityUrl: `${server.origin}/identity`, ...MARKETO_CLIENT },
          impartner: { baseUrl: server.origin, ...IMPARTNER_KEY },
          intake: { url: `${server.origin}/intake/{entryPoint}` },
          seed: o.seed,
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
      });
      clearInterval(timer);
      await server.close();
    });
};
