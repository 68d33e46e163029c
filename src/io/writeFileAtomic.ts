import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { LeadsimError } from '../core/errors.ts';

/**
 * Throws a clear error when `path` cannot be written because its folder is missing or is not a folder. Commands
 * that run long call it before they start, so a bad `--json`/`--out` path costs nothing.
 */
export function assertWritablePath(path: string): void {
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new LeadsimError('FILE_NOT_FOUND', `Failed to write "${path}": the folder "${folder}" does not exist. Create it, or write somewhere else.`);
  }
}

/**
 * Writes a file whole or not at all: to a temporary file beside it, then renamed over the target. A missing folder is
 * reported as such and leaves nothing behind.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  assertWritablePath(path);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw new LeadsimError('INVALID_ARGUMENT', `Failed to write "${path}": ${error instanceof Error ? error.message : String(error)}. Check the path and its permissions.`, { cause: error });
  }
}
