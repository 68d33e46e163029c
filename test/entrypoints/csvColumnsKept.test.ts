import { describe, expect, it } from 'vitest';
import { parseListUploadCsv } from '../../src/entrypoints/parseListUploadCsv.ts';
import { readCsvTraffic } from '../../src/scenarios/readTraffic.ts';

const UPLOAD = { campaign: 'Trade Show', memberStatus: 'Attended' };

describe('list upload CSV: no column is dropped or left unreported', () => {
  it('keeps a repeated header as its own extra column (Email_2) and says so', () => {
    const csv = 'Email,Email,Company,Notes,Notes\nada@acme.example,ada.private@mail.example,Acme,first,second\n';
    const parsed = parseListUploadCsv(csv);
    if (!parsed.ok) throw parsed.error;
    expect(parsed.rows[0]!.row).toEqual({ Email: 'ada@acme.example', Email_2: 'ada.private@mail.example', Company: 'Acme', Notes: 'first', Notes_2: 'second' });
    const read = readCsvTraffic(csv, UPLOAD);
    expect(read.notes).toContain('kept as extra columns (not used by the pipeline): "Email" (as Email_2), "Notes", "Notes" (as Notes_2)');
  });

  it('reports a Full Name column it split in the columns line', () => {
    const read = readCsvTraffic('Full Name,Email\nAda Lovelace,ada@acme.example\n', UPLOAD);
    expect(read.notes).toContain('columns: "Full Name" → First Name + Last Name');
    expect((read.events[0]!.payload as { row: Record<string, string> }).row).toMatchObject({ 'First Name': 'Ada', 'Last Name': 'Lovelace' });
  });
});
