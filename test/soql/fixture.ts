import { MemorySource } from './memorySource.ts';

/** A small CRM: two users, a queue, a partner account, leads owned by each, a contact, a campaign member. */
export function fixture(options: { indexed?: readonly string[] } = {}) {
  const crm = new MemorySource(options);
  const ada = crm.add('User', { Name: 'Ada Lovelace', Email: 'ada@corp.test', Region__c: 'EMEA', IsActive: true, Role__c: 'SDR' });
  const bob = crm.add('User', { Name: 'Bob Stone', Email: 'bob@corp.test', Region__c: 'AMER', IsActive: false, Role__c: 'AE' });
  const queue = crm.add('Group', { Name: 'Partner Queue', Type: 'Queue' });
  const partner = crm.add('Account', { Name: 'Acme Partners', Partner_Type__c: 'Alliance', Website: 'acme.test' });
  const l1 = crm.add('Lead', {
    LastName: 'One', Company: 'A', Email: 'Jane.Doe@Example.com', Status: 'MQL', OwnerId: ada, NumberOfEmployees: 50,
    CreatedDate: '2026-01-05T09:00:00.000+0000', High_Priority__c: true, Impartner_Partner_Account__c: partner, Country: 'Germany',
  });
  const l2 = crm.add('Lead', {
    LastName: 'Two', Company: 'B', Email: 'o\'brien@example.org', Status: 'Inquiry', OwnerId: queue, NumberOfEmployees: 5,
    CreatedDate: '2026-01-04T23:59:59.000+0000', High_Priority__c: false, Country: 'France',
  });
  const l3 = crm.add('Lead', { LastName: 'Three', Company: 'C', Status: 'Nurture', OwnerId: bob, CreatedDate: '2026-01-06T00:00:00.000+0000' });
  const l4 = crm.add('Lead', { LastName: 'four_%', Company: 'D', Email: 'x@y.com', Status: 'Qualified', NumberOfEmployees: 500, CreatedDate: '2026-01-03T12:00:00.000+0000' });
  const contact = crm.add('Contact', { LastName: 'Cee', Email: 'cee@acme.test', AccountId: partner, OwnerId: ada });
  const campaign = crm.add('Campaign', { Name: 'Partner - Trial Q1', MDF_Funding__c: 'Yes' });
  const member = crm.add('CampaignMember', { CampaignId: campaign, LeadId: l1, Status: 'Responded', Offer_Type__c: 'Webinar' });
  return { crm, ada, bob, queue, partner, l1, l2, l3, l4, contact, campaign, member };
}
