import { createCampaign } from '../../simulation/actions/index.ts';
import { refused } from '../actors.ts';
import { afterStep } from '../afterStep.ts';
import { midRunCampaigns } from '../midRunCampaigns.ts';
import { stepTime } from '../scenarioSteps.ts';
import type { SequenceCommand, SequenceModel, SequenceReal } from '../sequenceModel.ts';

/**
 * Sales Systems creates the `pick`-th mid-run campaign (`midRunCampaigns`: one of each partner kind and a plain one;
 * `createCampaign`, the action scenarios replay). Generated events already name it; from now on they must be routed
 * by it. A campaign that exists already: no-op.
 */
export class CreateCampaignCommand implements SequenceCommand {
  constructor(readonly pick: number) {}

  check(): boolean {
    return true;
  }

  async run(model: SequenceModel, real: SequenceReal): Promise<void> {
    const h = real.harness;
    const at = stepTime(h);
    const specs = midRunCampaigns(h.world.org);
    const spec = specs[this.pick % specs.length]!;
    if ([...h.world.crm.records('Campaign')].some((c) => c['Name'] === spec.Name)) return afterStep(model, real, `${this.toString()} → ${JSON.stringify(spec.Name)} exists`);
    const partnerId = spec.partnerAccount === undefined ? undefined : h.world.ids.accountIds.get(spec.partnerAccount);
    const result = await createCampaign(h, spec, partnerId);
    if (!result.ok) throw refused(result);
    real.steps.push({ at, kind: 'createCampaign', campaign: spec });
    afterStep(model, real, `${this.toString()} → ${result.detail}`);
  }

  toString(): string {
    return `createCampaign(#${this.pick})`;
  }
}
