import jsforce from 'jsforce';
import { describe, expect, it } from 'vitest';
import { seededCrm } from './crmFixture.ts';
import { INSTANCE_URL, useSalesforce } from './sfServer.ts';
import { SALESFORCE_CLIENT } from '../../src/world/credentials.ts';

function lead(crm: ReturnType<typeof seededCrm>['crm'], ctx: ReturnType<typeof seededCrm>['ctx'], fields: Record<string, unknown>): string {
  const res = crm.create('Lead', { LastName: 'Ng', Company: 'Globex', Email: 'ng@globex.com', Title: 'CTO', Country: 'Germany', ...fields }, ctx);
  if (!res.ok) throw new Error(JSON.stringify(res.errors));
  return res.value.id;
}

describe('convertLead (pure)', () => {
  it('creates an account and a contact, marks the lead converted and moves campaign members', () => {
    const { crm, ctx, sdrId, campaignId } = seededCrm();
    const leadId = lead(crm, ctx, { OwnerId: sdrId });
    crm.create('CampaignMember', { CampaignId: campaignId, LeadId: leadId, Status: 'Attended' }, ctx);
    const result = crm.convertLead({ leadId, convertedStatus: 'Converted', doNotCreateOpportunity: true }, ctx);
    expect(result).toMatchObject({ success: true, leadId, opportunityId: null, errors: [] });
    const account = crm.get('Account', result.accountId!)!;
    const contact = crm.get('Contact', result.contactId!)!;
    expect(account).toMatchObject({ Name: 'Globex', BillingCountry: 'Germany', OwnerId: sdrId });
    expect(contact).toMatchObject({ LastName: 'Ng', Email: 'ng@globex.com', Title: 'CTO', MailingCountry: 'Germany', AccountId: result.accountId, OwnerId: sdrId });
    expect(crm.get('Lead', leadId)).toMatchObject({ IsConverted: true, ConvertedDate: '2026-01-05', ConvertedAccountId: result.accountId, ConvertedContactId: result.contactId, Status: 'Converted' });
    expect([...crm.records('CampaignMember')].map((m) => [m['LeadId'], m['ContactId']])).toEqual([[leadId, result.contactId]]);
    expect(crm.update('Lead', leadId, { Title: 'CEO' }, ctx)).toEqual({ ok: false, errors: [{ statusCode: 'CANNOT_UPDATE_CONVERTED_LEAD', message: 'cannot reference converted lead', fields: [] }] });
  });

  it('merges into an existing account and contact, filling only empty fields', () => {
    const { crm, ctx, accountId, sdrId } = seededCrm();
    const contact = crm.create('Contact', { LastName: 'Old', Email: 'old@acme.com', AccountId: accountId }, ctx);
    if (!contact.ok) throw new Error('seed');
    const leadId = lead(crm, ctx, { OwnerId: sdrId, Email: 'other@globex.com' });
    const result = crm.convertLead({ leadId, convertedStatus: 'Converted', contactId: contact.value.id, accountId }, ctx);
    expect(result).toMatchObject({ success: true, accountId, contactId: contact.value.id });
    expect(crm.get('Contact', contact.value.id)).toMatchObject({ LastName: 'Old', Email: 'old@acme.com', Title: 'CTO' });
    expect(crm.get('Account', accountId)).toMatchObject({ Name: 'Acme', BillingCountry: 'Germany' });
  });

  it('refuses a wrong status and a queue-owned lead without ownerId, leaving nothing behind', () => {
    const { crm, ctx, queueId, sdrId } = seededCrm();
    const leadId = lead(crm, ctx, { OwnerId: queueId });
    const accounts = [...crm.records('Account')].length;
    expect(crm.convertLead({ leadId, convertedStatus: 'Qualified' }, ctx)).toMatchObject({ success: false, errors: [{ statusCode: 'INVALID_STATUS' }] });
    const queued = crm.convertLead({ leadId, convertedStatus: 'Converted' }, ctx);
    expect(queued).toMatchObject({ success: false, accountId: null, contactId: null, errors: [{ statusCode: 'INVALID_CROSS_REFERENCE_KEY', fields: ['OwnerId'] }] });
    expect([...crm.records('Account')]).toHaveLength(accounts);
    const owned = crm.convertLead({ leadId, convertedStatus: 'Converted', ownerId: sdrId }, ctx);
    expect(owned.success).toBe(true);
    expect(crm.get('Lead', leadId)?.['OwnerId']).toBe(sdrId);
  });

  it('refuses the lead of an inactive owner and an unknown lead, creating nothing', () => {
    const { crm, ctx, sdrId } = seededCrm();
    const leadId = lead(crm, ctx, { OwnerId: sdrId });
    crm.update('User', sdrId, { IsActive: false }, ctx);
    const counts = () => [[...crm.records('Account')].length, [...crm.records('Contact')].length, crm.history().length];
    const before = counts();
    expect(crm.convertLead({ leadId, convertedStatus: 'Converted' }, ctx)).toMatchObject({ success: false, errors: [{ statusCode: 'INACTIVE_OWNER_OR_USER' }] });
    expect(crm.convertLead({ leadId: '00QSm0000000999', convertedStatus: 'Converted' }, ctx)).toMatchObject({ success: false, leadId: null, errors: [{ statusCode: 'INVALID_CROSS_REFERENCE_KEY' }] });
    expect(counts()).toEqual(before);
  });
});

describe('conn.soap.convertLead', () => {
  const sf = useSalesforce();

  it('converts through the SOAP envelope jsforce sends, and refreshes on INVALID_SESSION_ID', async () => {
    const { conn, crm, ctx, sdrId } = sf.current;
    const leadId = lead(crm, ctx, { OwnerId: sdrId });
    const result = await conn.soap.convertLead({ leadId, convertedStatus: 'Converted', doNotCreateOpportunity: true });
    expect(result).toEqual({ accountId: expect.stringMatching(/^001/), contactId: expect.stringMatching(/^003/), leadId, opportunityId: null, success: true, errors: [] });
    const again = await conn.soap.convertLead({ leadId, convertedStatus: 'Converted' });
    expect(again).toMatchObject({ success: false, errors: [{ statusCode: 'CANNOT_UPDATE_CONVERTED_LEAD', message: 'cannot reference converted lead' }] });

    const refreshToken = crm.sessions.issueRefreshToken(crm.integrationUserId);
    const stale = crm.sessions.issueToken(crm.integrationUserId);
    crm.sessions.revokeToken(stale);
    const other = lead(crm, ctx, { OwnerId: sdrId, Email: 'second@globex.com' });
    const conn2 = new jsforce.Connection({ instanceUrl: INSTANCE_URL, accessToken: stale, refreshToken, version: '62.0', oauth2: { loginUrl: INSTANCE_URL, ...SALESFORCE_CLIENT, redirectUri: 'x' } });
    const second = await conn2.soap.convertLead([{ leadId: other, convertedStatus: 'Converted' }]);
    expect(second).toHaveLength(1);
    expect(second[0]).toMatchObject({ success: true, leadId: other });
  });
});
