import { dirname, relative } from 'node:path';
import { z } from 'zod';
import { loadProjectConfig } from '../../config/loadProjectConfig.ts';
import { projectGraph, projectOrg } from '../../config/projectSetup.ts';
import { assertGraphFitsOrg } from '../../routing/graphOrgIssues.ts';
import { readInputBytes, readInputFile } from '../../io/readInputFile.ts';
import { writeFileAtomic } from '../../io/writeFileAtomic.ts';
import { ENTRY_POINTS } from '../../model/entryPointId.ts';
import { CampaignSpecSchema } from '../../org/orgSpec.ts';
import { importCampaign, type NewCampaign } from '../../scenarios/importCampaign.ts';
import { pseudonymKey } from '../../scenarios/pseudonymize.ts';
import { readCsvTraffic, readHarTraffic, readJsonlTraffic, type TrafficRead } from '../../scenarios/readTraffic.ts';
import { recordScenario, recordSimulation } from '../../scenarios/recordScenario.ts';
import { SCENARIO_JSON_SCHEMA_PATH } from '../../scenarios/scenarioJsonSchema.ts';
import type { ScenarioInput } from '../../scenarios/scenarioSchema.ts';
import { EXIT } from '../exitCodes.ts';
import { describeSetup } from '../describeSetup.ts';
import { intOption, parseOptions, seedOption } from '../options.ts';
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
    pseudonymKeyFile: z.string().optional(),
    skipInvalid: z.boolean().optional(),
    encoding: z.string().optional(),
    createCampaign: z.boolean().optional(),
    campaignType: CampaignSpecSchema.shape.Type.optional(),
    mdfFunding: z.enum(['Yes', 'No']).optional(),
    channelPartnerInvolved: z.enum(['Yes', 'No']).optional(),
    campaignPartnerAccount: z.string().optional(),
  })
  .refine((o) => [o.fromJsonl, o.fromCsv, o.fromHar].filter(Boolean).length <= 1, { message: 'give at most one of --from-jsonl, --from-csv, --from-har', path: ['fromJsonl'] })
  .refine((o) => o.fromCsv === undefined || o.campaign !== undefined, { message: '--from-csv needs --campaign NAME (the campaign the list was uploaded to)', path: ['campaign'] })
  .refine((o) => o.encoding === undefined || o.fromCsv !== undefined, { message: '--encoding applies to --from-csv', path: ['encoding'] })
  .refine((o) => o.createCampaign || [o.campaignType, o.mdfFunding, o.channelPartnerInvolved, o.campaignPartnerAccount].every((v) => v === undefined), { message: '--campaign-type, --mdf-funding, --channel-partner-involved and --campaign-partner-account describe the campaign --create-campaign creates', path: ['createCampaign'] });

