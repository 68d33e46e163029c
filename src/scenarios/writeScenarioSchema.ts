// Regenerates scenarios/scenario.schema.json from the zod schemas: `npx tsx src/scenarios/writeScenarioSchema.ts`.
import { writeFileAtomic } from '../io/writeFileAtomic.ts';
import { SCENARIO_JSON_SCHEMA_PATH, scenarioJsonSchema } from './scenarioJsonSchema.ts';

writeFileAtomic(SCENARIO_JSON_SCHEMA_PATH, scenarioJsonSchema());
process.stdout.write(`wrote ${SCENARIO_JSON_SCHEMA_PATH}\n`);
