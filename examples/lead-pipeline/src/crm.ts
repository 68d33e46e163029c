import type { Connection } from 'jsforce';
import { assertSaved, isTransient, queryAll, soql, withRetries } from './salesforce.ts';

type SfRecord = Record<string, any> & { Id: string };

/** A lead or a contact we found or created. */
export interface Person {
  readonly type: 'Lead' | 'Contact';
  readonly record: SfRecord;
  /** We created it while handling this delivery. */
  readonly created: boolean;
}

const SHARED = 'Id, Email, OwnerId, FirstName, LastName, Title, Phone, Mailability__c, Email_Opt_In__c, HasOptedOutOfEmail, Lead_Acquisition_Source__c, Impartner_Partner_Account__c, Partner_Recalled__c, Partner_Recalled_Date__c, Actively_Being_Sequenced__c, Partner_Share_Status__c, Partner_Lead_Status__c, Prospect_Share_Status__c, Partner_Prospect_Status__c, Pipeline_Event_Id__c';
const LEAD_FIELDS = `${SHARED}, Company, Country, CountryCode, Status`;
const CONTACT_FIELDS = `${SHARED}, AccountId, MailingCountry, MailingCountryCode, Status__c`;

/** The person with this email: a contact first (already converted), else an open lead. */
export async function findPerson(conn: Connection, email: string): Promise<Person | undefined> {
  const [contact] = await queryAll<SfRecord>(conn, `SELECT ${CONTACT_FIELDS} FROM Contact WHERE Email = ${soql(email)}`);
  if (contact) return { type: 'Contact', record: contact, created: false };
  const [lead] = await queryAll<SfRecord>(conn, `SELECT ${LEAD_FIELDS} FROM Lead WHERE Email = ${soql(email)} AND IsConverted = false`);
  return lead ? { type: 'Lead', record: lead, created: false } : undefined;
}

/** A lead by id (the one a rep created). */
export async function leadById(conn: Connection, id: string): Promise<Person | undefined> {
  const [lead] = await queryAll<SfRecord>(conn, `SELECT ${LEAD_FIELDS} FROM Lead WHERE Id = ${soql(id)} AND IsConverted = false`);
  return lead ? { type: 'Lead', record: lead, created: false } : undefined;
}

/**
 * Creates the lead once, even when Salesforce applied a create whose answer never came back: before trying again
 * it looks for the lead this delivery already made (its `Pipeline_Event_Id__c`).
 */
export async function createLead(conn: Connection, fields: Record<string, unknown>, deliveryId: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await conn.sobject('Lead').create({ ...fields, Pipeline_Event_Id__c: deliveryId });
      assertSaved(result, 'create the lead');
      return (result as { id: string }).id;
    } catch (error) {
      if (attempt >= 4 || !isTransient(error)) throw error;
      const [mine] = await queryAll<SfRecord>(conn, `SELECT Id FROM Lead WHERE Pipeline_Event_Id__c = ${soql(deliveryId)}`);
      if (mine) return mine.Id;
    }
  }
}

/** The org as routing needs it, read fresh for every delivery: users, queues, campaigns, accounts. */
export interface Org {
  readonly users: SfRecord[];
  readonly queues: SfRecord[];
  readonly campaigns: SfRecord[];
  readonly accounts: SfRecord[];
}

export async function loadOrg(conn: Connection): Promise<Org> {
  const [users, queues, campaigns, accounts] = await Promise.all([
    queryAll<SfRecord>(conn, 'SELECT Id, Name, Username, IsActive, Role__c, Region__c, Out_Of_Office__c FROM User'),
    queryAll<SfRecord>(conn, "SELECT Id, Name FROM Group WHERE Type = 'Queue'"),
    queryAll<SfRecord>(conn, 'SELECT Id, Name, MDF_Funding__c, Channel_Partner_Involved__c, Partner_Account__c, Default_Acquisition_Source__c FROM Campaign'),
    queryAll<SfRecord>(conn, 'SELECT Id, Name, Website, Type, Partner_Type__c, BDR__c, OwnerId, Actively_Working__c FROM Account'),
  ]);
  return { users, queues, campaigns, accounts };
}

/** The campaign a touch names, by id or by name (any case). */
export function findCampaign(org: Org, named: string | undefined): SfRecord | undefined {
  const name = named?.trim().toLowerCase();
  return name ? org.campaigns.find((c) => c.Id.toLowerCase() === name || c.Id.slice(0, 15).toLowerCase() === name || String(c['Name']).toLowerCase() === name) : undefined;
}

const MEMBER_STATUSES = ['Sent', 'Registered', 'Attended', 'Visited Booth', 'Follow Up Requested', 'Responded', 'No Show'];
const OFFER_TYPES = ['Demo - 1:1', 'Webinar', 'Free Trial', 'Contact Sales', 'Content', 'Event', 'Chat'];

/** Adds the person to the campaign (or moves its member status), once. */
export async function addToCampaign(conn: Connection, campaignId: string, person: Person, status: string | undefined, offer: string | undefined): Promise<{ Status: string }> {
  const link = person.type === 'Lead' ? 'LeadId' : 'ContactId';
  const wanted = status !== undefined && MEMBER_STATUSES.includes(status) ? status : 'Responded';
  const [member] = await queryAll<SfRecord>(conn, `SELECT Id, Status FROM CampaignMember WHERE CampaignId = ${soql(campaignId)} AND ${link} = ${soql(person.record.Id)}`);
  if (member) {
    if (member['Status'] !== wanted) await withRetries(async () => assertSaved(await conn.sobject('CampaignMember').update({ Id: member.Id, Status: wanted }), 'update the campaign member'));
    return { Status: wanted };
  }
  await withRetries(async () => {
    try {
      assertSaved(await conn.sobject('CampaignMember').create({ CampaignId: campaignId, [link]: person.record.Id, Status: wanted, ...(offer && OFFER_TYPES.includes(offer) ? { Offer_Type__c: offer } : {}) }), 'add the campaign member');
    } catch (error) {
      // Our earlier try went through and its answer got lost: the person is a member already.
      if ((error as { errorCode?: string }).errorCode !== 'DUPLICATE_VALUE') throw error;
    }
  });
  return { Status: wanted };
}
