import { describe, expect, it } from 'vitest';
import { isValidId, to18 } from '../../src/systems/crm/ids.ts';
import { seededCrm } from './crmFixture.ts';

describe('ids', () => {
  it('computes the case checksum of 18-character ids', () => {
    expect(to18('001000000000000')).toBe('001000000000000AAA');
    expect(to18('00QSm0000000001')).toBe('00QSm0000000001MAA');
    expect(isValidId('00QSm0000000001MAA')).toBe(true);
    expect(isValidId('00QSm0000000001AAA')).toBe(false);
    expect(isValidId('00QSm0000000001')).toBe(true);
  });

  it('hands out the same ids for the same sequence of creates', () => {
    const a = seededCrm();
    const b = seededCrm();
    const ra = a.crm.create('Lead', { LastName: 'X', Company: 'Y' }, a.ctx);
    const rb = b.crm.create('Lead', { LastName: 'X', Company: 'Y' }, b.ctx);
    expect(ra).toEqual(rb);
    expect(ra.ok && ra.value.id).toMatch(/^00Q[A-Za-z0-9]{15}$/);
  });
});

describe('create', () => {
  it('applies defaults, derives Name and stamps audit fields from the clock', () => {
    const { crm, ctx } = seededCrm();
    const res = crm.create('Lead', { FirstName: 'Ada', LastName: 'Lovelace', Company: 'Engines' }, ctx);
    expect(res.ok).toBe(true);
    const lead = crm.get('Lead', res.ok ? res.value.id : '')!;
    expect(lead).toMatchObject({
      Name: 'Ada Lovelace',
      Status: 'Inquiry',
      High_Priority__c: false,
      IsConverted: false,
      IsDeleted: false,
      OwnerId: crm.integrationUserId,
      CreatedById: crm.integrationUserId,
      CreatedDate: '2026-01-05T09:00:00.000+0000',
      LastModifiedDate: '2026-01-05T09:00:00.000+0000',
    });
  });

  it('reports Salesforce error codes and messages', () => {
    const { crm, ctx, accountId } = seededCrm();
    const codes = (fields: Record<string, unknown>) => {
      const res = crm.create('Lead', fields, ctx);
      return res.ok ? 'ok' : res.errors.map((e) => `${e.statusCode}: ${e.message} [${e.fields.join(',')}]`).join(' | ');
    };
    expect(codes({ FirstName: 'A' })).toMatchInlineSnapshot(`"REQUIRED_FIELD_MISSING: Required fields are missing: [LastName, Company] [LastName,Company]"`);
    expect(codes({ LastName: 'A', Company: 'B', Foo: 1 })).toMatchInlineSnapshot(`"INVALID_FIELD: No such column 'Foo' on sobject of type Lead []"`);
    expect(codes({ LastName: 'A', Company: 'B', Name: 'x' })).toMatch(/^INVALID_FIELD_FOR_INSERT_UPDATE: Unable to create\/update fields: Name\./);
    expect(codes({ LastName: 'A', Company: 'B', Email: 'foo@' })).toMatchInlineSnapshot(`"INVALID_EMAIL_ADDRESS: Email: invalid email address: foo@ [Email]"`);
    expect(codes({ LastName: 'A', Company: 'x'.repeat(256) })).toMatch(/^STRING_TOO_LONG: Company: data value too large: x+ \(max length=255\) \[Company\]$/);
    expect(codes({ LastName: 'A', Company: 'B', Status: 'Open' })).toMatchInlineSnapshot(`"INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: Lead Status: bad value for restricted picklist field: Open [Status]"`);
    expect(codes({ LastName: 'A', Company: 'B', High_Priority__c: 'yes' })).toMatchInlineSnapshot(`"INVALID_TYPE_ON_FIELD_IN_RECORD: High Priority: value not of required type: yes [High_Priority__c]"`);
    expect(codes({ LastName: 'A', Company: 'B', OwnerId: 'nope' })).toMatchInlineSnapshot(`"MALFORMED_ID: Owner ID: id value of incorrect type: nope [OwnerId]"`);
    expect(codes({ LastName: 'A', Company: 'B', OwnerId: accountId })).toMatch(/^FIELD_INTEGRITY_EXCEPTION: Owner ID: id value of incorrect type: 001/);
    expect(codes({ LastName: 'A', Company: 'B', OwnerId: '005Sm0000000099' })).toMatchInlineSnapshot(`"INVALID_CROSS_REFERENCE_KEY: invalid cross reference id [OwnerId]"`);
    expect(codes({ lastname: 'A', company: 'B', email: 'ok@x.io' })).toBe('ok');
  });

  it('refuses an inactive user as owner', () => {
    const { crm, ctx, sdrId } = seededCrm();
    expect(crm.update('User', sdrId, { IsActive: false }, ctx).ok).toBe(true);
    const res = crm.create('Lead', { LastName: 'A', Company: 'B', OwnerId: sdrId }, ctx);
    expect(res.ok ? [] : res.errors.map((e) => e.statusCode)).toEqual(['INACTIVE_OWNER_OR_USER']);
  });
});

