import { CsvError, parse } from 'csv-parse/sync';
import { describeValue, InputError, type InputIssue } from '../core/errors.ts';
import { LIST_UPLOAD_COLUMNS, type ListUploadRow } from './listUpload.ts';

/** Rows of an event CSV by line number (the header is line 1), or every problem found in the file. */
export type ListUploadCsvResult = { ok: true; rows: { line: number; row: ListUploadRow }[] } | { ok: false; error: InputError };

/** Header spellings folded to the canonical column: "email", "E-mail", "first_name", "FirstName" → "First Name". */
function canonicalColumn(header: string): string {
  const folded = header.toLowerCase().replace(/[^a-z]/g, '');
  const known = LIST_UPLOAD_COLUMNS.find((column) => column.toLowerCase().replace(/[^a-z]/g, '') === folded);
  return known ?? header.trim();
}

/**
 * Parses an event CSV with csv-parse: a header row (column names matched loosely, see LIST_UPLOAD_COLUMNS), then one
 * person per row. Every problem is reported at once, each with its line number and column as the path:
 * a missing Email column, a row with no email, a row with the wrong number of cells, a broken quote.
 */
export function parseListUploadCsv(text: string, options: { file?: string } = {}): ListUploadCsvResult {
  const issues: InputIssue[] = [];
  let records: { record: Record<string, string>; info: { lines: number } }[] = [];
  let header: string[] = [];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
      columns: (row: string[]) => (header = row.map(canonicalColumn)),
    }) as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? 0;
    issues.push({ path: [line], message: error.message.replace(/^Invalid Record Length: /, 'wrong number of cells: ') });
  }
  if (issues.length === 0 && header.length > 0 && !header.includes('Email')) {
    issues.push({ path: [1], message: 'the header (line 1) has no "Email" column', expected: `a header row with the columns ${LIST_UPLOAD_COLUMNS.join(', ')}`, got: header.join(',') });
  }
  if (issues.length === 0 && header.length === 0) issues.push({ path: [], message: 'the file is empty', expected: 'a header row, then one row per person' });
  const rows: { line: number; row: ListUploadRow }[] = [];
  if (issues.length === 0) {
    for (const { record, info } of records) {
      const email = (record.Email ?? '').trim();
      if (email === '') {
        issues.push({ path: [info.lines, 'Email'], message: `no email on line ${info.lines}`, expected: 'an email address', got: describeValue(record.Email ?? '') });
        continue;
      }
      rows.push({ line: info.lines, row: { ...record, Email: record.Email ?? '' } });
    }
  }
  if (issues.length > 0) {
    return {
      ok: false,
      error: new InputError('INVALID_INPUT', {
        action: 'read the list upload',
        issues,
        ...(options.file !== undefined ? { file: options.file } : {}),
        hint: 'Fix those lines (paths are $[line].column) and upload the file again.',
      }),
    };
  }
  return { ok: true, rows };
}
