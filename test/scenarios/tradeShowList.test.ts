import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Expectation } from '../../src/scenarios/scenarioSchema.ts';
import { cli, tempDir, writeJson } from './cliHarness.ts';
import { SHIPPED_ORG } from './shipped/shippedOrg.ts';

/**
 * A 25-row trade-show list as exhibitors get it: a badge-scanner export (UTF-8 with BOM, commas, "Email Address",
 * "Country/Region"), and the same list saved by German Excel (Windows-1252, semicolons, "E-Mail", "Land",
 * "Österreich", "Ja"/"Nein"), both with Excel's trailing separator rows. Among the people: an invalid email
 * (tom.nguyen@@litware.example), a contact and a lead already in the org, a badge scanned twice, "Korea".
 */
const FIXTURES = join(import.meta.dirname, '../fixtures/trade-show');
const EN = join(FIXTURES, 'hannover-messe-2025.csv');
const DE = join(FIXTURES, 'hannover-messe-2025-de.csv');
const CAMPAIGN = 'Hannover Messe 2025';

const dir = tempDir('trade-show');
const org = writeJson(dir, 'org.json', SHIPPED_ORG);

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

interface Recording {
  events: { person: string; payload: { line: number } }[];
  expect: Record<string, Expectation>;
  org: { people: { Email: string }[] };
}

async function record(file: string, out: string, ...extra: string[]): Promise<{ out: string; scenario: Recording }> {
  const result = await cli('record', '--from-csv', file, '--campaign', CAMPAIGN, '--create-campaign', '--campaign-type', 'Trade Show', '--org', org, '--out', join(dir, out), ...extra);
  expect(result.err).toBe('');
  expect(result.code).toBe(0);
  return { out: result.out, scenario: JSON.parse(readFileSync(join(dir, out), 'utf8')) as Recording };
}

