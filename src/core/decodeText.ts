import chardet from 'chardet';
import iconv from 'iconv-lite';
import { InputError } from './errors.ts';

/** A decoded file: its text (without a byte-order mark) and the encoding it was read as. */
export interface DecodedText {
  readonly text: string;
  /** As iconv-lite names it: `utf-8`, `utf-16le`, `utf-16be`, `windows-1252`, or the one the caller gave. */
  readonly encoding: string;
  /** How the encoding was chosen: a byte-order mark, valid UTF-8, detection (chardet), or the caller's option. */
  readonly how: 'bom' | 'utf-8' | 'detected' | 'option';
}

/** Options of {@link decodeText}. */
export interface DecodeTextOptions {
  /** Names the file in errors. */
  readonly file?: string;
  /** Read as this encoding (any iconv-lite knows: `windows-1252`, `latin1`, `utf-16le`, `shift_jis`…) instead of detecting. */
  readonly encoding?: string;
  /** The option that sets the encoding, as the caller spells it in hints (default `--encoding`). */
  readonly option?: string;
}

const BOMS: readonly [bytes: readonly number[], encoding: string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/** chardet's names for text that Windows-1252 reads right (it is a superset of ISO-8859-1's letters). */
const WESTERN = new Set(['ISO-8859-1', 'windows-1252', 'ISO-8859-15']);

/**
 * Decodes a file as exported by spreadsheets and CRMs: a byte-order mark decides (UTF-8, UTF-16 LE/BE, as Excel's
 * "Unicode text" writes); else valid UTF-8 is UTF-8; else, when chardet's best guess is a Western single-byte
 * encoding (ISO-8859-1, Windows-1252: Excel's "CSV" on a Western Windows), Windows-1252. Anything else is refused
 * with the encoding it looks like and how to read it (`--encoding NAME`): a file read in the wrong encoding would
 * turn "Österreich" into "�sterreich" and go on silently.
 *
 * @throws {InputError} `INVALID_INPUT` for an unknown `encoding` option, or a file whose encoding is not one of these.
 */
export function decodeText(bytes: Uint8Array, options: DecodeTextOptions = {}): DecodedText {
  const option = options.option ?? '--encoding';
  const fail = (message: string, expected: string, got?: string): never => {
    throw new InputError('INVALID_INPUT', { action: 'read', ...(options.file !== undefined ? { file: options.file } : {}), issues: [{ path: [], message, expected, ...(got !== undefined ? { got } : {}) }] });
  };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (options.encoding !== undefined) {
    if (!iconv.encodingExists(options.encoding)) fail(`unknown encoding ${JSON.stringify(options.encoding)} in ${option}`, 'an encoding such as utf-8, windows-1252, latin1, utf-16le, utf-16be, shift_jis');
    return { text: stripBom(iconv.decode(buffer, options.encoding)), encoding: options.encoding, how: 'option' };
  }
  for (const [bom, encoding] of BOMS) {
    if (bom.every((b, i) => buffer[i] === b)) return { text: stripBom(iconv.decode(buffer, encoding)), encoding, how: 'bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'utf-8', how: 'utf-8' };
  } catch {
    // not UTF-8: detect below
  }
  const utf16 = utf16WithoutBom(buffer);
  if (utf16) fail(`the file looks like ${utf16.toUpperCase()} without a byte-order mark`, `UTF-8, UTF-16 with a byte-order mark or Windows-1252; pass ${option} ${utf16} to read it`);
  const guesses = chardet.analyse(buffer);
  const best = guesses[0];
  const top = guesses.filter((g) => g.confidence === best?.confidence);
  if (top.some((g) => WESTERN.has(g.name))) return { text: iconv.decode(buffer, 'windows-1252'), encoding: 'windows-1252', how: 'detected' };
  const name = best?.name ?? 'an unknown encoding';
  return fail(
    `the file is not UTF-8; it looks like ${name}${best ? ` (chardet, ${best.confidence}% confident)` : ''}`,
    `UTF-8, UTF-16 with a byte-order mark or Windows-1252; pass ${option} ${best ? best.name.toLowerCase() : 'NAME'} if that is its encoding, or save it as UTF-8`,
  );
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** UTF-16 written without a byte-order mark: every other byte of ASCII text is zero. */
function utf16WithoutBom(buffer: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(buffer.length - (buffer.length % 2), 512);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buffer[i] === 0) evenZero++;
    if (buffer[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  if (oddZero > half * 0.6 && evenZero < half * 0.1) return 'utf-16le';
  if (evenZero > half * 0.6 && oddZero < half * 0.1) return 'utf-16be';
  return undefined;
}
