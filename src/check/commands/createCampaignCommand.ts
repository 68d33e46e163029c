import { createCampaign } from '../../simulation/actions/index.ts';
import type { LeadsimHarness } from '../../simulation/createHarness.ts';
import { refused } from '../actors.ts';
import { midRunCampaigns } from '../midRunCampaigns.ts';
import { ActionCommand, type ActionOutcome } from './actionCommand.ts';

/**
 * Sales Systems creates the `pick`-th mid-run campaign (`midRunCampaigns`: one of each partner kind and a plain one;
 * `createCampaign`, the action scenarios replay). Generated events already name it; from now on they must be routed
 * by it. A campaign that exists already: no-op.
 */
export class CreateCampaignCommand extends ActionCommand {
  constructor(readonly pick: number) {
    super();
  }

  protected async act(h: LeadsimHarness): Promise<ActionOutcome> {
    const specs = midRunCampaigns(h.world.org);
    const spec = specs[this.pick % specs.length]!;
    if ([...h.world.crm.records('Campaign')].some((c) => c['Name'] === spec.Name)) return { detail: `${JSON.stringify(spec.Name)} exists` };
    const partnerId = spec.partnerAccount === undefined ? undefined : h.world.ids.accountIds.get(spec.partnerAccount);
    const result = await createCampaign(h, spec, partnerId);
    if (!result.ok) throw refused(result);
    return { detail: result.detail, step: { kind: 'createCampaign', campaign: spec } };
  }

  toString(): string {
    return `createCampaign(#${this.pick})`;
  }
}
