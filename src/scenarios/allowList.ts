import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError, LeadsimError, parseInput } from '../core/errors.ts';

/** One expected difference: a person (in a scenario, by name or file), optionally one outcome field, and why. */
export const AllowEntrySchema = z.strictObject({
  /** The scenario's name, or its file path (or the end of it); any scenario when absent. */
  scenario: z.string().min(1).optional(),
  person: z.string().min(1),
  /** `owner`, `sharedToPrm`, `rejected`, `fields` (any field) or `fields.<Field>`; every outcome when absent. */
  field: z.string().regex(/^(owner|sharedToPrm|rejected|fields(\.[A-Za-z_][A-Za-z0-9_]*)?)$/, 'owner, sharedToPrm, rejected, fields or fields.<Field>').optional(),
  /** Why the difference is expected (shown in the report; reviewers read it). */
  reason: z.string().min(1),
});

/** The allow-list file: expected differences between the live graph and the candidate. */
export const AllowListSchema = z.array(AllowEntrySchema);
export type AllowEntry = z.infer<typeof AllowEntrySchema>;

/** Reads and checks an allow-list file; bad input throws an {@link InputError} naming the JSON path. */
export function loadAllowList(file: string): AllowEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new LeadsimError('FILE_NOT_FOUND', `Failed to read allow-list "${file}": the file does not exist. Check the path.`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError('INVALID_INPUT', { action: 'load allow-list', file, issues: [{ path: [], message: `invalid JSON: ${(error as Error).message}`, expected: 'a JSON array' }] });
  }
  return parseInput(AllowListSchema, json, { action: 'load allow-list', file, hint: 'Each entry is { "scenario"?, "person", "field"?, "reason" }.' });
}

/** The first allow-list entry that covers a difference, if any. */
export function findAllowance(entries: readonly AllowEntry[], d: { scenario: string; file: string; person: string; field: string }): AllowEntry | undefined {
  return entries.find(
    (e) =>
      e.person === d.person &&
      (e.scenario === undefined || e.scenario === d.scenario || d.file === e.scenario || d.file.endsWith(`/${e.scenario}`)) &&
      (e.field === undefined || e.field === d.field || (e.field === 'fields' && d.field.startsWith('fields.'))),
  );
}
