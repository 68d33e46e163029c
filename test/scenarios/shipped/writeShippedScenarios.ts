// Regenerates the curated scenarios under scenarios/ from shippedScenarios.ts:
// `npx tsx test/scenarios/shipped/writeShippedScenarios.ts`. Each file is self-contained; review the diff.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../../src/io/writeFileAtomic.ts';
import { SHIPPED, shippedScenario } from './shippedScenarios.ts';

const root = fileURLToPath(new URL('../../../scenarios/', import.meta.url));
for (const [path, spec] of Object.entries(SHIPPED)) {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomic(file, `${JSON.stringify(shippedScenario(path, spec), null, 2)}\n`);
  process.stdout.write(`wrote ${file}\n`);
}
