import { getResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { SimClock } from '../../src/core/clock.ts';
import { ENTRY_POINTS } from '../../src/model/entryPointId.ts';
import { Intake, keyedEventId } from '../../src/pipeline/intake.ts';
import { INTAKE_LIMITS } from '../../src/pipeline/intakeLimits.ts';
import { intakeHandlers } from '../../mocks/pipeline/intakeHandlers.ts';
import { CRM_SCHEMA } from '../../src/systems/crm/schema.ts';
import { createHarness, type LeadsimHarness } from '../../src/simulation/createHarness.ts';
import { propParameters } from '../../src/testing/propRuns.ts';
import { expectInvariants } from '../../src/testing/expectInvariants.ts';

function post(intake: Intake, entryPoint: string, body: unknown, headers: Record<string, string> = {}) {
  return getResponse(
    intakeHandlers(intake),
    new Request(`https://hooks.leadsim.test/intake/${entryPoint}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body),
    }),
  );
}
const keyed = (key: string) => ({ 'Idempotency-Key': key });

const chat = { type: 'conversation.lead_captured', data: { conversationId: 1, contact: { email: 'a@b.example' } } };
const trial = { event: 'trial.started' as const, user: { email: 'a@b.example', company: 'B Inc' }, plan: 'trial', started_at: '2026-01-05T09:00:00Z' };
const ad = { form_id: 'f1', field_data: [{ name: 'email', values: ['a@b.example'] }], created_time: '2026-01-05T09:00:00Z' };

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { deeper: value };
  return value;
}

describe('the intake webhook', () => {
  it('queues a valid payload under <entry point>:<key> and acknowledges a repeat of the same payload without queuing it', async () => {
    const intake = new Intake(new SimClock());
    const first = await post(intake, 'chat', chat, keyed('k1'));
    expect(first?.status).toBe(202);
    expect(await first?.json()).toEqual({ eventId: 'chat:k1', duplicate: false });
    // The same payload with its keys in another order is the same delivery.
    const reordered = { data: { contact: { email: 'a@b.example' }, conversationId: 1 }, type: 'conversation.lead_captured' };
    expect(await (await post(intake, 'chat', reordered, keyed('k1')))?.json()).toEqual({ eventId: 'chat:k1', duplicate: true });
    expect(intake.pending).toBe(1);
    expect(intake.duplicates).toBe(1);
  });

  it('scopes keys to their entry point: the same key from chat and from a trial sign-up names two events', async () => {
    const intake = new Intake(new SimClock());
    expect(await (await post(intake, 'chat', chat, keyed('1001')))?.json()).toEqual({ eventId: 'chat:1001', duplicate: false });
    expect(await (await post(intake, 'trial-sign-up', trial, keyed('1001')))?.json()).toEqual({ eventId: 'trial-sign-up:1001', duplicate: false });
    expect(intake.pending).toBe(2);
  });

  it('never gives an unkeyed delivery the id of a keyed one, whatever the key', async () => {
    const intake = new Intake(new SimClock());
    const unkeyed = (await (await post(intake, 'chat', chat))?.json()) as { eventId: string };
    expect(unkeyed.eventId).toBe('intake-000001');
    const lookalike = (await (await post(intake, 'chat', { ...chat, data: { ...chat.data, conversationId: 2 } }, keyed('intake-000001')))?.json()) as { eventId: string };
    expect(lookalike).toEqual({ eventId: 'chat:intake-000001', duplicate: false });
    expect(intake.pending).toBe(2);
  });

  it('refuses a key reused with another payload with 409, naming the first event and both values, and queues nothing', async () => {
    const intake = new Intake(new SimClock(Date.UTC(2026, 0, 5, 9)));
    await post(intake, 'chat', chat, keyed('k1'));
    const other = { ...chat, data: { ...chat.data, contact: { email: 'someone.else@b.example' } } };
    const response = await post(intake, 'chat', other, keyed('k1'));
    expect(response?.status).toBe(409);
    const body = (await response?.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      error: 'IDEMPOTENCY_KEY_REUSED',
      eventId: 'chat:k1',
      key: 'k1',
      receivedAt: '2026-01-05T09:00:00.000Z',
      differences: [{ path: '$.data.contact.email', first: '"a@b.example"', now: '"someone.else@b.example"' }],
    });
    expect(body['message']).toContain('The key "k1" from chat already names event chat:k1 with another payload ($.data.contact.email)');
    expect(intake.pending).toBe(1);
    expect(intake.refused.map((r) => r.error.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
  });

  it('answers 400 with each issue at its JSON path for a payload that does not fit, and keeps the refusal', async () => {
    const intake = new Intake(new SimClock());
    const response = await post(intake, 'chat', { type: 'conversation.lead_captured', data: { conversationId: 1, contact: {} } });
    expect(response?.status).toBe(400);
    const body = (await response?.json()) as { error: string; message: string; issues: string[] };
    expect(body.error).toBe('INVALID_PAYLOAD');
    expect(body.message).toContain('Failed to read the chat payload "request body": 1 problem found.\n  request body $.data.contact.email:');
    expect(body.issues).toMatchInlineSnapshot(`
      [
        "$.data.contact.email: Invalid input: expected string, received undefined",
      ]
    `);
    expect(intake.pending).toBe(0);
    expect(intake.refused).toHaveLength(1);
  });

  it('reserves nothing for a refused delivery: the key is free for a payload that fits', async () => {
    const intake = new Intake(new SimClock());
    expect((await post(intake, 'chat', { type: 'conversation.lead_captured' }, keyed('k2')))?.status).toBe(400);
    expect(await (await post(intake, 'chat', chat, keyed('k2')))?.json()).toEqual({ eventId: 'chat:k2', duplicate: false });
  });

  it('answers 404 listing the entry points for an unknown one, and 400 for a body that is not UTF-8 JSON', async () => {
    const intake = new Intake(new SimClock());
    const unknown = await post(intake, 'fax', nested(100));
    expect(unknown?.status).toBe(404);
    expect(((await unknown?.json()) as { entryPoints: string[] }).entryPoints).toEqual([...ENTRY_POINTS]);
    const garbage = await post(intake, 'chat', '{not json');
    expect(garbage?.status).toBe(400);
    expect(((await garbage?.json()) as { error: string }).error).toBe('INVALID_JSON');
    const latin1 = await post(intake, 'chat', new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]));
    expect(((await latin1?.json()) as { error: string }).error).toBe('INVALID_JSON');
    expect(intake.pending).toBe(0);
  });

  it.each([
    ['text/plain', 415],
    ['application/x-www-form-urlencoded', 415],
    ['multipart/form-data; boundary=x', 415],
    ['application/json; charset=iso-8859-1', 415],
    ['application/json; charset=UTF-8', 202],
    ['application/vnd.chat.v1+json', 202],
  ])('requires JSON: Content-Type %s is answered %i', async (contentType, status) => {
    const intake = new Intake(new SimClock());
    const response = await post(intake, 'chat', chat, { 'Content-Type': contentType });
    expect(response?.status).toBe(status);
    if (status === 415) expect(await response?.json()).toMatchObject({ error: 'UNSUPPORTED_MEDIA_TYPE', issues: [] });
    expect(intake.pending).toBe(status === 202 ? 1 : 0);
  });

  it('refuses a body with no Content-Type (a browser form posting across origins sends one the intake refuses)', async () => {
    const intake = new Intake(new SimClock());
    const response = await getResponse(intakeHandlers(intake), new Request('https://hooks.leadsim.test/intake/chat', { method: 'POST', body: new Blob([JSON.stringify(chat)]) }));
    expect(response?.status).toBe(415);
    expect(intake.pending).toBe(0);
  });

  it('refuses a body over the size limit with 413 and a payload nested deeper than the limit with 400 at its path', async () => {
    const intake = new Intake(new SimClock());
    const big = await post(intake, 'chat', { ...chat, padding: 'x'.repeat(INTAKE_LIMITS.maxBodyBytes) });
    expect(big?.status).toBe(413);
    expect(await big?.json()).toMatchObject({ error: 'PAYLOAD_TOO_LARGE' });
    const deep = await post(intake, 'chat', { ...chat, extra: nested(3_000) });
    expect(deep?.status).toBe(400);
    const body = (await deep?.json()) as { error: string; issues: string[] };
    expect(body.error).toBe('PAYLOAD_TOO_DEEP');
    expect(body.issues[0]).toMatch(/^\$\.extra(\.deeper){31}: nested more than 32 levels deep/);
    // A payload at the limit is read (and refused or accepted on its schema alone).
    expect((await post(intake, 'chat', { ...chat, extra: nested(INTAKE_LIMITS.maxDepth - 1) }))?.status).toBe(202);
    expect(intake.pending).toBe(1);
  });

  it(`refuses a key longer than ${INTAKE_LIMITS.maxKeyLength} characters, or with characters it does not store, at the door`, async () => {
    const intake = new Intake(new SimClock());
    const long = await post(intake, 'chat', chat, keyed('k'.repeat(INTAKE_LIMITS.maxKeyLength + 1)));
    expect(long?.status).toBe(400);
    const body = (await long?.json()) as { error: string; issues: string[] };
    expect(body.error).toBe('INVALID_IDEMPOTENCY_KEY');
    expect(body.issues[0]).toContain(`the Idempotency-Key is ${INTAKE_LIMITS.maxKeyLength + 1} characters long, longer than the intake stores`);
    for (const key of ['', ' padded', 'tab\there', 'naïve', 'line\nbreak']) {
      expect(intake.receive('chat', chat, { key })).toMatchObject({ ok: false, error: { code: 'INVALID_IDEMPOTENCY_KEY' } });
    }
    expect(intake.pending).toBe(0);
  });

  it("fits the longest key from the longest entry point in the lead's Pipeline_Event_Id__c", () => {
    const longest = Math.max(...ENTRY_POINTS.map((e) => keyedEventId(e, 'k'.repeat(INTAKE_LIMITS.maxKeyLength)).length));
    expect(longest).toBeLessThanOrEqual(CRM_SCHEMA.Lead['Pipeline_Event_Id__c']!.length!);
  });
});

describe('keys the intake accepts are processed end to end', () => {
  let h: LeadsimHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('a chat event and a trial sign-up keyed 1001 both become leads', async () => {
    h = await createHarness({ seed: 3 });
    const a = await h.deliver({ id: '1001', entryPoint: 'chat', payload: { type: 'conversation.lead_captured', data: { conversationId: 1, contact: { email: 'chat.person@fresh-domain.example', name: 'Chat Person' } } } as const });
    const b = await h.deliver({ id: '1001', entryPoint: 'trial-sign-up', payload: { ...trial, user: { email: 'trial.person@fresh-domain.example', company: 'Fresh' } } });
    expect([...a.traces, ...b.traces].map((t) => [t.eventId, t.outcome?.kind])).toEqual([
      ['chat:1001', 'created'],
      ['trial-sign-up:1001', 'created'],
    ]);
    const emails = [...h.world.crm.records('Lead')].map((l) => l['Email']);
    expect(emails).toEqual(expect.arrayContaining(['chat.person@fresh-domain.example', 'trial.person@fresh-domain.example']));
    expectInvariants(h);
  });

  it(`a ${INTAKE_LIMITS.maxKeyLength}-character key creates its lead, stamped with the event id`, async () => {
    h = await createHarness({ seed: 4 });
    const key = `${'~'.repeat(INTAKE_LIMITS.maxKeyLength - 2)}'\\`;
    const { traces } = await h.deliver({ id: key, entryPoint: 'trial-sign-up', payload: { ...trial, user: { email: 'long.key@fresh-domain.example', company: 'Fresh' } } });
    expect(traces[0]!.outcome).toMatchObject({ kind: 'created', personType: 'Lead' });
    const personId = (traces[0]!.outcome as { personId: string }).personId;
    expect(h.world.crm.get('Lead', personId)?.['Pipeline_Event_Id__c']).toBe(`trial-sign-up:${key}`);
    expectInvariants(h);
  });
});

