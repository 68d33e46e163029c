import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkScenario } from '../../src/scenarios/loadScenario.ts';
import { recordSimulation } from '../../src/scenarios/recordScenario.ts';
import { runScenario } from '../../src/scenarios/runScenario.ts';
import { simulate } from '../../src/simulation/simulate.ts';
import type { Crm } from '../../src/systems/crm/crm.ts';
import { cli, tempDir, writeJson } from './cliHarness.ts';
import { SHIPPED_ORG } from './shipped/shippedOrg.ts';

const dir = tempDir('record');
const org = writeJson(dir, 'org.json', SHIPPED_ORG);

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const webFormLine = (email: string, first: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ formId: 7, leadFormFields: { email, firstName: first, lastName: 'Doe', company: 'Brightwave', country: 'Deutschland', offerType: 'Demo - 1:1', phone: '+49 30 1234567', ...extra }, visitorData: { pageURL: 'https://x.test/demo', leadClientIpAddress: '81.2.69.160' }, programName: 'Website - Demo Request' });

describe('leadsim record', () => {
  it('records a seeded simulation as a golden baseline that replays green', async () => {
    const out = join(dir, 'golden.json');
    const recorded = await cli('record', '--seed', '11', '--leads', '20', '--out', out);
    expect(recorded.code).toBe(0);
    expect(recorded.out).toMatch(/^seed 11\ngraph: scenarios\/graphs\/default\.json \("default", \d+ nodes\)\norg: generated from seed 11 \(.*\)\nrecorded \d+ events and \d+ people's outcomes to /);
    const scenario = JSON.parse(readFileSync(out, 'utf8')) as { version: number; seed: number; events: { kind: string; payload: unknown }[]; expect: Record<string, { owner?: string }> };
    expect(scenario).toMatchObject({ version: 1, seed: 11 });
    expect(scenario.events.length).toBeGreaterThan(10);
    expect(Object.values(scenario.expect).some((e) => e.owner !== undefined)).toBe(true);
    expect(JSON.stringify(scenario.events)).toMatch(/"@(account|campaign|user):/);
    const replayed = await cli('replay', out);
    expect(replayed.out).toContain('1 scenario: 1 passed, 0 failed');
    expect(replayed.code).toBe(0);
    // Same seed, same file, byte for byte.
    const again = join(dir, 'golden-again.json');
    await cli('record', '--seed', '11', '--leads', '20', '--out', again);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(out, 'utf8'));
  }, 60_000);

  it('imports webhook logs (JSONL) with personal data pseudonymized consistently, domains kept', async () => {
    const log = join(dir, 'webhooks.jsonl');
    writeFileSync(log, [webFormLine(' Jane.Doe@Brightwave.example ', 'Jane'), webFormLine('jane.doe@brightwave.example', 'Jane'), webFormLine('max@acme.example', 'Max')].join('\n') + '\n');
    const out = join(dir, 'imported.json');
    vi.stubEnv('LEADSIM_PSEUDONYM_KEY', 'record-test-key-0123456789');
    const result = await cli('record', '--from-jsonl', log, '--entry-point', 'web-form', '--org', org, '--out', out);
    expect(result.code).toBe(0);
    expect(result.out).toContain('personal data pseudonymized with the key in LEADSIM_PSEUDONYM_KEY');
    const text = readFileSync(out, 'utf8');
    expect(text).not.toMatch(/jane|Jane|max@|Max|1234567|81\.2\.69\.160/);
    const scenario = JSON.parse(text) as { events: { person: string; payload: { leadFormFields: { email: string; firstName: string } } }[]; expect: Record<string, { owner?: string; fields?: Record<string, unknown> }> };
    const emails = scenario.events.map((e) => e.payload.leadFormFields.email);
    expect(emails[0]!.trim().toLowerCase()).toBe(emails[1]);
    expect(emails[0]).toMatch(/^ [A-Z][a-z]{3}\.[A-Z][a-z]{2}@Brightwave\.example $/);
    expect(emails[2]).toMatch(/@acme\.example$/);
    expect(scenario.events.map((e) => e.person)).toEqual(['person-001', 'person-001', 'person-002']);
    // The domain still matches the account: acme is actively worked, so its owner gets the lead.
    expect(scenario.expect['person-002']?.owner).toBe('ae-amer-1');
    expect(scenario.expect['person-001']?.fields).toMatchObject({ CountryCode: 'DE', Mailability__c: 'Opt-in required' });
    expect((await cli('replay', out)).code).toBe(0);

    const kept = join(dir, 'kept.json');
    await cli('record', '--from-jsonl', log, '--entry-point', 'web-form', '--org', org, '--out', kept, '--keep-personal-data');
    expect(readFileSync(kept, 'utf8')).toContain(' Jane.Doe@Brightwave.example ');
  });

  it('imports an event CSV and captured HTTP (HAR)', async () => {
    const csv = join(dir, 'booth.csv');
    writeFileSync(csv, 'Email,First Name,Last Name,Company,Country,Consent\nann@northwood.example,Ann,Lee,Northwood,US,\nbob@northwood.example,Bob,Ray,Northwood,uk,Opt-in\n');
    const fromCsv = join(dir, 'csv.json');
    expect((await cli('record', '--from-csv', csv, '--campaign', 'Joint Campaign - DevOps Days', '--org', org, '--out', fromCsv)).code).toBe(0);
    const csvScenario = JSON.parse(readFileSync(fromCsv, 'utf8')) as { events: { entryPoint: string; payload: { line: number; campaign: string } }[]; expect: Record<string, { owner?: string; sharedToPrm?: boolean }> };
    expect(csvScenario.events.map((e) => [e.entryPoint, e.payload.line, e.payload.campaign])).toEqual([
      ['list-upload', 2, 'Joint Campaign - DevOps Days'],
      ['list-upload', 3, 'Joint Campaign - DevOps Days'],
    ]);
    expect(csvScenario.expect['person-001']).toMatchObject({ owner: 'queue:Partner Queue', sharedToPrm: true });

    const har = {
      log: {
        entries: [
          { startedDateTime: '2026-02-02T10:00:00.000Z', request: { method: 'POST', url: 'https://hooks.example/intake/chat', headers: [{ name: 'Idempotency-Key', value: 'chat-77' }], postData: { text: JSON.stringify({ type: 'conversation.lead_captured', data: { conversationId: 1, contact: { email: 'cy@fabrikam.example', name: 'Cy Fox' }, campaign: 'Website - Chat' } }) } } },
          { startedDateTime: '2026-02-02T10:05:00.000Z', request: { method: 'GET', url: 'https://hooks.example/health' } },
          { startedDateTime: '2026-02-02T10:07:30.000Z', request: { method: 'POST', url: 'https://123-abc-456.mktorest.com/rest/v1/leads/submitForm.json', postData: { text: JSON.stringify({ formId: 3, input: [{ leadFormFields: { email: 'di@fabrikam.example', lastName: 'Di', country: 'US', offerType: 'Webinar' } }] }) } } },
        ],
      },
    };
    const fromHar = join(dir, 'har.json');
    const result = await cli('record', '--from-har', writeJson(dir, 'traffic.har', har), '--org', org, '--out', fromHar);
    expect(result.out).toContain('recorded 2 events and 2 people');
    expect(result.out).toContain('(1 entries skipped)');
    const harScenario = JSON.parse(readFileSync(fromHar, 'utf8')) as { start: string; events: { id: string; at: string; entryPoint: string }[] };
    expect(harScenario.start).toBe('2026-02-02T10:00:00.000Z');
    expect(harScenario.events.map((e) => [e.id, e.at, e.entryPoint])).toEqual([
      ['chat-77', '+0s', 'chat'],
      ['evt-000002', '+7m30s', 'web-form'],
    ]);
    expect((await cli('replay', fromCsv, fromHar)).code).toBe(0);
  });

  it('refuses traffic that does not fit its entry point, by line, and writes nothing (unless --skip-invalid)', async () => {
    const log = join(dir, 'bad.jsonl');
    writeFileSync(log, `${webFormLine('a@b.example', 'A')}\n{"formId": "x"}\nnot json\n`);
    const out = join(dir, 'never.json');
    const result = await cli('record', '--from-jsonl', log, '--entry-point', 'web-form', '--org', org, '--out', out);
    expect(result.code).toBe(2);
    expect(result.err).toContain('$[2].formId');
    expect(result.err).toContain('$[3]: invalid JSON on line 3');
    expect(readdirSync(dir)).not.toContain('never.json');
    const noCampaign = await cli('record', '--from-csv', log, '--org', org, '--out', out);
    expect(noCampaign.code).toBe(2);
    expect(noCampaign.err).toContain('  --campaign: --from-csv needs --campaign NAME');
    expect(noCampaign.err).not.toContain('an object');
    const skipped = await cli('record', '--from-jsonl', log, '--entry-point', 'web-form', '--org', org, '--out', out, '--skip-invalid');
    expect(skipped.code).toBe(2);
    writeFileSync(log, `${webFormLine('a@b.example', 'A')}\n{"formId": "x"}\n`);
    const partial = await cli('record', '--from-jsonl', log, '--entry-point', 'web-form', '--org', org, '--out', out, '--skip-invalid');
    expect(partial.out).toContain('recorded 1 events and 1 people\'s outcomes (1 entries skipped)');
  });

  it('a recorded simulation replays to the same CRM the simulation ended with', async () => {
    const sim = await simulate({ seed: 3, leads: 40, redeliveryRate: 0 });
    const replayed = await runScenario(checkScenario(await recordSimulation({ seed: 3, leads: 40 }), 'recorded'));
    const leads = (crm: Crm) => [...crm.records('Lead')].map((r) => [r['Email'], r['OwnerId'], r['Status'], r['Mailability__c'], r['Partner_Share_Status__c'] ?? null]);
    expect(leads(replayed.run.world.crm)).toEqual(leads(sim.world.crm));
    expect(replayed.run.world.impartner.records('Prospect').length).toBe(sim.world.impartner.records('Prospect').length);
  }, 60_000);
});
