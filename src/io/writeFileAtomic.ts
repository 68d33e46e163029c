import { renameSync, writeFileSync, rmSync } from 'node:fs';

/** Writes a file whole or not at all: to a temporary file beside it, then renamed over the target. */
export function writeFileAtomic(path: string, content: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