describe('event ids', () => {
  const delivery = fc.record({
    entryPoint: fc.constantFrom('chat', 'trial-sign-up', 'ad-vendor'),
    key: fc.option(fc.oneof(fc.constantFrom('1001', 'intake-000001', 'intake-000002', 'chat:1001'), fc.stringMatching(/^[\x21-\x7e]{1,12}$/)), { nil: undefined }),
    conversationId: fc.nat(3),
  });
  test.prop([fc.array(delivery, { maxLength: 30 })], propParameters(200))(
    'are unique per event, and each source and key name exactly one event',
    (deliveries) => {
      const intake = new Intake(new SimClock());
      const payloads = { chat, 'trial-sign-up': trial, 'ad-vendor': ad };
      const named = new Map<string, string>();
      for (const d of deliveries) {
        const payload = { ...payloads[d.entryPoint], n: d.conversationId };
        const receipt = intake.receive(d.entryPoint, payload, d.key === undefined ? {} : { key: d.key });
        if (!receipt.ok) {
          expect(receipt.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
          continue;
        }
        const id = receipt.duplicate ? receipt.eventId : receipt.event.id;
        if (d.key === undefined) continue;
        const scoped = `${d.entryPoint}\u0000${d.key}`;
        expect(named.get(scoped) ?? id).toBe(id);
        named.set(scoped, id);
      }
      const ids = [...intake.received.keys()];
      expect(new Set(ids).size).toBe(ids.length);
      expect(intake.received.size + intake.duplicates + intake.refused.length).toBe(deliveries.length);
    },
  );
});
