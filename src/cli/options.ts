import { z } from 'zod';
import { parseInput } from '../core/errors.ts';

/** A CLI integer option (commander gives strings). */
export const intOption = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** The seed option: any 32-bit integer. */
export const seedOption = intOption(-2147483648, 2147483647);

/** Validates parsed CLI options with a zod schema; bad values become an InputError naming the option. */
export function parseOptions<S extends z.ZodType>(schema: S, options: unknown, command: string): z.output<S> {
  return parseInput(schema, options, { action: `run "leadsim ${command}" with these options`, file: `leadsim ${command}`, code: 'INVALID_ARGUMENT' });
}

/** A comma-separated CLI list option (`--native marketo,chat`), each item checked with `item`. */
export const listOption = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(item));
