import { z } from 'zod';
import { packagePath } from '../core/packagePath.ts';
import { OrgSpecFileSchema } from './loadOrgSpec.ts';

/** Where the committed JSON Schema of org spec files lives in the package. */
export const ORG_JSON_SCHEMA_PATH = packagePath('schemas', 'org.schema.json');

/**
 * The JSON Schema (draft 2020-12) of org spec files, generated from the zod schema, as the text committed to
 * {@link ORG_JSON_SCHEMA_PATH}. `loadOrgSpec` also checks what a JSON Schema cannot: duplicate keys and references
 * between records.
 */
export function orgJsonSchema(): string {
  const schema = z.toJSONSchema(OrgSpecFileSchema, { target: 'draft-2020-12', io: 'input' });
  return `${JSON.stringify({ ...schema, title: 'leadsim org spec' }, null, 2)}\n`;
}
