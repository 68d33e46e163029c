import { z } from 'zod';
import { packagePath } from '../core/packagePath.ts';
import { GraphSchema } from './graphSchema.ts';

/** Where the committed JSON Schema of graph files lives (`scenarios/graphs/graph.schema.json`). */
export const GRAPH_JSON_SCHEMA_PATH = packagePath('scenarios', 'graphs', 'graph.schema.json');

/**
 * The JSON Schema (draft 2020-12) of routing graph files, generated from the zod schema, as the text committed to
 * {@link GRAPH_JSON_SCHEMA_PATH}. Editors use it for completion and inline errors; `leadsim graph lint` also checks
 * CRM field names, value types and the graph's shape, which a JSON Schema cannot.
 */
export function graphJsonSchema(): string {
  const schema = z.toJSONSchema(GraphSchema, { target: 'draft-2020-12' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
