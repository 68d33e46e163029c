import { readFileSync } from 'node:fs';
import { packagePath } from '../core/packagePath.ts';

/** The version of the installed leadsim package, from its `package.json` (what `leadsim --version` prints). */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}
