import { PARTNER_QUEUE_NAME } from '../../invariants/partnerQueue.ts';
import { IMPARTNER_KEY } from '../../world/credentials.ts';
import type { LeadsimHarness } from '../createHarness.ts';
import { actingRep, restAsRep } from '../repActions.ts';
import { readBody, resubmit } from '../resubmit.ts';
import { actionDone, actionProblem, actionRefused, type ActionResult, type PersonRef } from './actionResult.ts';
import type { RepActionOptions } from './editPerson.ts';

/** Share statuses a prospect can be recalled from (Impartner's recall transition). */
const RECALLABLE: ReadonlySet<unknown> = new Set(['Pending', 'Accepted']);

/**
 * A channel manager recalls a person from its partner (default actor: the org's first active AE, see `actingRep`):
 * each of its prospects still shared (Pending or Accepted) is recalled through the Impartner REST API
 * (`POST Prospect/{id}/recall`), then `Partner_Recalled__c` and `Partner_Recalled_Date__c` are set through the CRM
 * REST API. The partner no longer works a recalled lead, so a lead the Partner Queue holds is routed again with
 * trigger `recall` (the partner rules honour the recall: it goes to the SDR path). A contact keeps its user owner.
 */
export async function recallPerson(h: LeadsimHarness, person: PersonRef, options: RepActionOptions = {}): Promise<ActionResult> {
  const { world } = h;
  const as = options.as ?? actingRep(world, undefined);
  const record = world.crm.get(person.type, person.id);
  if (record === undefined || record['IsConverted'] === true) return actionProblem(as, `${person.type} ${person.id} is ${record ? 'converted' : 'not in the CRM'}`);
  const prospects = world.impartner.records('Prospect').filter((p) => p['CrmId'] === person.id && RECALLABLE.has(p['ShareStatus']));
  for (const prospect of prospects) {
    const problem = await prmRecall(h, prospect.Id);
    if (problem !== undefined) return actionRefused(as, `the PRM refused to recall prospect ${prospect.Id}: ${problem}`);
  }
  const flagged = await restAsRep(world, h.transport, as, 'PATCH', `sobjects/${person.type}/${person.id}`, { Partner_Recalled__c: true, Partner_Recalled_Date__c: world.clock.iso() });
  if (!flagged.ok) return actionRefused(as, `the CRM refused to mark ${person.type} ${person.id} recalled: ${flagged.message}`);
  const detail = `${person.type} ${person.id} by ${as}, prospects ${prospects.map((p) => p.Id).join(', ') || 'none'} recalled`;
  const ownerId = world.crm.get(person.type, person.id)?.['OwnerId'];
  const inPartnerQueue = [...world.crm.records('Group')].some((g) => g.Id === ownerId && g['Name'] === PARTNER_QUEUE_NAME);
  if (person.type !== 'Lead' || !inPartnerQueue) return actionDone(as, detail);
  const rerun = await h.rerun(person, { trigger: 'recall' });
  if (rerun.kind === 'skipped') return actionProblem(as, `routing after the recall was skipped: ${rerun.reason}`);
  if (rerun.kind === 'failed') return actionProblem(as, `routing after the recall failed: ${rerun.reason}`, [rerun.trace]);
  return actionDone(as, `${detail}; routed again: owner ${String(ownerId)} → ${String(world.crm.get(person.type, person.id)?.['OwnerId'])}`, { traces: [rerun.trace] });
}

/**
 * Recalls one prospect through the Impartner REST API, sent again on no answer like a person does; undefined when
 * the prospect ends recalled (a lost answer to an applied recall counts: the manager sees it recalled), else why not.
 */
async function prmRecall(h: LeadsimHarness, prospectId: number): Promise<string | undefined> {
  const response = await resubmit(h.world, () =>
    h.transport.send(
      new Request(`${h.transport.origins.impartner}/api/objects/v1/Prospect/${prospectId}/recall`, {
        method: 'POST',
        headers: { Authorization: `prm-key ${IMPARTNER_KEY.apiKey}`, 'X-PRM-TenantId': IMPARTNER_KEY.tenantId },
      }),
    ),
  );
  const now = h.world.impartner.records('Prospect').find((p) => p.Id === prospectId);
  if (now?.['ShareStatus'] === 'Recalled') return undefined;
  const body = (await readBody(response)) as { message?: string } | undefined;
  return `${response.status} ${body?.message ?? (response.type === 'error' ? 'no response' : '')}`.trim();
}
