import { z } from 'zod';

/** One report `leadsim replay` writes: a reporter, and the file it goes to (stdout without one). */
export const ReporterConfigSchema = z.strictObject({
  type: z.enum(['text', 'json', 'junit']).describe('text for people, json for tools, junit for CI test reports.'),
  out: z.string().min(1).optional().describe('The file to write (relative to this config), atomically; stdout when left out.'),
});
export type ReporterConfig = z.infer<typeof ReporterConfigSchema>;

/** `reporters`: the reports `leadsim replay` writes unless given `--reporter`/`--out`. */
export const reportersSection = {
  reporters: z.array(ReporterConfigSchema).min(1).default([{ type: 'text' }]).describe('The reports replay writes (default: text on stdout); --reporter and --out replace them.'),
};
