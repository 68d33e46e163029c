import { describe, expect, it } from 'vitest';
import { listUploadPayloads } from '../../src/entrypoints/listUpload.ts';
import { parseListUploadCsv } from '../../src/entrypoints/parseListUploadCsv.ts';
import { parsePayload } from '../../src/entrypoints/registry.ts';

describe('parseListUploadCsv', () => {
  it('reads rows by header with their line numbers', () => {
    const csv = 'Email,First Name,Last Name,Company,Country,Phone,Title,Consent\nada@a.io,Ada,Lovelace,AE,Deutschland,,CTO,Yes\n\n"grace@navy.mil","Grace","Hopper","Navy, US","U.S.",,,\n';
    const result = parseListUploadCsv(csv, { file: 'summit.csv' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(result.rows[1]?.row).toMatchObject({ Email: 'grace@navy.mil', Company: 'Navy, US', Country: 'U.S.' });
    const payloads = listUploadPayloads(result.rows, { campaign: 'Summit', memberStatus: 'Attended', file: 'summit.csv' });
    expect(payloads[0]).toMatchObject({ campaign: 'Summit', memberStatus: 'Attended', file: 'summit.csv', line: 2 });
    for (const payload of payloads) expect(parsePayload('list-upload', payload).ok).toBe(true);
  });

  it('folds header spellings to the canonical columns', () => {
    const result = parseListUploadCsv('E-mail,first_name,LASTNAME\nx@y.io,X,Y\n');
    expect(result.ok && result.rows[0]?.row).toEqual({ Email: 'x@y.io', 'First Name': 'X', 'Last Name': 'Y' });
  });

  it('names the file and line 1 when the Email column is missing', () => {
    const result = parseListUploadCsv('Name,Company\nAda,AE\n', { file: 'events/summit.csv' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatchInlineSnapshot(`
      "Failed to read the list upload "events/summit.csv": 1 problem found.
        events/summit.csv $[1]: the header (line 1) has no "Email" column (expected a header row with the columns Email, First Name, Last Name, Company, Country, Phone, Title, Consent, got Name,Company)
      Fix those lines (paths are $[line].column) and upload the file again."
    `);
  });

  it('names each line with no email', () => {
    const result = parseListUploadCsv('Email,Company\nada@a.io,AE\n ,Navy\n,W3C\n', { file: 'list.csv' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.issues.map((i) => i.path)).toEqual([[3, 'Email'], [4, 'Email']]);
      expect(result.error.message).toMatchInlineSnapshot(`
        "Failed to read the list upload "list.csv": 2 problems found.
          list.csv $[3].Email: no email on line 3 (expected an email address, got " ")
          list.csv $[4].Email: no email on line 4 (expected an email address, got "")
        Fix those lines (paths are $[line].column) and upload the file again."
      `);
    }
  });

  it('names the line of a row with the wrong number of cells', () => {
    const result = parseListUploadCsv('Email,Company\nada@a.io,AE\nb@b.io,B,extra\n', { file: 'list.csv' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatchInlineSnapshot(`
      "Failed to read the list upload "list.csv": 1 problem found.
        list.csv $[3]: wrong number of cells: columns length is 2, got 3 on line 3
      Fix those lines (paths are $[line].column) and upload the file again."
    `);
  });

  it('rejects an empty file', () => {
    const result = parseListUploadCsv('', { file: 'empty.csv' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatchInlineSnapshot(`
      "Failed to read the list upload "empty.csv": 1 problem found.
        empty.csv $: the file is empty (expected a header row, then one row per person)
      Fix those lines (paths are $[line].column) and upload the file again."
    `);
  });
});
