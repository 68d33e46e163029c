// Regenerates every committed JSON Schema from its zod schema: `npm run schemas`. Tests fail while one is stale.
import { projectConfigJsonSchema, CONFIG_JSON_SCHEMA_PATH } from '../src/config/projectConfigJsonSchema.ts';
import { writeFileAtomic } from '../src/io/writeFileAtomic.ts';
import { ORG_JSON_SCHEMA_PATH, orgJsonSchema } from '../src/org/orgJsonSchema.ts';
import { GRAPH_JSON_SCHEMA_PATH, graphJsonSchema } from '../src/routing/graphJsonSchema.ts';
import { SCENARIO_JSON_SCHEMA_PATH, scenarioJsonSchema } from '../src/scenarios/scenarioJsonSchema.ts';

for (const [path, text] of [
  [GRAPH_JSON_SCHEMA_PATH, graphJsonSchema()],
  [SCENARIO_JSON_SCHEMA_PATH, scenarioJsonSchema()],
  [CONFIG_JSON_SCHEMA_PATH, projectConfigJsonSchema()],
  [ORG_JSON_SCHEMA_PATH, orgJsonSchema()],
] as const) {
  writeFileAtomic(path, text);
  process.stdout.write(`wrote ${path}\n`);
}
