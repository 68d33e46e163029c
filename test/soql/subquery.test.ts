import { describe, expect, it } from 'vitest';
import { describeSObject } from '../../src/systems/crm/describe.ts';
import { runQuery } from '../../src/systems/crm/soql/index.ts';
import { fixture } from './fixture.ts';

const f = fixture();
const url = (type: string, id: string) => `/services/data/v62.0/sobjects/${type}/${id}`;
function records(soql: string) {
  const result = runQuery(soql, f.crm);
  if (!result.ok) throw new Error(result.message);
  return result.records;
}

describe('parent-to-child subqueries', () => {
  it('nests { totalSize, done, records } where the subquery was selected, null when there are no children', () => {
    const member = f.crm.add('CampaignMember', { CampaignId: f.campaign, LeadId: f.l1, Status: 'Sent' });
    const rows = records(`SELECT Id, (SELECT Id, Status FROM CampaignMembers ORDER BY Status), LastName FROM Lead WHERE Id IN ('${f.l1}', '${f.l2}')`);
    expect(rows).toEqual([
      {
        attributes: { type: 'Lead', url: url('Lead', f.l1) },
        Id: f.l1,
        CampaignMembers: {
          totalSize: 2,
          done: true,
          records: [
            { attributes: { type: 'CampaignMember', url: url('CampaignMember', member) }, Id: member, Status: 'Sent' },
            { attributes: { type: 'CampaignMember', url: url('CampaignMember', f.member) }, Id: f.member, Status: 'Responded' },
          ],
        },
        LastName: 'One',
      },
      { attributes: { type: 'Lead', url: url('Lead', f.l2) }, Id: f.l2, CampaignMembers: null, LastName: 'Two' },
    ]);
    expect(Object.keys(rows[0] ?? {})).toEqual(['attributes', 'Id', 'CampaignMembers', 'LastName']);
  });

  it('applies the subquery’s WHERE, LIMIT and relationship fields, and answers Account.Contacts', () => {
    expect(records(`SELECT Name, (SELECT LastName, Owner.Name FROM Contacts WHERE Email LIKE '%acme%' LIMIT 1) FROM Account`)).toEqual([
      {
        attributes: { type: 'Account', url: url('Account', f.partner) },
        Name: 'Acme Partners',
        Contacts: {
          totalSize: 1,
          done: true,
          records: [{ attributes: { type: 'Contact', url: url('Contact', f.contact) }, LastName: 'Cee', Owner: { attributes: { type: 'User', url: url('User', f.ada) }, Name: 'Ada Lovelace' } }],
        },
      },
    ]);
    expect(records(`SELECT Id, (SELECT Id FROM Contacts WHERE Email = 'nobody@x') FROM Account`)[0]?.['Contacts']).toBeNull();
    expect(records(`SELECT Id, (SELECT LastName FROM Impartner_Partner_Leads__r) FROM Account`)[0]?.['Impartner_Partner_Leads__r']).toMatchObject({ totalSize: 1, records: [{ LastName: 'One' }] });
  });

  it('refuses an unknown child relationship with Salesforce’s INVALID_TYPE message', () => {
    expect(runQuery('SELECT Id, (SELECT Id FROM Leads) FROM Account', f.crm)).toEqual({
      ok: false,
      errorCode: 'INVALID_TYPE',
      message:
        "Didn't understand relationship 'Leads' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.",
    });
  });

  it('lists the child relationships in describe, named where a subquery can use them', () => {
    const named = (type: Parameters<typeof describeSObject>[0]) => describeSObject(type).childRelationships.filter((r) => r.relationshipName).map((r) => `${r.relationshipName} (${r.childSObject}.${r.field})`);
    expect(named('Lead')).toEqual(['CampaignMembers (CampaignMember.LeadId)']);
    expect(named('Contact')).toEqual(['CampaignMembers (CampaignMember.ContactId)']);
    expect(named('Campaign')).toEqual(['CampaignMembers (CampaignMember.CampaignId)']);
    expect(named('Account')).toEqual(['Impartner_Partner_Leads__r (Lead.Impartner_Partner_Account__c)', 'Contacts (Contact.AccountId)', 'Impartner_Partner_Contacts__r (Contact.Impartner_Partner_Account__c)', 'Partner_Campaigns__r (Campaign.Partner_Account__c)']);
    expect(describeSObject('User').childRelationships.some((r) => r.childSObject === 'Lead' && r.field === 'OwnerId' && r.relationshipName === null)).toBe(true);
  });
});
