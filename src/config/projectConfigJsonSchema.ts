import { z } from 'zod';
import { packagePath } from '../core/packagePath.ts';
import { ProjectConfigSchema } from './projectConfigSchema.ts';

/** Where the committed JSON Schema of `leadsim.config.json` lives in the package. */
export const CONFIG_JSON_SCHEMA_PATH = packagePath('schemas', 'leadsim.config.schema.json');

/**
 * The JSON Schema (draft 2020-12) of `leadsim.config.json`, generated from {@link ProjectConfigSchema}, as the text
 * committed to {@link CONFIG_JSON_SCHEMA_PATH}. A config points editors at it with
 * `"$schema": "./node_modules/leadsim/schemas/leadsim.config.schema.json"`.
 */
export function projectConfigJsonSchema(): string {
  const schema = z.toJSONSchema(ProjectConfigSchema, { target: 'draft-2020-12', io: 'input' });
  return `${JSON.stringify({ ...schema, title: 'leadsim.config.json' }, null, 2)}\n`;
}
