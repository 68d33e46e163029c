import { convertPerson } from '../../simulation/actions/index.ts';
import { pickOpenLead } from '../actors.ts';
import { afterStep } from '../afterStep.ts';
import { orgKey, personKey, stepTime } from '../scenarioSteps.ts';
import type { SequenceCommand, SequenceModel, SequenceReal } from '../sequenceModel.ts';

/**
 * A rep converts the `pick`-th live lead into a contact and an account (`convertPerson`, the action scenarios
 * replay). A conversion the CRM refuses (e.g. a contact with that email exists) changes nothing.
 */
export class ConvertCommand implements SequenceCommand {
  constructor(readonly pick: number) {}

  check(): boolean {
    return true;
  }

  async run(model: SequenceModel, real: SequenceReal): Promise<void> {
    const h = real.harness;
    const at = stepTime(h);
    const lead = pickOpenLead(h, this.pick);
    if (!lead) return afterStep(model, real, `${this.toString()} → no lead`);
    const result = await convertPerson(h, { type: 'Lead', id: lead.Id });
    if (result.ok) real.steps.push({ at, kind: 'convert', person: personKey(h, lead.Id), as: orgKey(h.world.ids.userIds, result.as) });
    afterStep(model, real, `${this.toString()} → ${result.ok ? result.detail : result.problem}`);
  }

  toString(): string {
    return `convert(#${this.pick})`;
  }
}
