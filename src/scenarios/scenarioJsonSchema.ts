import { z } from 'zod';
import { packagePath } from '../core/packagePath.ts';
import { scenarioSchemaForEditors } from './scenarioSchema.ts';

/** Where the committed JSON Schema of scenario files lives (`scenarios/scenario.schema.json`). */
export const SCENARIO_JSON_SCHEMA_PATH = packagePath('scenarios', 'scenario.schema.json');

/**
 * The JSON Schema (draft 2020-12) of scenario files, generated from the zod schemas (payloads per entry point
 * included), as the text committed to {@link SCENARIO_JSON_SCHEMA_PATH}. `leadsim replay` checks more than a JSON
 * Schema can: keys the events refer to, CRM field names, event times, the graph.
 */
export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(scenarioSchemaForEditors(), { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'leadsim scenario' }, null, 2)}\n`;
}
