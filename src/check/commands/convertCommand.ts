import { CONVERTED_STATUS } from '../../systems/crm/convertLead.ts';
import { pickOpenLead } from '../actors.ts';
import { afterStep } from '../afterStep.ts';
import { orgKey, personKey } from '../scenarioSteps.ts';
import type { SequenceCommand, SequenceModel, SequenceReal } from '../sequenceModel.ts';

/**
 * A rep converts the `pick`-th live lead into a contact and an account (`crm.convertLead`, owned by the lead's
 * user owner, or an AE when a queue owns it). A conversion the CRM refuses (e.g. a contact with that email exists)
 * changes nothing.
 */
export class ConvertCommand implements SequenceCommand {
  constructor(readonly pick: number) {}

  check(): boolean {
    return true;
  }

  async run(model: SequenceModel, real: SequenceReal): Promise<void> {
    const h = real.harness;
    const picked = pickOpenLead(h, this.pick);
    if (!picked) return afterStep(model, real, `${this.toString()} → no lead`);
    const { lead, rep } = picked;
    const result = h.world.crm.convertLead({ leadId: lead.Id, convertedStatus: CONVERTED_STATUS, ownerId: rep, doNotCreateOpportunity: true }, { userId: rep });
    h.pipeline.ctx.directory.invalidate();
    if (result.success) real.steps.push({ kind: 'convert', person: personKey(h, lead.Id), as: orgKey(h.world.ids.userIds, rep) });
    const what = result.success ? `Contact ${result.contactId}, Account ${result.accountId}` : `refused: ${result.errors.map((e) => e.statusCode ?? e.message).join(', ')}`;
    afterStep(model, real, `${this.toString()} → Lead ${lead.Id} by ${rep}: ${what}`);
  }

  toString(): string {
    return `convert(#${this.pick})`;
  }
}
