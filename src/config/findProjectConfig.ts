import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAME } from './projectConfigSchema.ts';

/**
 * The nearest `leadsim.config.json` in `cwd` or a folder above it (absolute path), or undefined when there is none
 * up to the filesystem root.
 */
export function findProjectConfig(cwd: string = process.cwd()): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const file = join(dir, CONFIG_FILE_NAME);
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) return undefined;
  }
}
