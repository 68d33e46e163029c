import iconv from 'iconv-lite';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { SimClock } from '../../src/core/clock.ts';
import { Intake } from '../../src/pipeline/intake.ts';
import { readCsvTraffic } from '../../src/scenarios/readTraffic.ts';
import { fuzzParameters } from './fuzzRuns.ts';
import { hostileString } from './jsonMutation.ts';
import { loadsOrRefuses } from './refusedAsBadInput.ts';

/**
 * Fuzzing event CSVs (`leadsim record --from csv`; LEADSIM_FUZZ_RUNS=5000 for thousands of cases, README "Fuzzing"):
 * an export as spreadsheets write it, broken in one to four places (quotes, delimiters, line ends, a BOM, NUL, Excel's
 * `sep=` line, very long cells, hostile text), as text or as bytes in another encoding, or bytes at random. Each is
 * read, or refused naming the file and the line (exit 2); every row read becomes a payload the intake accepts.
 */
const FILE = 'summit.csv';
const BASE = [
  'Email,First Name,Last Name,Company,Country,Phone,Title,Consent',
  'ada@a.io,Ada,Lovelace,AE,Deutschland,+49 30 1234567,CTO,Yes',
  '"grace@navy.mil","Grace","Hopper","Navy, US","U.S.",,,',
  'linus@kernel.example,Linus,T,"The ""Kernel"" Co",fi,,,No',
].join('\r\n');

const snippet = fc.oneof(
  fc.constantFrom('"', '""', ',', ';', '\t', '|', '\n', '\r\n', '\r', '\uFEFF', '\u0000', 'sep=;\n', ',,,,,,,\n', '=HYPERLINK("x")', '😀', '\ud800', 'é'),
  hostileString,
  fc.nat(5_000).map((n) => 'x'.repeat(n)),
);
const edit = fc.record({ at: fc.nat(), cut: fc.nat(6), insert: snippet });
const brokenText = fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) =>
  edits.reduce((text, e) => {
    const at = e.at % (text.length + 1);
    return text.slice(0, at) + e.insert + text.slice(at + e.cut);
  }, BASE),
);
const input: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  { weight: 4, arbitrary: brokenText },
  { weight: 2, arbitrary: fc.tuple(brokenText, fc.constantFrom('utf8', 'utf16le', 'win1252', 'latin1', 'utf16be')).map(([text, encoding]) => new Uint8Array(iconv.encode(text, encoding, { addBOM: encoding.startsWith('utf16') }))) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }) },
);

describe('fuzzing event CSVs', () => {
  test.prop([input, fc.boolean()], fuzzParameters(300))('every file is read into payloads the intake accepts, or refused naming the file', (csv, skipInvalid) => {
    const read = loadsOrRefuses(() => readCsvTraffic(csv, { campaign: 'Summit', memberStatus: 'Attended' }, { file: FILE, skipInvalid }), FILE);
    if (read === undefined) return;
    const intake = new Intake(new SimClock());
    read.events.forEach((event, i) => expect(intake.receive(event.entryPoint, event.payload, { key: `row-${i}` })).toMatchObject({ ok: true }));
  });
});
