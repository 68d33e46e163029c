import { afterEach, describe, expect, it } from 'vitest';
import { ENTRY_POINTS } from '../../src/model/entryPointId.ts';
import { PIPELINE_JOBS } from '../../src/pipeline/jobNames.ts';
import { createHarness, type LeadsimHarness } from '../../src/simulation/createHarness.ts';
import { payloadFor } from './payloads.ts';

let harness: LeadsimHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const jobsOf = (trace: { steps: readonly { job: string }[] }) => trace.steps.map((s) => s.job);

describe('the pipeline', () => {
  it.each(ENTRY_POINTS)('takes a %s lead into the CRM through the same ordered jobs', async (entryPoint) => {
    harness = await createHarness({ seed: 11 });
    const email = `new.person.${entryPoint}@fresh-domain.example`;
    const delivery = await harness.deliver(payloadFor(entryPoint, harness.hints, { email, country: 'Germany' }));
    expect(delivery.blocked).toBeUndefined();
    const [trace] = delivery.traces;
    expect(jobsOf(trace!)).toEqual([...PIPELINE_JOBS]);
    expect(trace!.outcome).toMatchObject({ kind: 'created', personType: 'Lead' });
    const leads = [...harness.world.crm.records('Lead')].filter((l) => l['Email'] === email);
    expect(leads).toHaveLength(1);
    expect(leads[0]!['CountryCode']).toBe('DE');
  });

  it.each(ENTRY_POINTS.filter((e) => e !== 'sales-created'))('merges a %s duplicate of an existing contact instead of creating a lead', async (entryPoint) => {
    harness = await createHarness({ seed: 12 });
    const contact = harness.world.org.people.find((p) => p.kind === 'Contact')!;
    const contactId = harness.world.ids.personIds.get(contact.key)!.id;
    const leadsBefore = [...harness.world.crm.records('Lead')].length;
    const messy = `  ${contact.Email.toUpperCase()} `;
    const delivery = await harness.deliver(payloadFor(entryPoint, harness.hints, { email: messy }));
    expect(delivery.traces[0]!.outcome).toEqual({ kind: 'merged', personType: 'Contact', personId: contactId });
    expect([...harness.world.crm.records('Lead')].length).toBe(leadsBefore);
  });

  it('refuses a rep-created duplicate of an existing contact at the CRM, so no second person exists', async () => {
    harness = await createHarness({ seed: 12 });
    const contact = harness.world.org.people.find((p) => p.kind === 'Contact')!;
    const delivery = await harness.deliver(payloadFor('sales-created', harness.hints, { email: contact.Email.toUpperCase() }));
    expect(delivery.blocked?.reason).toMatch(/DUPLICATES_DETECTED/);
    expect(delivery.traces).toEqual([]);
  });

  it.each([
    ['Deutschland', 'DE', 'Opt-in required'],
    ['U.S.', 'US', 'Mailable'],
    [' uk ', 'GB', 'Opt-in required'],
  ])('standardizes "%s" to %s before compliance decides %s', async (raw, code, mailability) => {
    harness = await createHarness({ seed: 13 });
    const payload = payloadFor('web-form', harness.hints, { email: 'compliance.case@fresh-domain.example', country: raw });
    (payload.payload as { leadFormFields: Record<string, unknown> }).leadFormFields['emailOptIn'] = false;
    delete (payload.payload as { leadFormFields: Record<string, unknown> }).leadFormFields['unsubscribed'];
    const [trace] = (await harness.deliver(payload)).traces;
    const jobs = jobsOf(trace!);
    expect(jobs.indexOf('standardize')).toBeLessThan(jobs.indexOf('compliance'));
    const compliance = trace!.steps.find((s) => s.job === 'compliance')!;
    expect(compliance.input).toMatchObject({ country: code });
    expect(compliance.output).toEqual({ mailability });
    const person = trace!.outcome?.kind === 'created' ? harness.world.crm.get('Lead', trace!.outcome.personId) : undefined;
    expect(person?.['Mailability__c']).toBe(mailability);
  });

  it('routes a partner-sponsored-event attendee from a list upload to the Partner Queue and shares it with the PRM', async () => {
    harness = await createHarness({ seed: 14 });
    const campaign = harness.world.org.campaigns.find((c) => c.Default_Acquisition_Source__c === 'Partner Sponsored Event')!;
    const partnerId = harness.world.ids.accountIds.get(campaign.partnerAccount!)!;
    const [trace] = (
      await harness.deliver({
        entryPoint: 'list-upload',
        payload: { campaign: campaign.Name, memberStatus: 'Attended', row: { Email: 'Booth.Visitor@fresh-domain.example', 'First Name': 'Ana', 'Last Name': 'Silva', Company: 'Fresh', Country: 'Brasil' } },
      })
    ).traces;
    expect(trace!.outcome?.kind).toBe('created');
    const id = (trace!.outcome as { personId: string }).personId;
    const lead = harness.world.crm.get('Lead', id)!;
    const partnerQueue = harness.world.ids.queueIds.get('Partner Queue');
    expect(lead).toMatchObject({
      OwnerId: partnerQueue,
      Lead_Acquisition_Source__c: 'Partner Sponsored Event',
      Impartner_Partner_Account__c: partnerId,
      Partner_Share_Status__c: 'Pending',
      Partner_Lead_Status__c: 'Qualifying',
    });
    const prospects = harness.world.impartner.records('Prospect').filter((p) => p['CrmId'] === id);
    expect(prospects).toHaveLength(1);
    expect(prospects[0]).toMatchObject({ Email: 'booth.visitor@fresh-domain.example', ShareStatus: 'Pending' });
  });

  it('ignores a webhook delivered twice with the same idempotency key', async () => {
    harness = await createHarness({ seed: 15 });
    const first = await harness.deliver(payloadFor('chat', harness.hints, { email: 'twice@fresh-domain.example' }));
    const again = await harness.redeliver(first.id);
    expect(again).toEqual([]);
    expect(harness.world.intake.duplicates).toBe(1);
    expect([...harness.world.crm.records('Lead')].filter((l) => l['Email'] === 'twice@fresh-domain.example')).toHaveLength(1);
  });

  it('rejects a lead whose email cannot be used, with the reason, instead of dropping it', async () => {
    harness = await createHarness({ seed: 16 });
    const [trace] = (await harness.deliver(payloadFor('trial-sign-up', harness.hints, { email: 'not-an-email' }))).traces;
    expect(trace!.outcome).toMatchObject({ kind: 'rejected', job: 'validate' });
    expect((trace!.outcome as { reason: string }).reason).toContain('not-an-email');
  });

  it("never re-triggers itself with its own writes, while a rep's new lead does trigger it", async () => {
    harness = await createHarness({ seed: 17 });
    const chat = await harness.deliver(payloadFor('chat', harness.hints, { email: 'quiet@fresh-domain.example' }));
    expect(chat.traces).toHaveLength(1);
    expect(harness.world.intake.received.size).toBe(1);
    const repLead = payloadFor('sales-created', harness.hints, { email: 'rep.made@fresh-domain.example' });
    const rep = await harness.deliver(repLead);
    expect(rep.traces.map((t) => t.entryPoint)).toEqual(['sales-created']);
    // Rule 5: the rep who created it keeps it; the pipeline still standardized, deduped, attributed and checked it.
    const repId = (repLead.payload as { OwnerId: string }).OwnerId;
    expect(rep.traces[0]!.routedTo?.id).toBe(repId);
    expect(rep.traces[0]!.steps.map((s) => s.job)).toEqual([...PIPELINE_JOBS]);
    expect(harness.world.intake.received.size).toBe(2);
    expect(harness.world.intake.pending).toBe(0);
  });
});
