import { describe, expect, it } from 'vitest';
import { InboundEventSchema, parsePayload, transformPayload } from '../../src/entrypoints/registry.ts';

describe('parsePayload', () => {
  it('returns the validated payload tagged with its entry point', () => {
    const result = parsePayload('web-form', { formId: 7, leadFormFields: { email: 'a@b.co' } });
    expect(result).toEqual({ ok: true, entryPoint: 'web-form', payload: { formId: 7, leadFormFields: { email: 'a@b.co' } } });
  });

  it('rejects an unknown entry point, listing the valid ids, at the event’s entryPoint', () => {
    const result = parsePayload('fax-machine', {}, { file: 'scenarios/q1.json', path: ['events', 2, 'payload'] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('UNKNOWN_ENTRY_POINT');
    expect(result.error.message).toMatchInlineSnapshot(`
      "Failed to read the inbound event "scenarios/q1.json": 1 problem found.
        scenarios/q1.json $.events[2].entryPoint: unknown entry point (expected one of web-form, chat, ad-vendor, list-upload, sales-created, partner-portal, trial-sign-up, got "fax-machine")
      Use one of the 7 entry point ids."
    `);
  });

  it('names the JSON path of a missing email', () => {
    const result = parsePayload('web-form', { formId: 7, leadFormFields: { firstName: 'Ada' } }, { file: 'scenarios/q1.json', path: ['events', 0, 'payload'] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_PAYLOAD');
    expect(result.error.file).toBe('scenarios/q1.json');
    expect(result.error.issues.map((i) => i.path)).toEqual([['events', 0, 'payload', 'leadFormFields', 'email']]);
    expect(result.error.message).toMatchInlineSnapshot(`
      "Failed to read the web-form payload "scenarios/q1.json": 1 problem found.
        scenarios/q1.json $.events[0].payload.leadFormFields.email: Invalid input: expected string, received undefined
      Fix the payload to the web-form shape: A Marketo form fill: Marketo REST field names (email, firstName, company, country, ...) in leadFormFields, with the visitor data and the program it runs under. Country is whatever the visitor typed or picked; names may be missing."
    `);
  });

  it('reports every problem at once', () => {
    const result = parsePayload('partner-portal', { Email: 5, Country: 'DE' });
    expect(result.ok ? [] : result.error.issues.map((i) => i.path.join('.'))).toEqual(['Email', 'PartnerAccountId', 'PartnerUserId']);
  });

  it('requires an email answer in an ad-vendor form', () => {
    const result = parsePayload('ad-vendor', { form_id: 'f', field_data: [{ name: 'full_name', values: ['A B'] }], created_time: 't' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatchInlineSnapshot(`
      "Failed to read the ad-vendor payload "input": 1 problem found.
        input $.field_data: no answer named "email" (got an array of 1)
      Fix the payload to the ad-vendor shape: A lead-gen form submission from a social ad vendor: answers as field_data [{ name, values }], a full name or first/last names, country as a code or a name, and the ad campaign name."
    `);
  });
});

describe('InboundEventSchema', () => {
  it('checks the payload against its own entry point', () => {
    const good = InboundEventSchema.safeParse({ id: 'e1', entryPoint: 'chat', payload: { type: 'conversation.lead_captured', data: { conversationId: 1, contact: { email: 'a@b.co' } } } });
    expect(good.success).toBe(true);
    const wrongShape = InboundEventSchema.safeParse({ id: 'e2', entryPoint: 'chat', payload: { formId: 7, leadFormFields: { email: 'a@b.co' } } });
    expect(wrongShape.success).toBe(false);
    const unknown = InboundEventSchema.safeParse({ id: 'e3', entryPoint: 'fax', payload: {} });
    expect(unknown.success).toBe(false);
  });

  it('gives events the transform job accepts as they are', () => {
    const event = InboundEventSchema.parse({
      id: 'e4',
      entryPoint: 'partner-portal',
      receivedAt: 5,
      payload: { Email: 'a@b.co', PartnerAccountId: '001000000000001AAA', PartnerUserId: 'u1' },
    });
    expect(transformPayload(event, event.receivedAt ?? 0).attribution).toEqual({ source: 'partner-portal', partnerAccount: '001000000000001AAA', occurredAt: 5 });
  });
});
