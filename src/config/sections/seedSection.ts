import { z } from 'zod';

/** `seed`: the seed commands use when given no `--seed`. */
export const seedSection = {
  seed: z.number().int().min(-2147483648).max(2147483647).default(42).describe('The default seed of simulate, check, record and serve (a 32-bit integer); --seed overrides it.'),
};
