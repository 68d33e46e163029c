import { actingRep, restAsRep, prmRecall, refused } from '../actors.ts';
import { afterStep } from '../afterStep.ts';
import { orgKey, personKey } from '../scenarioSteps.ts';
import type { SequenceCommand, SequenceModel, SequenceReal } from '../sequenceModel.ts';

const RECALLABLE = new Set(['Pending', 'Accepted']);

/**
 * A channel manager recalls the `pick`-th prospect shared with a partner (Pending or Accepted): recall in the PRM
 * through its REST API, and `Partner_Recalled__c` with its date on the CRM lead. Nothing to recall: no-op.
 */
export class RecallCommand implements SequenceCommand {
  constructor(readonly pick: number) {}

  check(): boolean {
    return true;
  }

  async run(model: SequenceModel, real: SequenceReal): Promise<void> {
    const h = real.harness;
    const crm = h.world.crm;
    const shared = h.world.impartner.records('Prospect').filter((p) => RECALLABLE.has(String(p['ShareStatus'])) && typeof p['CrmId'] === 'string' && crm.get('Lead', p['CrmId']) !== undefined);
    const prospect = shared[this.pick % shared.length];
    if (!prospect) return afterStep(model, real, `${this.toString()} → no shared prospect`);
    const leadId = String(prospect['CrmId']);
    const lead = crm.get('Lead', leadId);
    const manager = actingRep(h.world, undefined);
    if (!lead || lead['IsConverted'] === true || !manager) return afterStep(model, real, `${this.toString()} → lead ${leadId} converted`);
    const recalled = await prmRecall(h, prospect.Id);
    if (!recalled.ok) throw refused(`recall prospect ${prospect.Id}`, recalled);
    const result = await restAsRep(h.world, h.transport, manager, 'PATCH', `sobjects/Lead/${leadId}`, { Partner_Recalled__c: true, Partner_Recalled_Date__c: h.world.clock.iso() });
    if (!result.ok) throw refused(`mark Lead ${leadId} recalled`, result);
    real.steps.push({ kind: 'recall', person: personKey(h, leadId), as: orgKey(h.world.ids.userIds, manager) });
    afterStep(model, real, `${this.toString()} → prospect ${prospect.Id}, Lead ${leadId} by ${manager}`);
  }

  toString(): string {
    return `recall(#${this.pick})`;
  }
}
