import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LeadsimError } from '../core/errors.ts';

/**
 * The scenario files named by `paths`: files as given, directories searched recursively for `*.json` (sorted,
 * skipping `graphs/` folders, JSON Schemas `*.schema.json` and allow-lists `*.allow.json`). A path that does not
 * exist throws FILE_NOT_FOUND.
 */
export function findScenarioFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const path of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch (error) {
      throw new LeadsimError('FILE_NOT_FOUND', `Failed to read scenario "${path}": the path does not exist. Check the path.`, { cause: error });
    }
    if (isDir) out.push(...walk(path));
    else out.push(path);
  }
  return out;
}

function walk(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'graphs' || e.name === 'node_modules' ? [] : walk(path);
    return e.name.endsWith('.json') && !e.name.endsWith('.schema.json') && !e.name.endsWith('.allow.json') ? [path] : [];
  });
}
