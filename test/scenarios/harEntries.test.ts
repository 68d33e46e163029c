import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.ts';
import { readHarTraffic } from '../../src/scenarios/readTraffic.ts';
import { cli, tempDir } from './cliHarness.ts';

const chat = { type: 'conversation.lead_captured', data: { conversationId: 1, contact: { email: 'cy@fabrikam.example', name: 'Cy Fox' }, campaign: 'Website - Chat' } };
const har = {
  log: {
    entries: [
      { request: { method: 'POST', url: 'https://hooks.example/intake/chat', postData: { text: JSON.stringify(chat) } } },
      { request: { method: 'GET', url: 'https://hooks.example/health' } },
      { request: { method: 'POST', url: 'https://hooks.example/intake/fax', postData: { text: '{"page":1}' } } },
    ],
  },
};

describe('record --from-har: an inbound request it cannot read is never skipped silently', () => {
  it('refuses a POST to an unknown entry point, naming the entry and the entry point', () => {
    let error: unknown;
    try {
      readHarTraffic(JSON.stringify(har), { file: 'traffic.har' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues).toEqual([
      expect.objectContaining({ path: ['log', 'entries', 2, 'request', 'url'], message: 'POST /intake/fax names an unknown entry point', got: '"fax"' }),
    ]);
  });

  it('with --skip-invalid lists each entry it left out and why, and names the requests that are not inbound', () => {
    const read = readHarTraffic(JSON.stringify(har), { skipInvalid: true });
    expect(read.events.map((e) => e.entryPoint)).toEqual(['chat']);
    expect(read.skipped).toBe(2);
    expect(read.invalid).toEqual([{ where: '$.log.entries[2].request.url', reason: expect.stringMatching(/^POST \/intake\/fax names an unknown entry point \(expected one of web-form, /) }]);
    expect(read.notes).toEqual(['skipped 1 entry that is not inbound requests (not a POST to /intake/{entryPoint} or Marketo submitForm.json): [1] GET https://hooks.example/health']);
  });

  it('the CLI exits 2 like a JSONL log does, and writes nothing', async () => {
    const dir = tempDir('har-entries');
    const file = join(dir, 'traffic.har');
    writeFileSync(file, JSON.stringify(har));
    const out = join(dir, 'never.json');
    const result = await cli('record', '--from-har', file, '--out', out);
    expect(result.code).toBe(2);
    expect(result.err).toContain('$.log.entries[2].request.url: POST /intake/fax names an unknown entry point');
    expect(existsSync(out)).toBe(false);
  });
});
