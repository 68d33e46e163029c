import { z } from 'zod';

/**
 * The seven ways a person enters the lead process (DOMAIN.md "Entry points"). Every one ends at the same intake.
 * Defined apart from the entry-point registry so the standardized objects can name a source without importing
 * every vendor schema.
 */
export const ENTRY_POINTS = [
  'web-form',
  'chat',
  'ad-vendor',
  'list-upload',
  'sales-created',
  'partner-portal',
  'trial-sign-up',
] as const;

/** One entry point id, e.g. `'web-form'`. */
export type EntryPoint = (typeof ENTRY_POINTS)[number];

/** Zod schema of an entry point id. */
export const EntryPointSchema = z.enum(ENTRY_POINTS);

/** True when `id` names one of the seven entry points. */
export function isEntryPoint(id: string): id is EntryPoint {
  return (ENTRY_POINTS as readonly string[]).includes(id);
}
