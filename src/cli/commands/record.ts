import { dirname, relative } from 'node:path';
import { z } from 'zod';
import { readInputFile } from '../../io/readInputFile.ts';
import { writeFileAtomic } from '../../io/writeFileAtomic.ts';
import { ENTRY_POINTS } from '../../model/entryPointId.ts';
import { readCsvTraffic, readHarTraffic, readJsonlTraffic, type TrafficRead } from '../../scenarios/readTraffic.ts';
import { recordScenario, recordSimulation } from '../../scenarios/recordScenario.ts';
import { SCENARIO_JSON_SCHEMA_PATH } from '../../scenarios/scenarioJsonSchema.ts';
import type { ScenarioInput } from '../../scenarios/scenarioSchema.ts';
import { EXIT } from '../exitCodes.ts';
import { intOption, parseOptions, seedOption } from '../options.ts';
import { projectGraph, projectOrg } from '../../config/projectSetup.ts';
import { loadProjectConfig } from '../../config/loadProjectConfig.ts';
import { describeSetup } from '../describeSetup.ts';
import type { ConfigureCommand } from './index.ts';

const RecordOptionsSchema = z
  .strictObject({
    out: z.string().min(1),
    seed: seedOption.optional(),
    leads: intOption(1, 10_000).default(50),
    fromJsonl: z.string().optional(),
    entryPoint: z.string().optional(),
    fromCsv: z.string().optional(),
    campaign: z.string().optional(),
    memberStatus: z.string().default('Attended'),
    partnerAccount: z.string().optional(),
    fromHar: z.string().optional(),
    org: z.string().optional(),
    graph: z.string().optional(),
    name: z.string().optional(),
    keepPersonalData: z.boolean().optional(),
    skipInvalid: z.boolean().optional(),
  })
  .refine((o) => [o.fromJsonl, o.fromCsv, o.fromHar].filter(Boolean).length <= 1, { message: 'give at most one of --from-jsonl, --from-csv, --from-har', path: ['fromJsonl'] })
  .refine((o) => o.fromCsv === undefined || o.campaign !== undefined, { message: '--from-csv needs --campaign NAME (the campaign the list was uploaded to)', path: ['campaign'] });

/**
 * `leadsim record --out FILE ...`: writes a scenario with a golden baseline (outcomes as expectations), atomically.
 * - `--seed N --leads N`: from a seeded simulation (default 50 leads).
 * - `--from-jsonl FILE [--entry-point X]`, `--from-csv FILE --campaign NAME`, `--from-har FILE`: from real inbound
 *   traffic, into `--org FILE` (an org spec or a scenario's org; default generated from the seed), personal data
 *   pseudonymized unless `--keep-personal-data`.
 */
export const configureRecord: ConfigureCommand = (command, { setExit }) => {
  command
    .requiredOption('--out <file>', 'the scenario file to write')
    .option('--seed <n>', 'the seed (simulation, generated org, pseudonyms; default: the config\'s seed, else 42)')
    .option('--leads <n>', 'how many simulated leads', '50')
    .option('--from-jsonl <file>', 'import webhook payload logs, one JSON a line')
    .option('--entry-point <id>', 'the entry point of bare payloads in --from-jsonl')
    .option('--from-csv <file>', 'import an event list upload CSV')
    .option('--campaign <name>', 'the campaign a --from-csv list was uploaded to')
    .option('--member-status <status>', 'the member status of a --from-csv list', 'Attended')
    .option('--partner-account <key>', "the org key of the partner account behind a --from-csv list")
    .option('--from-har <file>', 'import captured HTTP: POSTs to /intake/{entryPoint} and Marketo submitForm')
    .option('--org <file>', 'the org: an org spec JSON, or a scenario whose org to use (default: the config\'s org, else generated from the seed)')
    .option('--graph <file>', 'route the recording with this graph (default: the config\'s graph, else scenarios/graphs/default.json)')
    .option('--name <name>', 'the scenario name')
    .option('--keep-personal-data', 'do not pseudonymize emails, names, phones (imports)')
    .option('--skip-invalid', 'leave out payloads that do not fit their entry point instead of failing (imports)')
    .action(async (raw: Record<string, unknown>) => {
      const o = parseOptions(RecordOptionsSchema, raw, 'record');
      const config = loadProjectConfig();
      const seed = o.seed ?? config.seed;
      const chosen = projectGraph(config, o.graph);
      const graph = chosen.graph;
      const org = projectOrg(config, seed, o.org);
      process.stdout.write(`seed ${seed}\n${describeSetup(chosen, org)}`);
      const schemaRef = relative(dirname(o.out), SCENARIO_JSON_SCHEMA_PATH).split('\\').join('/');
      let scenario: ScenarioInput;
      let skipped = 0;
      const source = o.fromJsonl ?? o.fromCsv ?? o.fromHar;
      if (source === undefined) {
        scenario = await recordSimulation({ seed, leads: o.leads, schemaRef, graph, org: org.org, ...(config.entryPoints.length < ENTRY_POINTS.length ? { entryPoints: config.entryPoints } : {}) });
      } else {
        const text = readInputFile(source, 'traffic');
        const options = { file: source, skipInvalid: o.skipInvalid ?? false };
        const read: TrafficRead = o.fromJsonl
          ? readJsonlTraffic(text, o.entryPoint, options)
          : o.fromCsv
            ? readCsvTraffic(text, { campaign: o.campaign!, memberStatus: o.memberStatus, ...(o.partnerAccount ? { partnerAccountId: `@account:${o.partnerAccount}` } : {}) }, options)
            : readHarTraffic(text, options);
        skipped = read.skipped;
        scenario = await recordScenario({
          name: o.name ?? `Imported from ${source}`,
          description: `Recorded with "leadsim record" from ${source}${o.keepPersonalData ? '' : ' (personal data pseudonymized)'}.`,
          seed,
          org: org.org,
          events: read.events,
          pseudonymize: !o.keepPersonalData,
          schemaRef,
          graph,
        });
      }
      writeFileAtomic(o.out, `${JSON.stringify(scenario, null, 2)}\n`);
      const people = Object.keys(scenario.expect ?? {}).length;
      process.stdout.write(`recorded ${scenario.events?.length ?? 0} events and ${people} people's outcomes${skipped ? ` (${skipped} entries skipped)` : ''} to ${o.out}\nreplay it: npx leadsim replay ${o.out}\n`);
      setExit(EXIT.ok);
    });
};
