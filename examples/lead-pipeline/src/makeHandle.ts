import type { Connection } from 'jsforce';
import { countryCode, countryName, regionOf } from './countries.ts';
import { addToCampaign, createLead, findCampaign, findPerson, leadById, loadOrg, type Org, type Person } from './crm.ts';
import type { Delivery, PipelineEnv } from './env.ts';
import { shareWithPartner } from './impartner.ts';
import { LEAD_SOURCE, type Consent, type Lead } from './lead.ts';
import { syncToMarketo } from './marketo.ts';
import { readLead, UnknownEntryPoint } from './readLead.ts';
import { RoundRobin } from './roundRobin.ts';
import { partnerQueue, route, type PartnerOwner } from './routing.ts';
import { salesforce, update } from './salesforce.ts';
import { companyDomain, isValidEmail, mailability, normalizeEmail } from './standardize.ts';

/** The steps we swap in tests (and that the broken variants in ../broken get wrong on purpose). */
export interface Steps {
  /** Finds the person by email. */
  readonly findPerson: (conn: Connection, email: string, typed: string) => Promise<Person | undefined>;
  /** Creates the lead; `deliveryId` makes it safe to try again. */
  readonly createLead: (conn: Connection, fields: Record<string, unknown>, deliveryId: string) => Promise<string>;
  /** Mailability__c from the country (the ISO code, and as typed) and the consent. */
  readonly mailability: (code: string | undefined, typed: string | undefined, consent: Consent) => string;
  /** Who gets partner leads. */
  readonly partnerOwner: PartnerOwner;
}

export const STEPS: Steps = {
  findPerson: (conn, email) => findPerson(conn, email),
  createLead,
  mailability: (code, _typed, consent) => mailability(code, consent),
  partnerOwner: partnerQueue,
};

/** What `handle` answers: nothing (done) or our own rejection with its reason. */
export type Answer = { readonly rejected: string } | undefined;

const HAND_RAISE = ['Demo - 1:1', 'Contact Sales', 'Free Trial', 'Chat'];
const ENGAGED = ['Visited Booth', 'Follow Up Requested'];
const OPEN_STATUSES = ['Inquiry', 'Nurture', 'Unqualified'];
const ACQUISITION_BY_ENTRY_POINT: Readonly<Record<string, string>> = { 'web-form': 'Inbound', chat: 'Inbound', 'ad-vendor': 'Paid Social', 'list-upload': 'Event', 'sales-created': 'Sales Generated', 'partner-portal': 'Partner Referral', 'trial-sign-up': 'Trial' };

/**
 * The pipeline: for each delivery, once per delivery id, read the lead, clean it, find or create the person, record
 * the campaign touch, decide mailability and qualification, route it, and sync Marketo and (for partner leads)
 * Impartner. A delivery handled before answers as it did then, writing nothing.
 */
export function makeHandle(steps: Steps = STEPS): (delivery: Delivery, env: PipelineEnv) => Promise<Answer> {
  const answered = new Map<string, Answer>();
  const rotation = new RoundRobin();
  return async (delivery, env) => {
    const key = `${env.world}:${delivery.id}`;
    if (answered.has(key)) return answered.get(key);
    const answer = await process(delivery, env, steps, rotation);
    answered.set(key, answer);
    return answer;
  };
}

