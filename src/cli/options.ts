import { z } from 'zod';
import { OptionError, optionIssues } from './optionError.ts';
import { listItems } from './listItems.ts';

/** A CLI integer option (commander gives strings). */
export const intOption = (min: number, max: number) =>
  z
    .union([z.number(), z.string().trim().regex(/^[-+]?\d+$/).transform(Number)])
    .pipe(z.number().int().min(min).max(max));

/** An integer item of a list option (`--scaling 1000,10000`): decimal digits only, as {@link intOption}. */
export const intItem = (min: number, max: number) =>
  z
    .string()
    .regex(/^[-+]?\d+$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** The seed option: any 32-bit integer. */
export const seedOption = intOption(-2147483648, 2147483647);

/**
 * Validates parsed CLI options with a zod schema; bad values throw an {@link OptionError} (exit 2) naming each flag,
 * the value as typed and what the flag takes.
 */
export function parseOptions<S extends z.ZodType>(schema: S, options: Readonly<Record<string, unknown>>, command: string): z.output<S> {
  const result = schema.safeParse(options);
  if (result.success) return result.data;
  throw new OptionError(command, optionIssues(schema, options, result.error));
}

/** A comma-separated CLI list option (`--native marketo,chat`), each item checked with `item` (an empty one too). */
export const listOption = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform(listItems)
    .pipe(z.array(item));

/** A CLI option holding JSON (`--faults '{"timeout":0.1}'`), checked with `schema`; text that is not JSON is refused. */
export const jsonOption = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `is not JSON (${(error as Error).message})` });
        return z.NEVER;
      }
    })
    .pipe(schema);
