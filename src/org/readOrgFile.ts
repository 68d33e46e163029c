import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LeadsimError, parseInput } from '../core/errors.ts';
import { OrgSpecSchema, type OrgSpec } from './orgSpec.ts';

/**
 * Reads an org: an org spec JSON file, or a scenario file whose `org` to use. Throws FILE_NOT_FOUND for a missing
 * file, INVALID_INPUT for invalid JSON, and an InputError naming each JSON path that does not fit the org spec.
 * A relative `assignmentRules` path is resolved against the file's folder.
 */
export function readOrgFile(file: string): OrgSpec {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new LeadsimError('FILE_NOT_FOUND', `Failed to read "${file}": the file does not exist or cannot be read. Check the path.`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new LeadsimError('INVALID_INPUT', `Failed to read org "${file}": invalid JSON (${(error as Error).message}). Fix the file.`);
  }
  const org = typeof json === 'object' && json !== null && 'org' in json ? (json as { org: unknown }).org : json;
  const spec = parseInput(OrgSpecSchema, org, { action: 'read the org', file });
  return spec.assignmentRules === undefined ? spec : { ...spec, assignmentRules: resolve(dirname(file), spec.assignmentRules) };
}
