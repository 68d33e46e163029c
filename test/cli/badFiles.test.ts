import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GRAPH_PATH } from '../../src/routing/loadGraph.ts';
import { cli, tempDir, writeJson } from '../scenarios/cliHarness.ts';
import { runCli } from './runCli.ts';

/**
 * Files the loaders once accepted and a run then crashed on (issue 16): each is bad input, exit 2, naming the file,
 * the JSON path inside it and what was expected, with no stack trace, nothing written, and the other files' results
 * kept.
 */
const CHAT = fileURLToPath(new URL('../../scenarios/entry-points/chat.json', import.meta.url));
type Json = Record<string, any>;
const chat = (): Json => JSON.parse(readFileSync(CHAT, 'utf8')) as Json;

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { d: value };
  return value;
}

/** Each bad scenario: how it is made from the chat scenario, and the line replay must print for it. */
const BAD_SCENARIOS: readonly [name: string, edit: (s: Json) => void, line: RegExp][] = [
  ['unknown-ref', (s) => (s['events'][0].payload.data.campaign = '@campaign:nope'), /\$\.events\[0\]\.payload\.data\.campaign: unknown campaign key \(expected a campaign key of the scenario \(/],
  ['long-last-name', (s) => (s['org'].users[0].LastName = 'L'.repeat(200)), /\$\.org\.users\[0\]\.LastName: the CRM \(User\) refuses it: STRING_TOO_LONG Last Name: data value too large: … \(max length=80\) \(expected a record the CRM \(User\) accepts, got "L{40}…" \(200 characters\)\)/],
  ['long-company', (s) => s['org'].people.push({ key: 'p1', kind: 'Lead', Email: 'p1@x.example', LastName: 'P', Company: 'C'.repeat(256) }), /\$\.org\.people\[2\]\.Company: the CRM \(Lead\) refuses it: STRING_TOO_LONG .*max length=255/],
  [
    'same-email',
    (s) => s['org'].people.push({ key: 'p1', kind: 'Lead', Email: 'dup@x.example', LastName: 'P' }, { key: 'p2', kind: 'Contact', Email: ' DUP@x.example', LastName: 'Q' }),
    /\$\.org\.people\[3\]\.Email: the same email as person "p1" \(people\[2\]\): the CRM holds one person per email \(expected an email no other person of the org has/,
  ],
  ['deep-payload', (s) => (s['events'][0].payload.data.extra = nested(3_000)), /\$\.events\[0\]\.payload\.data\.extra(\.d){7}: a value here is nested more than 100 levels deep \(\d+ more levels below\) \(expected at most 100 levels/],
  ['deep-but-under-the-file-limit', (s) => (s['events'][0].payload.data.extra = nested(40)), /\$\.events\[0\]\.payload\.data\.extra\.d\.d: the payload is nested more than 32 levels deep here: the intake refuses it \(PAYLOAD_TOO_DEEP\)/],
  ['org-without-partner-queue', (s) => (s['org'].queues = ['Inquiry Queue']), /default\.json \$\.nodes\.assignPartnerQueue\.target\.queue: node "assignPartnerQueue": the org has no queue "Partner Queue" \(expected a queue of the org \("Inquiry Queue"\), got "Partner Queue"\)/],
];

describe('bad files end in exit 2 with the file and the path, never a stack trace', () => {
  it('replay reports each bad scenario by file and path, still replays the good one, and writes its whole report', async () => {
    const dir = tempDir('bad-files');
    const files = BAD_SCENARIOS.map(([name, edit]) => {
      const s = chat();
      edit(s);
      return writeJson(dir, `${name}.json`, s);
    });
    const out = join(dir, 'report.json');
    const r = await cli('replay', CHAT, ...files, '--reporter', 'json', '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/\n\s+at /);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { scenarios: { file: string; ok: boolean }[]; errors: { file: string; code: string; message: string }[] };
    expect(report.scenarios).toEqual([expect.objectContaining({ file: CHAT, ok: true })]);
    expect(report.errors.map((e) => e.file)).toEqual(files);
    BAD_SCENARIOS.forEach(([, , line], i) => {
      expect(report.errors[i]!.message).toContain(files[i]);
      expect(report.errors[i]!.message).toMatch(line);
    });
  });

  it('simulate and check refuse a bad org spec before they start, and write nothing', async () => {
    const dir = tempDir('bad-org');
    const org = chat()['org'] as Json;
    org['users'][1].LastName = 'L'.repeat(81);
    const file = writeJson(dir, 'org.json', org);
    const json = join(dir, 'report.json');
    for (const args of [['simulate', '--leads', '3', '--org', file, '--json', json], ['check', '--runs', '2', '--org', file]]) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(`${file} $.users[1].LastName: the CRM (User) refuses it: STRING_TOO_LONG`);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(json)).toBe(false);
  });

  it('simulate, check, record and mutate refuse a graph that assigns to a queue the org lacks, writing nothing', async () => {
    const dir = tempDir('graph-org');
    const org = chat()['org'] as Json;
    org['queues'] = ['Inquiry Queue'];
    const file = writeJson(dir, 'org.json', org);
    const out = join(dir, 'recorded.json');
    const report = join(dir, 'mutation.json');
    for (const args of [['simulate', '--leads', '3', '--org', file], ['check', '--runs', '2', '--org', file], ['record', '--out', out, '--leads', '3', '--org', file], ['mutate', '--runs', '2', '--org', file, '--json', report]]) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(existsSync(out) || existsSync(report), args.join(' ')).toBe(false);
      expect(r.err).toContain(`Failed to route the leads of the org (${file}) with the graph`);
      expect(r.err).toContain('$.nodes.assignPartnerQueue.target.queue: node "assignPartnerQueue": the org has no queue "Partner Queue"');
    }
  });

  it('graph lint checks the graph against the org given, or the one the config names', async () => {
    const dir = tempDir('lint-org');
    const org = chat()['org'] as Json;
    const fits = await cli('graph', 'lint', DEFAULT_GRAPH_PATH, '--org', writeJson(dir, 'full.json', org));
    expect(fits.code).toBe(0);
    expect(fits.out).toContain('fits the org');
    org['queues'] = ['Inquiry Queue'];
    writeJson(dir, 'org.json', org);
    writeJson(dir, 'graph.json', { ...(JSON.parse(readFileSync(DEFAULT_GRAPH_PATH, 'utf8')) as Json), settings: { partnerEngagementStatuses: ['Attended'], pools: { aes: { role: 'AE', region: 'APJ' }, named: { users: ['Nobody Here'] } } } });
    writeJson(dir, 'leadsim.config.json', { org: 'org.json', graph: 'graph.json' });
    const r = runCli(['graph', 'lint'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout.split('\n')).toEqual([
      'graph.json $.nodes.assignPartnerQueue.target.queue: node "assignPartnerQueue": the org has no queue "Partner Queue" (expected a queue of the org ("Inquiry Queue"), got "Partner Queue")',
      'graph.json $.settings.pools.aes: no user of the org is an AE in APJ: the pool is always empty (expected a pool of roles and regions the org\'s users have (SDR AMER, SDR EMEA, SDR APJ, BDR APJ, AE AMER, AE EMEA), got {"role":"AE","region":"APJ"})',
      'graph.json $.settings.pools.named.users[0]: no user of the org has this Id or Name (expected a user of the org ("Avery Stone", "Blake Rivera", "Clara Weiss", "Dario Conti", "Emi Sato", "Farid Khan", …), got "Nobody Here")',
      '3 problems in graph.json against the org org.json',
      '',
    ]);
    expect(r.stderr).toBe('');
  });

  it('graph show --out into a missing folder is exit 2 and leaves nothing behind', async () => {
    const dir = tempDir('show-out');
    const r = await cli('graph', 'show', '--out', join(dir, 'missing', 'graph.md'));
    expect(r.code).toBe(2);
    expect(r.err).toBe(`leadsim: Failed to write "${join(dir, 'missing', 'graph.md')}": the folder "${join(dir, 'missing')}" does not exist. Create it, or write somewhere else.\n`);
    expect(readdirSync(dir)).toEqual([]);
  });
});