async function process(delivery: Delivery, env: PipelineEnv, steps: Steps, rotation: RoundRobin): Promise<Answer> {
  let lead: Lead;
  try {
    lead = readLead(delivery.entryPoint, delivery.payload);
  } catch (error) {
    if (error instanceof UnknownEntryPoint) return { rejected: error.message };
    throw error;
  }
  const email = normalizeEmail(lead.email);
  if (!isValidEmail(email)) return { rejected: `invalid email ${JSON.stringify(lead.email)}` };
  const code = countryCode(lead.country);
  const conn = salesforce(env);
  const org = await loadOrg(conn);
  const campaign = findCampaign(org, lead.campaign);
  const salesCreated = delivery.entryPoint === 'sales-created';
  const found = salesCreated && lead.leadId ? await leadById(conn, lead.leadId) : await steps.findPerson(conn, email, lead.email.trim());
  const acquisition = lead.acquisitionSource ?? campaign?.['Default_Acquisition_Source__c'] ?? ACQUISITION_BY_ENTRY_POINT[delivery.entryPoint];
  const partnerAccountId = lead.partnerAccountId ?? campaign?.['Partner_Account__c'] ?? undefined;
  const touch = (existing: Record<string, unknown>, type: 'Lead' | 'Contact') => fillEmpty(existing, personFields(lead, email, code, type, acquisition, partnerAccountId));

  let person: Person;
  if (found) {
    const changes = touch(found.record, found.type);
    await update(conn, found.type, found.record.Id, changes);
    person = { ...found, record: { ...found.record, ...changes }, created: salesCreated };
  } else {
    const fields = { ...personFields(lead, email, code, 'Lead', acquisition, partnerAccountId), LeadSource: LEAD_SOURCE[delivery.entryPoint] };
    const id = await steps.createLead(conn, fields, delivery.id);
    person = { type: 'Lead', record: { Id: id, Status: 'Inquiry', ...fields }, created: true };
  }
  const r = person.record;

  const member = campaign ? await addToCampaign(conn, campaign.Id, person, lead.memberStatus, lead.offerType) : undefined;

  // Compliance decides on the standardized country: the person's, else this lead's.
  const personCode = (person.type === 'Lead' ? r['CountryCode'] : r['MailingCountryCode']) as string | undefined;
  const consent: Consent = r['HasOptedOutOfEmail'] === true ? 'opt-out' : r['Email_Opt_In__c'] === true ? 'opt-in' : lead.consent;
  const mailable = steps.mailability(personCode ?? code, lead.country, consent);

  const statusField = person.type === 'Lead' ? 'Status' : 'Status__c';
  const status = String(r[statusField] ?? 'Inquiry');
  const handRaise = HAND_RAISE.includes(lead.offerType ?? '') || delivery.entryPoint === 'partner-portal' || ENGAGED.includes(member?.Status ?? '');
  const mql = (handRaise && OPEN_STATUSES.includes(status)) || status === 'MQL';

  const domain = companyDomain(email);
  const account = person.type === 'Contact' ? org.accounts.find((a) => a.Id === r['AccountId']) : org.accounts.find((a) => a['Type'] !== 'Partner' && domain !== undefined && String(a['Website'] ?? '').toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/.*$/, '') === domain);
  const decision = route(
    { person, isNew: person.created, salesCreated, mql, region: regionOf(personCode ?? code), campaign, memberStatus: member?.Status ?? lead.memberStatus, acquisitionSource: (r['Lead_Acquisition_Source__c'] as string | undefined) ?? acquisition, partnerAccountId: (r['Impartner_Partner_Account__c'] as string | undefined) ?? partnerAccountId, account, org },
    (region) => pickSdr(org, rotation, env.world, region),
    steps.partnerOwner,
  );

  const changes: Record<string, unknown> = {};
  if (r['Mailability__c'] !== mailable) changes['Mailability__c'] = mailable;
  if (mql && status !== 'MQL') changes[statusField] = 'MQL';
  if (lead.offerType === 'Demo - 1:1' && r['High_Priority__c'] !== true) changes['High_Priority__c'] = true;
  if (decision.owner !== 'keep' && decision.owner !== r['OwnerId']) changes['OwnerId'] = decision.owner;
  for (const [field, value] of Object.entries(decision.fields)) if (r[field] !== value) changes[field] = value;
  await update(conn, person.type, r.Id, changes);

  await syncToMarketo(env, compact({ email, firstName: r['FirstName'], lastName: r['LastName'], company: r['Company'], title: r['Title'], phone: r['Phone'], country: personCode ?? code, [person.type === 'Lead' ? 'sfdcLeadId' : 'sfdcContactId']: r.Id }));
  const partner = (r['Impartner_Partner_Account__c'] as string | undefined) ?? partnerAccountId;
  if (decision.shareWithPartner && partner) await shareWithPartner(env, { id: r.Id, email, firstName: r['FirstName'], lastName: r['LastName'], company: r['Company'], country: personCode ?? code }, partner);
  return undefined;
}

/** The person fields a lead fills, without the empty ones. */
function personFields(lead: Lead, email: string, code: string | undefined, type: 'Lead' | 'Contact', acquisition: unknown, partnerAccountId: unknown): Record<string, unknown> {
  const country = code ? { [type === 'Lead' ? 'CountryCode' : 'MailingCountryCode']: code, [type === 'Lead' ? 'Country' : 'MailingCountry']: countryName(code) } : {};
  return compact({
    Email: email,
    FirstName: lead.firstName?.trim(),
    LastName: lead.lastName?.trim() || (type === 'Lead' ? '[not provided]' : undefined),
    ...(type === 'Lead' ? { Company: lead.company?.trim() || companyDomain(email) || '[not provided]' } : {}),
    Title: lead.title?.trim(),
    Phone: lead.phone?.trim(),
    ...country,
    Lead_Acquisition_Source__c: acquisition,
    Impartner_Partner_Account__c: partnerAccountId,
    Email_Opt_In__c: lead.consent === 'opt-in' ? true : undefined,
    HasOptedOutOfEmail: lead.consent === 'opt-out' ? true : undefined,
  });
}

/** The fields of `incoming` that fill an empty field of `existing`: an update never overwrites or blanks. */
function fillEmpty(existing: Record<string, unknown>, incoming: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(incoming).filter(([field, value]) => [undefined, null, '', false].includes(existing[field] as never) && existing[field] !== value));
}

/** The region's next SDR in turn: active and in office, read fresh. */
function pickSdr(org: Org, rotation: RoundRobin, world: number, region: string | undefined): string | undefined {
  if (region === undefined) return undefined;
  const eligible = org.users.filter((u) => u['Role__c'] === 'SDR' && u['Region__c'] === region && u['IsActive'] === true && u['Out_Of_Office__c'] !== true).map((u) => u.Id);
  return rotation.next(world, eligible);
}

function compact<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined && v !== null && v !== '')) as T;
}