/**
 * `leadsim record --out FILE ...`: writes a scenario with a golden baseline (outcomes as expectations), atomically.
 * - `--seed N --leads N`: from a seeded simulation (default 50 leads).
 * - `--from-jsonl FILE [--entry-point X]`, `--from-csv FILE --campaign NAME`, `--from-har FILE`: from real inbound
 *   traffic, into `--org FILE` (an org spec or a scenario's org; default: the config's org, else generated from the seed), personal data
 *   pseudonymized unless `--keep-personal-data`, with the key of `LEADSIM_PSEUDONYM_KEY`, `--pseudonym-key-file`,
 *   or a random one that is not saved. A `--campaign` the org does not have is an error listing the known ones,
 *   unless `--create-campaign`.
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
    .option('--pseudonym-key-file <file>', 'the secret key of the pseudonyms (else $LEADSIM_PSEUDONYM_KEY, else a random key that is not saved)')
    .option('--skip-invalid', 'leave out rows and payloads that cannot be read, listing each, instead of failing (imports)')
    .option('--encoding <name>', 'the encoding of a --from-csv file (default: detected: UTF-8, UTF-16 with BOM, Windows-1252)')
    .option('--create-campaign', 'create the --campaign when the org does not have it')
    .option('--campaign-type <type>', 'Type of a created campaign (default Trade Show)')
    .option('--mdf-funding <Yes|No>', 'MDF_Funding__c of a created campaign (default No)')
    .option('--channel-partner-involved <Yes|No>', 'Channel_Partner_Involved__c of a created campaign (default No)')
    .option('--campaign-partner-account <key>', 'the org key of the partner account behind a created campaign')
    .action(async (raw: Record<string, unknown>) => {
      const o = parseOptions(RecordOptionsSchema, raw, 'record');
      const config = loadProjectConfig();
      const seed = o.seed ?? config.seed;
      const chosen = projectGraph(config, o.graph);
      const graph = chosen.graph;
      const projectOrgChoice = projectOrg(config, seed, o.org);
      assertGraphFitsOrg(graph, chosen.file, projectOrgChoice.org, projectOrgChoice.source);
      process.stdout.write(`seed ${seed}\n${describeSetup(chosen, projectOrgChoice)}`);
      const schemaRef = relative(dirname(o.out), SCENARIO_JSON_SCHEMA_PATH).split('\\').join('/');
      let scenario: ScenarioInput;
      let skipped = 0;
      const notes: string[] = [];
      const source = o.fromJsonl ?? o.fromCsv ?? o.fromHar;
      if (source === undefined) {
        scenario = await recordSimulation({ seed, leads: o.leads, schemaRef, graph, org: projectOrgChoice.org, ...(config.entryPoints.length < ENTRY_POINTS.length ? { entryPoints: config.entryPoints } : {}) });
      } else {
        let org = projectOrgChoice.org;
        let campaign = o.campaign;
        if (o.fromCsv && campaign !== undefined) {
          const found = importCampaign(org, campaign, o.createCampaign ? newCampaign(o) : undefined);
          ({ org, name: campaign } = found);
          if (found.created) notes.push(`created campaign "${found.created.Name}" (${found.created.Type}, MDF ${found.created.MDF_Funding__c}, channel partner ${found.created.Channel_Partner_Involved__c}${found.created.partnerAccount ? `, partner ${found.created.partnerAccount}` : ''})`);
        }
        const key = o.keepPersonalData ? undefined : pseudonymKey(o.pseudonymKeyFile !== undefined ? { keyFile: o.pseudonymKeyFile } : {});
        const options = { file: source, skipInvalid: o.skipInvalid ?? false, ...(o.encoding !== undefined ? { encoding: o.encoding } : {}) };
        const read: TrafficRead = o.fromJsonl
          ? readJsonlTraffic(readInputFile(source, 'traffic'), o.entryPoint, options)
          : o.fromCsv
            ? readCsvTraffic(readInputBytes(source, 'traffic'), { campaign: campaign!, memberStatus: o.memberStatus, ...(o.partnerAccount ? { partnerAccountId: `@account:${o.partnerAccount}` } : {}) }, options)
            : readHarTraffic(readInputFile(source, 'traffic'), options);
        skipped = read.skipped;
        notes.push(...read.notes, ...read.invalid.map((e) => `skipped ${e.where}: ${e.reason}`));
        if (key) notes.push(`personal data pseudonymized with ${key.source === 'env' ? 'the key in LEADSIM_PSEUDONYM_KEY' : key.source === 'file' ? `the key in ${o.pseudonymKeyFile}` : 'a random key that was not saved (set LEADSIM_PSEUDONYM_KEY or --pseudonym-key-file for pseudonyms that stay the same across recordings)'}`);
        scenario = await recordScenario({
          name: o.name ?? `Imported from ${source}`,
          description: `Recorded with "leadsim record" from ${source}${o.keepPersonalData ? '' : ' (personal data pseudonymized)'}.`,
          seed,
          org,
          events: read.events,
          pseudonymize: key !== undefined,
          ...(key ? { pseudonymKey: key.key } : {}),
          schemaRef,
          graph,
        });
      }
      writeFileAtomic(o.out, `${JSON.stringify(scenario, null, 2)}\n`);
      const people = Object.keys(scenario.expect ?? {}).length;
      for (const note of notes) process.stdout.write(`${note}\n`);
      process.stdout.write(`recorded ${scenario.events?.length ?? 0} events and ${people} people's outcomes${skipped ? ` (${skipped} entries skipped)` : ''} to ${o.out}\nreplay it: npx leadsim replay ${o.out}\n`);
      setExit(EXIT.ok);
    });
};

function newCampaign(o: { campaignType?: NewCampaign['type'] | undefined; mdfFunding?: 'Yes' | 'No' | undefined; channelPartnerInvolved?: 'Yes' | 'No' | undefined; campaignPartnerAccount?: string | undefined }): NewCampaign {
  return {
    ...(o.campaignType ? { type: o.campaignType } : {}),
    ...(o.mdfFunding ? { mdfFunding: o.mdfFunding } : {}),
    ...(o.channelPartnerInvolved ? { channelPartnerInvolved: o.channelPartnerInvolved } : {}),
    ...(o.campaignPartnerAccount ? { partnerAccount: o.campaignPartnerAccount } : {}),
  };
}

