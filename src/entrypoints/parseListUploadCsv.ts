import { CsvError, parse } from 'csv-parse/sync';
import { decodeText } from '../core/decodeText.ts';
import { describeValue, InputError, type InputIssue } from '../core/errors.ts';
import { splitFullName } from '../standardize/fullName.ts';
import { LIST_UPLOAD_COLUMNS, type ListUploadRow } from './listUpload.ts';
import { mapListUploadHeaders, type HeaderMapping } from './listUploadHeaders.ts';

/** One row left out by `skipInvalid`, with its line and why. */
export interface SkippedRow {
  readonly line: number;
  readonly reason: string;
}

/** How the file was read: what the caller can report ("read as windows-1252, ';'-separated; E-Mail → Email"). */
export interface ListUploadCsvRead {
  readonly encoding: string;
  readonly delimiter: string;
  /** Every header of the file and the column it fills (none: kept as an extra column). */
  readonly headers: readonly HeaderMapping[];
  /** Lines with no value in any cell (blank, or separators only as Excel leaves them): ignored. */
  readonly blankLines: readonly number[];
}

/**
 * Rows of an event CSV by line number (the header is line 1 unless blank lines or Excel's `sep=` line come first),
 * how it was read, and with `skipInvalid` the rows left out; or every problem found in the file.
 */
export type ListUploadCsvResult =
  | ({ ok: true; rows: { line: number; row: ListUploadRow }[]; skipped: SkippedRow[] } & ListUploadCsvRead)
  | { ok: false; error: InputError };

