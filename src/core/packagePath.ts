import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The absolute path of a file shipped with the leadsim package (`packagePath('scenarios', 'graphs',
 * 'default.json')`), the same whether leadsim runs from its TypeScript source (`src/`) or from the build
 * (`dist/src/`) in a user's `node_modules`: the package root is the nearest folder above this module that holds a
 * `package.json`. For assets leadsim reads at run time (the default graph, JSON Schemas, `leadsim init` templates);
 * a user's own files resolve from the working directory, never from here.
 */
export function packagePath(...segments: string[]): string {
  root ??= findPackageRoot(dirname(fileURLToPath(import.meta.url)));
  return join(root, ...segments);
}

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`Failed to find the leadsim package root above "${from}": no package.json. Reinstall leadsim.`);
  }
}
