// Builds dist/ from the TypeScript sources (tsconfig.build.json): JavaScript, declarations and maps, then makes the
// CLI executable. `node scripts/build.mjs` starts from an empty dist/ (npm run build, prepare, pack);
// `--incremental` keeps it and rebuilds only what changed (the tests' globalSetup, npm run bench).
import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!process.argv.includes('--incremental')) rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
try {
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
} catch {
  process.exit(2);
}
chmodSync(new URL('../dist/src/cli/bin.js', import.meta.url), 0o755);
