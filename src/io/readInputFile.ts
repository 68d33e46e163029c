import { readFileSync } from 'node:fs';
import { LeadsimError } from '../core/errors.ts';

/**
 * Reads a file a user named, as bytes, or throws a {@link LeadsimError} FILE_NOT_FOUND in the one template:
 * `Failed to read <what> "<file>": the file does not exist. Check the path.` (or why it cannot be read).
 */
export function readInputBytes(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'the file does not exist' : code === 'EISDIR' ? 'it is a folder, not a file' : `the file cannot be read (${code ?? String(error)})`;
    throw new LeadsimError('FILE_NOT_FOUND', `Failed to read ${what} "${file}": ${reason}. Check the path.`, { cause: error });
  }
}

/**
 * Reads a file a user named, as UTF-8 text ({@link readInputBytes} for the errors).
 * @example
 * const text = readInputFile('leadsim.org.json', 'org spec');
 */
export function readInputFile(file: string, what: string): string {
  return readInputBytes(file, what).toString('utf8');
}
