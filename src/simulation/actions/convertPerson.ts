import { CONVERTED_STATUS } from '../../systems/crm/convertLead.ts';
import type { LeadsimHarness } from '../createHarness.ts';
import { actingRep } from '../repActions.ts';
import { resubmit } from '../resubmit.ts';
import { actionDone, actionProblem, actionRefused, type ActionResult, type PersonRef } from './actionResult.ts';
import type { RepActionOptions } from './editPerson.ts';

/**
 * A rep converts a lead into a contact and an account (no opportunity) with the Partner SOAP API's `convertLead`
 * (what jsforce's `conn.soap.convertLead` sends; https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_convertlead.htm).
 * The contact keeps the lead's owner when that is an active user; a queue or an inactive user cannot own a contact,
 * so then the converting rep owns it. `person` of the result is the new contact (the person's key follows it).
 * The outcome is read back from the CRM after the call, as a rep refreshes the page: a lost answer still counts.
 */
export async function convertPerson(h: LeadsimHarness, lead: PersonRef, options: RepActionOptions = {}): Promise<ActionResult> {
  const { world } = h;
  const record = world.crm.get('Lead', lead.id);
  const as = options.as ?? actingRep(world, record?.['OwnerId']);
  if (lead.type !== 'Lead') return actionProblem(as, `${lead.type} ${lead.id} is a contact already; only leads convert`);
  if (record === undefined || record['IsConverted'] === true) return actionProblem(as, `Lead ${lead.id} is ${record ? 'converted already' : 'not in the CRM'}`);
  const owner = typeof record['OwnerId'] === 'string' ? world.crm.get('User', record['OwnerId']) : undefined;
  const ownerId = owner?.['IsActive'] === true ? undefined : as;
  const token = world.crm.sessions.issueToken(as);
  const response = await resubmit(world, () =>
    h.transport.send(
      new Request(`${h.transport.origins.salesforce}/services/Soap/u/62.0`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/xml; charset=UTF-8', SOAPAction: '""' },
        body: convertLeadEnvelope(token, lead.id, ownerId),
      }),
    ),
  );
  const after = world.crm.get('Lead', lead.id);
  if (after?.['IsConverted'] === true) {
    const contactId = String(after['ConvertedContactId']);
    return actionDone(as, `Lead ${lead.id} by ${as}: Contact ${contactId}, Account ${String(after['ConvertedAccountId'])}`, { person: { type: 'Contact', id: contactId } });
  }
  const xml = response.type === 'error' ? '' : await response.text();
  const code = /<statusCode>([^<]*)<\/statusCode>/.exec(xml)?.[1] ?? /<faultcode>([^<]*)<\/faultcode>/.exec(xml)?.[1] ?? String(response.status);
  const message = /<message>([^<]*)<\/message>/.exec(xml)?.[1] ?? /<faultstring>([^<]*)<\/faultstring>/.exec(xml)?.[1] ?? 'no response';
  return actionRefused(as, `the CRM refused to convert Lead ${lead.id}: ${code} ${message}`);
}

/** A `convertLead` request for one lead, in the Partner API's SOAP envelope with the rep's session. */
function convertLeadEnvelope(sessionId: string, leadId: string, ownerId: string | undefined): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:partner.soap.sforce.com">' +
    `<soapenv:Header><SessionHeader><sessionId>${sessionId}</sessionId></SessionHeader></soapenv:Header>` +
    `<soapenv:Body><convertLead><leadConverts><convertedStatus>${CONVERTED_STATUS}</convertedStatus><doNotCreateOpportunity>true</doNotCreateOpportunity>` +
    `<leadId>${leadId}</leadId>${ownerId ? `<ownerId>${ownerId}</ownerId>` : ''}</leadConverts></convertLead></soapenv:Body></soapenv:Envelope>`
  );
}
