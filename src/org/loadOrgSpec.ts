import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { InputError, issuesFromZod } from '../core/errors.ts';
import { fileDepthIssue } from '../core/jsonDepth.ts';
import { readInputFile } from '../io/readInputFile.ts';
import { OrgSpecSchema, type OrgSpec } from './orgSpec.ts';
import { orgIssues } from './orgIssues.ts';

/** An org spec file: the org spec, plus the `$schema` editors use (`schemas/org.schema.json` of the package). */
export const OrgSpecFileSchema = OrgSpecSchema.extend({ $schema: z.string().optional() });

const HINT = 'Fix the org spec (editors check it against node_modules/leadsim/schemas/org.schema.json), then run the command again.';

/**
 * Checks an org spec given as parsed JSON: the format ({@link OrgSpecSchema}), the references between its records
 * and everything seeding it would refuse ({@link orgIssues}). Returns the spec with defaults applied, or throws an {@link InputError} (code
 * INVALID_ORG) listing every problem with its JSON path in `file`.
 */
export function checkOrgSpec(json: unknown, file: string): OrgSpec {
  const deep = fileDepthIssue(json);
  if (deep) throw new InputError('INVALID_ORG', { action: 'read org spec', file, issues: [deep], hint: HINT });
  const parsed = OrgSpecFileSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) throw new InputError('INVALID_ORG', { action: 'read org spec', file, issues: issuesFromZod(parsed.error), hint: HINT });
  const { $schema: _schema, ...org } = parsed.data;
  const issues = orgIssues(org);
  if (issues.length > 0) throw new InputError('INVALID_ORG', { action: 'read org spec', file, issues, hint: HINT });
  return org;
}

/**
 * Reads an org spec file (JSON, the format of `schemas/org.schema.json`), or the `org` of a scenario file, and
 * checks it with {@link checkOrgSpec}; a relative `assignmentRules` path is resolved against the file's folder. A missing file throws a `LeadsimError` FILE_NOT_FOUND; malformed JSON or
 * a bad spec an {@link InputError} INVALID_ORG naming each JSON path.
 * @example
 * const org = loadOrgSpec('leadsim.org.json');
 * const run = await simulate({ seed: 1, org });
 */
export function loadOrgSpec(file: string): OrgSpec {
  const text = readInputFile(file, 'org spec');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError('INVALID_ORG', { action: 'read org spec', file, issues: [{ path: [], message: `invalid JSON: ${(error as Error).message}`, expected: 'a JSON object' }], hint: HINT });
  }
  const isScenario = typeof json === 'object' && json !== null && !Array.isArray(json) && 'org' in json && 'version' in json;
  const org = checkOrgSpec(isScenario ? (json as { org: unknown }).org : json, file);
  // The assignment rules file is named relative to the file that holds the org.
  return org.assignmentRules === undefined ? org : { ...org, assignmentRules: resolve(dirname(file), org.assignmentRules) };
}
