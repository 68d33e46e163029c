import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ENTRY_POINTS, entryPoint, parsePayload, transformPayload } from '../../src/entrypoints/registry.ts';
import { inboundEventArbitrary } from '../../src/generators/inboundEventArbitrary.ts';
import { payloadArbitrary } from '../../src/generators/payloadArbitrary.ts';
import { UNUSABLE_EMAILS } from '../../src/generators/fieldArbitraries.ts';
import { EMPTY_WORLD_HINTS, SAMPLE_WORLD_HINTS } from '../../src/generators/worldHints.ts';
import { StandardLeadSchema } from '../../src/model/inboundLead.ts';
import { standardizeCountry } from '../../src/standardize/country.ts';
import { standardizeEmail } from '../../src/standardize/email.ts';

const AT = Date.UTC(2026, 0, 5, 9, 0, 0);

describe.each(ENTRY_POINTS)('generated %s payloads', (id) => {
  test.prop([payloadArbitrary(id)], { numRuns: 60 })('pass their own schema and transform to a StandardLead of that source', (payload) => {
    const parsed = parsePayload(id, payload);
    expect(parsed.ok ? [] : parsed.error.issues).toEqual([]);
    const lead = StandardLeadSchema.parse(entryPoint(id).transform(payload as never, AT));
    expect(lead.attribution.source).toBe(id);
    expect(lead.attribution.occurredAt).toBe(AT);
    // Either a usable (if messy) address, or one of the planted unusable ones the pipeline must reject.
    expect(standardizeEmail(lead.person.email).ok || (UNUSABLE_EMAILS as readonly string[]).includes(lead.person.email)).toBe(true);
  });

  test.prop([payloadArbitrary(id, EMPTY_WORLD_HINTS)], { numRuns: 20 })('need no world to be valid', (payload) => {
    expect(parsePayload(id, payload).ok).toBe(true);
  });
});

describe('inboundEventArbitrary', () => {
  it('covers all seven entry points', () => {
    const seen = new Set(fc.sample(inboundEventArbitrary(), { numRuns: 300, seed: 11 }).map((e) => e.entryPoint));
    expect([...seen].sort()).toEqual([...ENTRY_POINTS].sort());
  });

  it('plants an unusable email in about one event in a hundred, so rejections happen', () => {
    const events = fc.sample(inboundEventArbitrary(), { numRuns: 2000, seed: 7 });
    const unusable = events.filter((e) => !standardizeEmail(transformPayload(e, AT).person.email).ok).length;
    expect(unusable).toBeGreaterThan(5);
    expect(unusable).toBeLessThan(60);
  });

  it('gives countries that standardize at least 95% of the time', () => {
    const events = fc.sample(inboundEventArbitrary(), { numRuns: 2000, seed: 42 });
    const countries = events.map((e) => transformPayload(e, AT).person.country).filter((c): c is string => c !== undefined);
    const standardized = countries.filter((c) => standardizeCountry(c).ok).length;
    const rate = standardized / countries.length;
    expect(countries.length).toBeGreaterThan(1500);
    expect(rate).toBeGreaterThanOrEqual(0.95);
    // Mess is the point: not every country arrives clean, and some are no country at all.
    expect(countries.filter((c) => /^[A-Z]{2}$/.test(c)).length).toBeLessThan(countries.length * 0.5);
    expect(rate).toBeLessThan(1);
  });

  it('reuses existing emails, in another case or padding, as duplicates', () => {
    const existing = new Set(SAMPLE_WORLD_HINTS.existingEmails);
    const emails = fc.sample(inboundEventArbitrary(), { numRuns: 1000, seed: 7 }).map((e) => transformPayload(e, AT).person.email);
    const duplicates = emails.filter((raw) => {
      const std = standardizeEmail(raw);
      return std.ok && existing.has(std.email);
    });
    expect(duplicates.length).toBeGreaterThan(50);
    expect(duplicates.length).toBeLessThan(300);
    expect(duplicates.some((raw) => !existing.has(raw))).toBe(true);
  });

  it('routes partner leads to the world’s partner accounts', () => {
    const partners = new Set(SAMPLE_WORLD_HINTS.partnerAccounts.map((p) => p.id));
    const leads = fc.sample(inboundEventArbitrary(), { numRuns: 1000, seed: 3 }).map((e) => transformPayload(e, AT));
    const withPartner = leads.filter((l) => l.attribution.partnerAccount !== undefined);
    expect(withPartner.length).toBeGreaterThan(50);
    expect(withPartner.every((l) => partners.has(l.attribution.partnerAccount as string))).toBe(true);
    expect(leads.some((l) => l.attribution.acquisitionSource === 'Partner Sponsored Event')).toBe(true);
    expect(leads.some((l) => l.attribution.campaign?.startsWith('Partner - Trial') && l.attribution.partnerAccount !== undefined)).toBe(true);
  });

  it('only fires the entry points given a weight', () => {
    const events = fc.sample(inboundEventArbitrary(SAMPLE_WORLD_HINTS, { weights: { chat: 1, 'trial-sign-up': 1 } }), { numRuns: 100, seed: 1 });
    expect(new Set(events.map((e) => e.entryPoint))).toEqual(new Set(['chat', 'trial-sign-up']));
  });

  it('is deterministic for a seed', () => {
    const a = fc.sample(inboundEventArbitrary(), { numRuns: 50, seed: 99 });
    const b = fc.sample(inboundEventArbitrary(), { numRuns: 50, seed: 99 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
