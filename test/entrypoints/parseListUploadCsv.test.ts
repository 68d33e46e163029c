import iconv from 'iconv-lite';
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
        events/summit.csv $[1]: the header (line 1) has no email column (expected a header row with the columns Email, First Name, Last Name, Company, Country, Phone, Title, Consent (or "Email Address", "E-Mail", "Work Email"...), got Name,Company)
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
        Fix those lines (paths are $[line].column) and upload the file again, or pass --skip-invalid to leave those rows out."
      `);
    }
  });

  it('names the line of a row with the wrong number of cells', () => {
    const result = parseListUploadCsv('Email,Company\nada@a.io,AE\nb@b.io,B,extra\n', { file: 'list.csv' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatchInlineSnapshot(`
      "Failed to read the list upload "list.csv": 1 problem found.
        list.csv $[3]: line 3 has 3 cells with values past the header's 2 columns (expected at most 2 cells (a "," inside a value needs quotes), got "extra")
      Fix those lines (paths are $[line].column) and upload the file again, or pass --skip-invalid to leave those rows out."
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

  it('ignores blank lines and the separator-only rows Excel leaves after the data, and reports them', () => {
    const result = parseListUploadCsv('Email,First Name,Last Name,Company\nada@a.io,Ada,L,AE\n,,,\n\n  ,  , ,\n,,,,,,,\n');
    expect(result).toMatchObject({ ok: true, blankLines: [3, 4, 5, 6], skipped: [] });
    if (result.ok) expect(result.rows.map((r) => r.line)).toEqual([2]);
  });

  it.each([
    ['semicolon (German Excel)', 'E-Mail;Vorname;Nachname;Firma;Land\nada@a.de;Ada;Lovelace;AE GmbH;Österreich\n', ';'],
    ['tab', 'Email Address\tFirst Name\tCountry/Region\nada@a.de\tAda\tÖsterreich\n', '\t'],
    ['pipe', 'Email|Name|Country\nada@a.de|Ada Lovelace|Österreich\n', '|'],
    ["Excel's sep= line", 'sep=;\nEmail;Company;Country\nada@a.de;Acme, Inc.;Österreich\n', ';'],
  ])('detects the delimiter: %s', (_label, csv, delimiter) => {
    const result = parseListUploadCsv(csv);
    expect(result).toMatchObject({ ok: true, delimiter });
    if (result.ok) expect(result.rows[0]?.row).toMatchObject({ Email: 'ada@a.de', Country: 'Österreich' });
  });

  it('maps header synonyms to the columns, splits a full name, keeps other columns and reports each', () => {
    const csv = 'Email Address,Full Name,Company Name,Country/Region,Job Title,Mobile Phone,Badge ID\nada@a.io,Ada Lovelace,AE,UK,CTO,+44 20 7946 0000,B-17\n';
    const result = parseListUploadCsv(csv);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows[0]?.row).toEqual({ Email: 'ada@a.io', 'First Name': 'Ada', 'Last Name': 'Lovelace', Company: 'AE', Country: 'UK', Title: 'CTO', Phone: '+44 20 7946 0000', 'Badge ID': 'B-17' });
    expect(result.headers).toEqual([
      { header: 'Email Address', column: 'Email' },
      { header: 'Full Name', column: 'Full Name' },
      { header: 'Company Name', column: 'Company' },
      { header: 'Country/Region', column: 'Country' },
      { header: 'Job Title', column: 'Title' },
      { header: 'Mobile Phone', column: 'Phone' },
      { header: 'Badge ID', key: 'Badge ID' },
    ]);
  });

  it.each([
    ['a CRM report (Salesforce)', 'First Name,Last Name,Title,Company / Account,Email,Phone,Mailing Country'],
    ['a marketing export (HubSpot)', 'First Name,Last Name,Email,Company Name,Job Title,Phone Number,Country/Region'],
    ['a webinar export (Zoom)', 'First Name,Last Name,Email,Organization,Job Title,Phone,Country/Region'],
    ['an event export (Eventbrite)', 'Attendee first name,Attendee last name,Attendee email,Company,Job Title,Work Phone,Cell Phone,Country'],
    ['a lead-gen export (LinkedIn)', 'First Name,Last Name,Email Address,Company Name,Job Title,Country'],
  ])('reads the headers of %s', (_label, header) => {
    const cells = header.split(',').length;
    const result = parseListUploadCsv(`${header}\n${['Ada', 'Lovelace', 'CTO', 'AE', 'ada@a.io', '+44 20 7946 0000', 'UK', '', ''].slice(0, cells).join(',')}\n`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const mapped = new Set(result.headers.flatMap((h) => (h.column ? [h.column] : [])));
    for (const column of ['Email', 'First Name', 'Last Name', 'Company', 'Country'] as const) expect(mapped).toContain(column);
  });

  it('gives a column to its best header when two fold to it (Phone over Mobile, Email over Work Email)', () => {
    const result = parseListUploadCsv('Work Email,Mobile,Email,Phone\nw@a.io,1,e@a.io,2\n');
    expect(result.ok && result.rows[0]?.row).toEqual({ Email: 'e@a.io', Phone: '2', 'Work Email': 'w@a.io', Mobile: '1' });
  });

  describe('encodings', () => {
    const csv = 'Email;Vorname;Nachname;Land\nj.mueller@a.at;Jörg;Müller;Österreich\n';
    it.each([
      ['UTF-8 without BOM', Buffer.from(csv, 'utf8'), 'utf-8'],
      ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]), 'utf-8'],
      ['UTF-16 LE with BOM (Excel "Unicode text")', iconv.encode(csv.replaceAll(';', '\t'), 'utf-16le', { addBOM: true }), 'utf-16le'],
      ['UTF-16 BE with BOM', iconv.encode(csv, 'utf-16be', { addBOM: true }), 'utf-16be'],
      ['Windows-1252 (Excel "CSV" on Western Windows)', iconv.encode(csv, 'windows-1252'), 'windows-1252'],
    ])('reads %s', (_label, bytes, encoding) => {
      const result = parseListUploadCsv(bytes, { file: 'list.csv' });
      expect(result).toMatchObject({ ok: true, encoding });
      if (result.ok) expect(result.rows[0]?.row).toMatchObject({ 'First Name': 'Jörg', 'Last Name': 'Müller', Country: 'Österreich' });
    });

    it('refuses an encoding it cannot tell apart, naming it and --encoding, and reads it with --encoding', () => {
      const bytes = iconv.encode('Email,名前,国\nyamada@a.jp,山田,日本\ntanaka@a.jp,田中,日本\n', 'shift_jis');
      const result = parseListUploadCsv(bytes, { file: 'japan.csv' });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/^Failed to read "japan\.csv": 1 problem found\.\n  japan\.csv \$: the file is not UTF-8; it looks like Shift_JIS .*pass --encoding shift_jis/);
      expect(parseListUploadCsv(bytes, { file: 'japan.csv', encoding: 'shift_jis' })).toMatchObject({ ok: true, encoding: 'shift_jis' });
      const unknown = parseListUploadCsv(bytes, { file: 'japan.csv', encoding: 'klingon' });
      expect(!unknown.ok && unknown.error.message).toContain('unknown encoding "klingon" in --encoding');
    });

    it('refuses UTF-16 without a byte-order mark, naming it', () => {
      const result = parseListUploadCsv(iconv.encode(csv, 'utf-16le'), { file: 'list.csv' });
      expect(!result.ok && result.error.message).toContain('looks like UTF-16LE without a byte-order mark');
    });
  });

  it('with skipInvalid skips exactly the rows it reports, each with its line; blank rows are not among them', () => {
    const csv = 'Email,Company\nada@a.io,AE\n,No email Inc\nb@b.io,B,extra\n"multi\nline@c.io",C\n,,\nd@d.io,D\n';
    const result = parseListUploadCsv(csv, { file: 'list.csv', skipInvalid: true });
    expect(result).toMatchObject({
      ok: true,
      skipped: [
        { line: 3, reason: 'no email on line 3' },
        { line: 4, reason: "line 4 has 3 cells with values past the header's 2 columns" },
      ],
      blankLines: [7],
    });
    if (result.ok) expect(result.rows.map((r) => [r.line, r.row.Email])).toEqual([[2, 'ada@a.io'], [5, 'multi\nline@c.io'], [8, 'd@d.io']]);
  });

  it('names the file and the line of a broken quote, and never skips past one', () => {
    for (const skipInvalid of [false, true]) {
      const result = parseListUploadCsv('Email,Company\na@a.io,A\nb@b.io,"B\nc@c.io,C\n', { file: 'list.csv', skipInvalid });
      expect(!result.ok && result.error.message).toMatch(/^Failed to read the list upload "list\.csv": 1 problem found\.\n  list\.csv \$\[\d\]: Quote Not Closed/);
    }
  });
});