/** Each row's outcome, in row order, with the personal data a rejection quotes blanked out. */
function outcomes(r: Recording): Expectation[] {
  return r.events.map((e) => {
    const x = r.expect[e.person]!;
    return x.rejected !== undefined ? { ...x, rejected: x.rejected.replace(/"[^"]*"/g, '"…"') } : x;
  });
}

describe('a trade-show list as exported', () => {
  it('is refused for a campaign the org does not have, with the known campaigns (exit 2, nothing written)', async () => {
    const result = await cli('record', '--from-csv', EN, '--campaign', CAMPAIGN, '--org', org, '--out', join(dir, 'never.json'));
    expect(result.code).toBe(2);
    expect(result.err).toContain(`the campaign "${CAMPAIGN}" is not in the org (expected one of "Website - Demo Request"`);
    expect(result.err).toContain('"Joint Campaign - DevOps Days"');
    expect(result.err).toContain('--create-campaign');
    expect(readdirSync(dir)).not.toContain('never.json');
  });

  it('replays with the same outcome for every row, pseudonymized or not, from either export', async () => {
    const rawEn = await record(EN, 'en-raw.json', '--keep-personal-data');
    const rawDe = await record(DE, 'de-raw.json', '--keep-personal-data');
    vi.stubEnv('LEADSIM_PSEUDONYM_KEY', 'trade-show-key-0123456789');
    const pseudoEn = await record(EN, 'en-pseudo.json');
    const pseudoDe = await record(DE, 'de-pseudo.json');

    expect(rawDe.out).toContain('read as windows-1252, ";"-separated, 25 rows');
    expect(rawDe.out).toContain('"E-Mail" → Email');
    expect(rawDe.out).toContain('ignored 4 blank lines (27, 28, 29, 30)');
    expect(rawEn.out).toContain('read as utf-8, ","-separated, 25 rows');
    expect(rawEn.out).toContain('"Email Address" → Email, "Company Name" → Company, "Job Title" → Title, "Country/Region" → Country, "Phone Number" → Phone');
    expect(rawEn.out).toContain(`created campaign "${CAMPAIGN}" (Trade Show, MDF No, channel partner No)`);
    expect(pseudoEn.out).toContain('personal data pseudonymized with the key in LEADSIM_PSEUDONYM_KEY');

    const rows = outcomes(rawEn.scenario);
    expect(rows).toHaveLength(25);
    expect(outcomes(rawDe.scenario)).toEqual(rows);
    expect(outcomes(pseudoEn.scenario)).toEqual(rows);
    expect(outcomes(pseudoDe.scenario)).toEqual(rows);

    // Row by row, what the list should do.
    expect(rows[0]).toMatchObject({ fields: { CountryCode: 'AT', Mailability__c: 'Mailable' } }); // Österreich, consent Yes/Ja
    expect(rows[2]).toMatchObject({ owner: 'ae-amer-1', fields: { MailingCountryCode: 'US' } }); // the contact keeps its owner
    expect(rows[3]).toMatchObject({ owner: 'sdr-amer-2', fields: { Status: 'Qualifying' } }); // the lead keeps its rep
    expect(rows[4]).toEqual({ rejected: expect.stringMatching(/^invalid email "…"/) }); // tom.nguyen@@litware.example
    expect(rows[13]).toMatchObject({ fields: { Mailability__c: 'Not mailable' } }); // "Korea": ambiguous, no country
    expect(rows[13]?.fields).not.toHaveProperty('CountryCode');
    expect(rows[21]).toMatchObject({ fields: { CountryCode: 'AT' } }); // Oesterreich
    expect(rows.map((r) => r.fields?.['CountryCode'] ?? r.fields?.['MailingCountryCode'] ?? null)).toEqual([
      'AT', 'DE', 'US', 'US', null, 'IT', 'FR', 'NL', 'DK', 'JP', 'IN', 'SA', 'CN', null, 'CH', 'ES', 'GB', 'CA', 'BE', 'AE', 'HK', 'AT', 'SE', 'CZ', 'AT',
    ]);
    // The badge scanned twice is one person.
    expect(rawEn.scenario.events[24]!.person).toBe(rawEn.scenario.events[0]!.person);

    // The pseudonymized recordings hold none of the list's people, in the traffic or in the org.
    const text = readFileSync(join(dir, 'de-pseudo.json'), 'utf8');
    expect(text).not.toMatch(/lena\.hofer|dana\.scully|fox\.mulder|tom\.nguyen|Scully|Mulder|Nguyen|5123456/i);
    expect(text).toContain('@@litware.example');
    for (const file of ['en-raw.json', 'de-raw.json', 'en-pseudo.json', 'de-pseudo.json']) expect((await cli('replay', join(dir, file))).code).toBe(0);
  }, 120_000);

  it('with --skip-invalid lists each skipped row with its line, and only those', async () => {
    const csv = writeJson(dir, 'broken.csv', 'Email;Vorname;Land\r\nlena@globex.example;Lena;Österreich\r\n;Anon;Deutschland\r\nx@globex.example;X;DE;surplus\r\n;;;\r\n');
    const refused = await cli('record', '--from-csv', csv, '--campaign', 'Conference - DevSummit', '--org', org, '--out', join(dir, 'broken.json'));
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`${csv} $[3].Email: no email on line 3`);
    expect(refused.err).toContain(`${csv} $[4]: line 4 has 4 cells with values past the header's 3 columns`);
    const skipped = await cli('record', '--from-csv', csv, '--campaign', 'Conference - DevSummit', '--org', org, '--out', join(dir, 'broken.json'), '--skip-invalid', '--keep-personal-data');
    expect(skipped.code).toBe(0);
    expect(skipped.out).toContain('skipped line 3: no email on line 3\nskipped line 4: line 4 has 4 cells');
    expect(skipped.out).toContain('ignored 1 blank line (5)');
    expect(skipped.out).toContain('recorded 1 events and 1 people\'s outcomes (2 entries skipped)');
  });
});