describe('duplicate rule', () => {
  it('blocks a lead or contact whose normalized email another live person has, even with allowSave', () => {
    const { crm, ctx } = seededCrm();
    const first = crm.create('Lead', { LastName: 'A', Company: 'B', Email: 'Jo@Acme.com' }, ctx);
    const dup = crm.create('Contact', { LastName: 'C', Email: ' jo@acme.COM'.trim() }, { ...ctx, duplicateRuleHeader: { allowSave: true } });
    expect(dup.ok).toBe(false);
    const error = dup.ok ? undefined : dup.errors[0];
    expect(error?.statusCode).toBe('DUPLICATES_DETECTED');
    expect(error?.duplicateResult?.duplicateRule).toBe('Standard_Contact_Duplicate_Rule');
    expect(error?.duplicateResult?.matchResults[0]?.matchRecords[0]?.record.Id).toBe(first.ok && first.value.id);
  });

  it('lists the matches in the order they came to hold the email, kept through writes that keep it', () => {
    const { crm, ctx } = seededCrm();
    crm.configure({ duplicateRules: { Lead: 'alert' } });
    const save = { ...ctx, duplicateRuleHeader: { allowSave: true } };
    const one = crm.create('Lead', { LastName: 'One', Company: 'B', Email: 'one@x.io' }, ctx);
    const two = crm.create('Lead', { LastName: 'Two', Company: 'B', Email: 'k@x.io' }, ctx);
    if (!one.ok || !two.ok) throw new Error('seed failed');
    expect(crm.update('Lead', one.value.id, { Email: 'K@x.io' }, save).ok).toBe(true);
    expect(crm.update('Lead', two.value.id, { Title: 'CTO' }, ctx).ok).toBe(true);
    const third = crm.create('Lead', { LastName: 'Three', Company: 'B', Email: 'k@X.io' }, ctx);
    const matches = third.ok ? [] : third.errors[0]?.duplicateResult?.matchResults[0]?.matchRecords.map((m) => m.record.Id);
    expect(matches).toEqual([two.value.id, one.value.id]);
  });

  it('checks email changes on update but not the record against itself, and forgets deleted records', () => {
    const { crm, ctx } = seededCrm();
    const a = crm.create('Lead', { LastName: 'A', Company: 'B', Email: 'a@x.io' }, ctx);
    const b = crm.create('Lead', { LastName: 'B', Company: 'B', Email: 'b@x.io' }, ctx);
    if (!a.ok || !b.ok) throw new Error('seed failed');
    expect(crm.update('Lead', a.value.id, { Email: 'A@x.io' }, ctx).ok).toBe(true);
    expect(crm.update('Lead', b.value.id, { Email: 'a@X.io' }, ctx).ok).toBe(false);
    expect(crm.delete('Lead', a.value.id, ctx).ok).toBe(true);
    expect(crm.update('Lead', b.value.id, { Email: 'a@X.io' }, ctx).ok).toBe(true);
  });
});

