import { z } from 'zod';
import { ENTRY_POINTS, EntryPointSchema } from '../../model/entryPointId.ts';

/** `entryPoints`: which entry points generated traffic comes from. */
export const entryPointsSection = {
  entryPoints: z.array(EntryPointSchema).min(1).default([...ENTRY_POINTS]).describe('The entry points that are on: simulate and record --leads generate traffic from these only (default: all seven).'),
};
