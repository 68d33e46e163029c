// Regenerates scenarios/graphs/graph.schema.json from the zod schema: `npx tsx src/routing/writeGraphSchema.ts`.
import { writeFileSync } from 'node:fs';
import { GRAPH_JSON_SCHEMA_PATH, graphJsonSchema } from './graphJsonSchema.ts';

writeFileSync(GRAPH_JSON_SCHEMA_PATH, graphJsonSchema());
process.stdout.write(`wrote ${GRAPH_JSON_SCHEMA_PATH}\n`);
