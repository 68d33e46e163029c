import { z } from 'zod';
import { entryPointsSection } from './sections/entryPointsSection.ts';
import { faultsSection } from './sections/faultsSection.ts';
import { graphSection } from './sections/graphSection.ts';
import { nativeIntegrationsSection } from './sections/nativeIntegrationsSection.ts';
import { orgSection } from './sections/orgSection.ts';
import { reportersSection } from './sections/reportersSection.ts';
import { scenariosSection } from './sections/scenariosSection.ts';
import { seedSection } from './sections/seedSection.ts';
import { serveSection } from './sections/serveSection.ts';

/** The file name leadsim looks for, from the working directory up. */
export const CONFIG_FILE_NAME = 'leadsim.config.json';

/**
 * `leadsim.config.json`: a project's defaults for every command. Each concern is one file under `sections/`
 * exporting the zod shape of its keys; add a key by adding a section and spreading it here (then regenerate the
 * JSON Schema: `npm run schemas`). Paths are relative to the config file. Every key is optional.
 */
export const ProjectConfigSchema = z
  .strictObject({
    $schema: z.string().optional().describe('The JSON Schema editors check this file with.'),
    ...graphSection,
    ...scenariosSection,
    ...orgSection,
    ...seedSection,
    ...entryPointsSection,
    ...nativeIntegrationsSection,
    ...faultsSection,
    ...reportersSection,
    ...serveSection,
  })
  .describe('leadsim project configuration: the defaults every leadsim command reads.');

/** A config file as written (every key optional). */
export type ProjectConfigInput = z.input<typeof ProjectConfigSchema>;
/** A config file with defaults applied; paths as written (relative to the config). */
export type ProjectConfigValues = z.output<typeof ProjectConfigSchema>;
