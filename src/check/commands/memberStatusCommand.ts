import { CAMPAIGN_MEMBER_STATUSES } from '../../systems/crm/schema.ts';
import { actingRep, restAsRep, refused } from '../actors.ts';
import { afterStep } from '../afterStep.ts';
import { orgKey, personKey } from '../scenarioSteps.ts';
import type { SequenceCommand, SequenceModel, SequenceReal } from '../sequenceModel.ts';

/** A campaign member status a marketer sets. */
export type MemberStatus = (typeof CAMPAIGN_MEMBER_STATUSES)[number];

/**
 * Marketing changes the status of the `pick`-th campaign member (e.g. Registered → Attended after the event)
 * through the CRM REST API. No member yet: no-op.
 */
export class MemberStatusCommand implements SequenceCommand {
  constructor(
    readonly pick: number,
    readonly status: MemberStatus,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: SequenceModel, real: SequenceReal): Promise<void> {
    const h = real.harness;
    const members = [...h.world.crm.records('CampaignMember')];
    const member = members[this.pick % members.length];
    const marketer = actingRep(h.world, undefined);
    if (!member || !marketer) return afterStep(model, real, `${this.toString()} → no campaign member`);
    const result = await restAsRep(h.world, h.transport, marketer, 'PATCH', `sobjects/CampaignMember/${member.Id}`, { Status: this.status });
    if (!result.ok) throw refused(`set CampaignMember ${member.Id} Status to ${this.status}`, result);
    const personId = String(member['LeadId'] ?? member['ContactId']);
    real.steps.push({ kind: 'memberStatus', person: personKey(h, personId), campaign: orgKey(h.world.ids.campaignIds, String(member['CampaignId'])), status: this.status, as: orgKey(h.world.ids.userIds, marketer) });
    afterStep(model, real, `${this.toString()} → CampaignMember ${member.Id} (${String(member['LeadId'] ?? member['ContactId'])})`);
  }

  toString(): string {
    return `memberStatus(#${this.pick}, ${this.status})`;
  }
}
