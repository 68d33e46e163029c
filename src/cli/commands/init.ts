import { z } from 'zod';
import { initProject } from '../../init/initProject.ts';
import { EXIT } from '../exitCodes.ts';
import { parseOptions } from '../options.ts';
import type { ConfigureCommand } from './index.ts';

const InitOptionsSchema = z.strictObject({ force: z.boolean().optional() });

/**
 * `leadsim init [DIR] [--force]`: sets up a leadsim project (config, graph, org spec, example scenarios, a property
 * test, a CI workflow) in DIR (default: the working directory). Refuses, writing nothing, when a file exists,
 * unless `--force`. Exit 0, or 2 when it refused.
 */
export const configureInit: ConfigureCommand = (command, { setExit }) => {
  command
    .argument('[dir]', 'the project folder (default: the working directory)', '.')
    .option('--force', 'overwrite files that already exist')
    .action((dir: string, raw: Record<string, unknown>) => {
      const o = parseOptions(InitOptionsSchema, raw, 'init');
      const result = initProject({ dir, force: o.force ?? false });
      const lines = result.written.map((f) => `  ${result.overwritten.includes(f) ? 'overwrote' : 'wrote'} ${f}`);
      const cd = dir === '.' ? '' : `cd ${dir} && `;
      process.stdout.write(
        [
          `Set up a leadsim project in ${dir}:`,
          ...lines,
          '',
          'Next:',
          `  ${cd}npm install --save-dev leadsim vitest @fast-check/vitest   # if not installed yet`,
          '  npx leadsim graph lint      # the routing graph (scenarios/graphs/default.json)',
          '  npx leadsim replay          # the scenarios, against the graph and the org (leadsim.org.json)',
          '  npx vitest run test/leadsim.property.test.ts',
          '  npx leadsim check           # the property suite against your graph and org',
          '',
        ].join('\n'),
      );
      setExit(EXIT.ok);
    });
};
