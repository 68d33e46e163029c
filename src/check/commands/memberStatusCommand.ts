import { setMemberStatus } from '../../simulation/actions/index.ts';
import { CAMPAIGN_MEMBER_STATUSES } from '../../systems/crm/schema.ts';
import { refused } from '../actors.ts';
import { afterStep } from '../afterStep.ts';
import { campaignKey, orgKey, personKey, stepTime } from '../scenarioSteps.ts';
import type { SequenceCommand, SequenceModel, SequenceReal } from '../sequenceModel.ts';

/** A campaign member status a marketer sets. */
export type MemberStatus = (typeof CAMPAIGN_MEMBER_STATUSES)[number];

/**
 * Marketing changes the status of the `pick`-th campaign member (e.g. Registered → Attended after the event)
 * through the CRM REST API (`setMemberStatus`, the action scenarios replay). No member yet: no-op.
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
    const at = stepTime(h);
    const members = [...h.world.crm.records('CampaignMember')];
    const member = members[this.pick % members.length];
    if (!member) return afterStep(model, real, `${this.toString()} → no campaign member`);
    const person = typeof member['LeadId'] === 'string' ? { type: 'Lead' as const, id: member['LeadId'] } : { type: 'Contact' as const, id: String(member['ContactId']) };
    const campaignId = String(member['CampaignId']);
    const result = await setMemberStatus(h, person, campaignId, this.status);
    if (!result.ok) throw refused(result);
    real.steps.push({ at, kind: 'memberStatus', person: personKey(h, person.id), campaign: campaignKey(h, campaignId), status: this.status, as: orgKey(h.world.ids.userIds, result.as) });
    afterStep(model, real, `${this.toString()} → ${result.detail}`);
  }

  toString(): string {
    return `memberStatus(#${this.pick}, ${this.status})`;
  }
}
