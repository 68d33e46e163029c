import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { SimClock } from '../../src/core/clock.ts';
import { Intake } from '../../src/pipeline/intake.ts';
import { intakeHandlers } from '../../mocks/pipeline/intakeHandlers.ts';

const post = (intake: Intake, entryPoint: string, body: unknown, key?: string) =>
  getResponse(
    intakeHandlers(intake),
    new Request(`https://hooks.leadsim.test/intake/${entryPoint}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );

const chat = { type: 'conversation.lead_captured', data: { conversationId: 1, contact: { email: 'a@b.example' } } };

describe('the intake webhook', () => {
  it('queues a valid payload with its idempotency key and acknowledges a repeat without queuing it', async () => {
    const intake = new Intake(new SimClock());
    const first = await post(intake, 'chat', chat, 'k1');
    expect(first?.status).toBe(202);
    expect(await first?.json()).toEqual({ eventId: 'k1', duplicate: false });
    expect(await (await post(intake, 'chat', chat, 'k1'))?.json()).toEqual({ eventId: 'k1', duplicate: true });
    expect(intake.pending).toBe(1);
  });

  it('answers 400 with each issue at its JSON path for a payload that does not fit, and keeps the refusal', async () => {
    const intake = new Intake(new SimClock());
    const response = await post(intake, 'chat', { type: 'conversation.lead_captured', data: { conversationId: 1, contact: {} } });
    expect(response?.status).toBe(400);
    const body = (await response?.json()) as { error: string; issues: string[] };
    expect(body.error).toBe('INVALID_PAYLOAD');
    expect(body.issues).toMatchInlineSnapshot(`
      [
        "$.data.contact.email: Invalid input: expected string, received undefined",
      ]
    `);
    expect(intake.pending).toBe(0);
    expect(intake.refused).toHaveLength(1);
  });

  it('answers 404 listing the entry points for an unknown one, and 400 for a body that is not JSON', async () => {
    const intake = new Intake(new SimClock());
    const unknown = await post(intake, 'fax', chat);
    expect(unknown?.status).toBe(404);
    expect(((await unknown?.json()) as { entryPoints: string[] }).entryPoints).toHaveLength(7);
    const garbage = await post(intake, 'chat', '{not json');
    expect(garbage?.status).toBe(400);
  });
});