/** Options of {@link parseListUploadCsv}. */
export interface ParseListUploadCsvOptions {
  /** Names the file in errors. */
  readonly file?: string;
  /** Bytes only: read as this encoding instead of detecting it (see {@link decodeText}). */
  readonly encoding?: string;
  /** Leave out rows that cannot be read (no email, cells past the header's) and list them, instead of failing. */
  readonly skipInvalid?: boolean;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * Parses an event CSV as spreadsheets and event platforms export it, with csv-parse:
 * - bytes are decoded by {@link decodeText} (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252, or a refusal
 *   naming the encoding); a string is taken as it is (a leading BOM dropped);
 * - the delimiter is Excel's `sep=X` first line when there is one, else the one of `,` `;` tab `|` that splits the
 *   header most (German Excel writes `;`);
 * - headers are matched to the columns by {@link mapListUploadHeaders} ("Email Address", "E-Mail", "Work Email",
 *   "Company Name", "Country/Region", "Mobile", a single "Name" split into first and last);
 * - blank lines and lines of separators only (",,,,,,," as Excel leaves after the data) are ignored, as are empty
 *   cells past the header's; a row with no email or with values past the header's is an error naming its line,
 *   or with `skipInvalid` is left out and listed in `skipped`.
 * A broken quote is always an error: what follows it cannot be read reliably, so it cannot be skipped.
 */
export function parseListUploadCsv(input: string | Uint8Array, options: ParseListUploadCsvOptions = {}): ListUploadCsvResult {
  const file = options.file !== undefined ? { file: options.file } : {};
  const failed = (issues: InputIssue[], rows = false): ListUploadCsvResult => ({
    ok: false,
    error: new InputError('INVALID_INPUT', { action: 'read the list upload', issues, ...file, hint: `Fix those lines (paths are $[line].column) and upload the file again${rows ? ', or pass --skip-invalid to leave those rows out' : ''}.` }),
  });
  let decoded: { text: string; encoding: string };
  try {
    decoded = typeof input === 'string' ? { text: input.replace(/^\uFEFF/, ''), encoding: 'utf-8' } : decodeText(input, { ...file, ...(options.encoding !== undefined ? { encoding: options.encoding } : {}) });
  } catch (error) {
    if (error instanceof InputError) return { ok: false, error };
    throw error;
  }
  let text = decoded.text;
  let lineOffset = 0;
  const sep = /^sep=(.)\r?\n/.exec(text);
  if (sep) {
    text = text.slice(sep[0].length);
    lineOffset = 1;
  }
  const delimiter = sep?.[1] ?? detectDelimiter(text);
  const parseIssues: InputIssue[] = [];
  const records = parse(text, {
    delimiter,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      if (error) parseIssues.push({ path: [((error as CsvError & { lines?: number }).lines ?? 0) + lineOffset], message: `${error.message.replace(/ at line \d+/, '')} (a broken quote: fix it, the rest of the file depends on it)` });
      return undefined;
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];
  if (parseIssues.length > 0) return failed(parseIssues);

  const blankLines: number[] = [];
  let previousEnd = lineOffset;
  const lines = records.map(({ record, info }) => {
    const line = previousEnd + 1;
    previousEnd = info.lines + lineOffset;
    return { line, cells: record };
  });
  const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');
  const headerAt = lines.findIndex((l) => !isBlank(l.cells));
  if (headerAt < 0) return failed([{ path: [], message: 'the file is empty', expected: 'a header row, then one row per person' }]);
  const header = lines[headerAt]!;
  blankLines.push(...lines.slice(0, headerAt).map((l) => l.line));
  const headers = mapListUploadHeaders(trimTrailingEmpty(header.cells));
  if (!headers.some((h) => h.column === 'Email')) {
    return failed([{ path: [header.line], message: `the header (line ${header.line}) has no email column`, expected: `a header row with the columns ${LIST_UPLOAD_COLUMNS.join(', ')} (or "Email Address", "E-Mail", "Work Email"...)`, got: header.cells.join(delimiter) }]);
  }

  const rows: { line: number; row: ListUploadRow }[] = [];
  const problems: (InputIssue & { line: number })[] = [];
  for (const { line, cells } of lines.slice(headerAt + 1)) {
    if (isBlank(cells)) {
      blankLines.push(line);
      continue;
    }
    const past = cells.slice(headers.length).filter((c) => c.trim() !== '');
    if (past.length > 0) {
      problems.push({ line, path: [line], message: `line ${line} has ${cells.length} cells with values past the header's ${headers.length} columns`, expected: `at most ${headers.length} cells (a "${delimiter}" inside a value needs quotes)`, got: describeValue(past.join(delimiter)) });
      continue;
    }
    const row = rowOf(headers, cells);
    if (row.Email.trim() === '') {
      problems.push({ line, path: [line, 'Email'], message: `no email on line ${line}`, expected: 'an email address', got: describeValue(row.Email) });
      continue;
    }
    rows.push({ line, row });
  }
  if (problems.length > 0 && !options.skipInvalid) return failed(problems.map(({ line: _, ...issue }) => issue), true);
  return { ok: true, rows, skipped: problems.map((p) => ({ line: p.line, reason: p.message })), encoding: decoded.encoding, delimiter, headers, blankLines };
}

/** The row of `cells` under the mapped headers: canonical columns, a full name split, extra columns kept. */
function rowOf(headers: readonly HeaderMapping[], cells: readonly string[]): ListUploadRow {
  const row: Record<string, string> = {};
  headers.forEach((h, i) => {
    const value = cells[i] ?? '';
    if (h.column === 'Full Name') {
      const { firstName, lastName } = splitFullName(value);
      if (firstName !== undefined) row['First Name'] = firstName;
      if (lastName !== undefined) row['Last Name'] = lastName;
    } else if (h.column !== undefined) row[h.column] = value;
    else if (h.key !== undefined) row[h.key] = value;
  });
  return { ...row, Email: row['Email'] ?? '' };
}

/** Excel pads the header with empty cells when a data row is wider: they are not columns. */
function trimTrailingEmpty(cells: readonly string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1]!.trim() === '') end--;
  return cells.slice(0, end);
}

/** The delimiter that splits the first non-blank line (outside quotes) into the most cells. */
function detectDelimiter(text: string): string {
  const first = text.split(/\r?\n/).find((l) => l.replace(/[,;\t|\s]/g, '') !== '') ?? '';
  const unquoted = first.replace(/"[^"]*"/g, '');
  let best: string = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    const n = unquoted.split(d).length - 1;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}