describe('campaign members', () => {
  it('refuses a second membership and derives HasResponded', () => {
    const { crm, ctx, campaignId } = seededCrm();
    const lead = crm.create('Lead', { LastName: 'A', Company: 'B' }, ctx);
    if (!lead.ok) throw new Error('seed failed');
    const m = crm.create('CampaignMember', { CampaignId: campaignId, LeadId: lead.value.id, Status: 'Registered' }, ctx);
    expect(m.ok && crm.get('CampaignMember', m.value.id)?.['HasResponded']).toBe(true);
    const again = crm.create('CampaignMember', { CampaignId: campaignId, LeadId: lead.value.id }, ctx);
    expect(again.ok ? [] : again.errors).toEqual([{ statusCode: 'DUPLICATE_VALUE', message: 'Already a campaign member.', fields: [] }]);
    const none = crm.create('CampaignMember', { CampaignId: campaignId }, ctx);
    expect(none.ok ? '' : none.errors[0]?.statusCode).toBe('REQUIRED_FIELD_MISSING');
  });

  it('counts a converted lead\'s contact as a member, other campaigns and deleted memberships not, and after a restore too', () => {
    const { crm, ctx, campaignId } = seededCrm();
    const other = crm.create('Campaign', { Name: 'Webinar Q2' }, ctx);
    const lead = crm.create('Lead', { LastName: 'A', Company: 'B' }, ctx);
    if (!lead.ok || !other.ok) throw new Error('seed failed');
    const member = crm.create('CampaignMember', { CampaignId: campaignId, LeadId: lead.value.id }, ctx);
    expect(crm.create('CampaignMember', { CampaignId: other.value.id, LeadId: lead.value.id }, ctx).ok).toBe(true);
    const converted = crm.convertLead({ leadId: lead.value.id, convertedStatus: 'Converted' }, ctx);
    if (!member.ok || !converted.success) throw new Error('seed failed');
    expect(crm.get('CampaignMember', member.value.id)?.['ContactId']).toBe(converted.contactId);
    const asContact = () => crm.create('CampaignMember', { CampaignId: campaignId, ContactId: converted.contactId! }, ctx);
    expect(asContact().ok ? '' : 'DUPLICATE_VALUE').toBe('DUPLICATE_VALUE');
    const saved = crm.snapshot();
    crm.restore(saved);
    expect(asContact().ok ? '' : 'DUPLICATE_VALUE').toBe('DUPLICATE_VALUE');
    expect(crm.delete('CampaignMember', member.value.id, ctx).ok).toBe(true);
    expect(asContact().ok).toBe(true);
  });
});

describe('update and delete', () => {
  it('answers NOT_FOUND and ENTITY_IS_DELETED', () => {
    const { crm, ctx } = seededCrm();
    const lead = crm.create('Lead', { LastName: 'A', Company: 'B' }, ctx);
    if (!lead.ok) throw new Error('seed failed');
    expect(crm.update('Lead', '00QSm0000000999', { Title: 'x' }, ctx)).toMatchObject({ ok: false, errors: [{ statusCode: 'NOT_FOUND' }] });
    expect(crm.delete('Lead', lead.value.id, ctx).ok).toBe(true);
    expect(crm.delete('Lead', lead.value.id, ctx)).toMatchObject({ ok: false, errors: [{ statusCode: 'ENTITY_IS_DELETED' }] });
    expect(crm.get('Lead', lead.value.id)).toBeUndefined();
    expect([...crm.records('Lead')]).toHaveLength(0);
    expect([...crm.records('Lead', { includeDeleted: true })]).toHaveLength(1);
    expect(crm.byId(lead.value.id.slice(0, 15))?.record['IsDeleted']).toBe(true);
  });
});

describe('field history and change events', () => {
  it('records every given field on create and only changed fields on update, with user and workflow', () => {
    const { crm, clock, ctx } = seededCrm();
    const events: unknown[] = [];
    const off = crm.onChange((e) => events.push(e));
    const lead = crm.create('Lead', { LastName: 'A', Company: 'B' }, { userId: ctx.userId, workflow: 'pipeline:upsert' });
    if (!lead.ok) throw new Error('seed failed');
    clock.advance(60_000);
    crm.update('Lead', lead.value.id, { Company: 'B', Title: 'CTO' }, { userId: ctx.userId, workflow: 'pipeline:route' });
    off();
    crm.update('Lead', lead.value.id, { Title: 'CEO' }, ctx);
    const history = crm.history(lead.value.id).map((h) => `${h.field}:${String(h.oldValue)}->${String(h.newValue)}@${h.workflow}`);
    expect(history).toEqual(['LastName:null->A@pipeline:upsert', 'Company:null->B@pipeline:upsert', 'OwnerId:null->' + ctx.userId + '@pipeline:upsert', 'Title:null->CTO@pipeline:route', 'Title:CTO->CEO@test:seed']);
    expect(events).toEqual([
      { kind: 'create', object: 'Lead', id: lead.value.id, changedFields: ['LastName', 'Company', 'OwnerId'], userId: ctx.userId, workflow: 'pipeline:upsert', at: clock.now() - 60_000 },
      { kind: 'update', object: 'Lead', id: lead.value.id, changedFields: ['Title'], userId: ctx.userId, workflow: 'pipeline:route', at: clock.now() },
    ]);
  });
});
