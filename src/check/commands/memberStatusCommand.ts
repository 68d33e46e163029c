import { setMemberStatus } from '../../simulation/actions/index.ts';
import { CAMPAIGN_MEMBER_STATUSES } from '../../systems/crm/schema.ts';
import type { LeadsimHarness } from '../../simulation/createHarness.ts';
import { refused } from '../actors.ts';
import { campaignKey, orgKey, personKey } from '../scenarioSteps.ts';
import { ActionCommand, type ActionOutcome } from './actionCommand.ts';

/** A campaign member status a marketer sets. */
export type MemberStatus = (typeof CAMPAIGN_MEMBER_STATUSES)[number];

/**
 * Marketing changes the status of the `pick`-th campaign member (e.g. Registered → Attended after the event)
 * through the CRM REST API (`setMemberStatus`, the action scenarios replay). No member yet: no-op.
 */
export class MemberStatusCommand extends ActionCommand {
  constructor(
    readonly pick: number,
    readonly status: MemberStatus,
  ) {
    super();
  }

  protected async act(h: LeadsimHarness): Promise<ActionOutcome> {
    const members = [...h.world.crm.records('CampaignMember')];
    const member = members[this.pick % members.length];
    if (!member) return { detail: 'no campaign member' };
    const person = typeof member['LeadId'] === 'string' ? { type: 'Lead' as const, id: member['LeadId'] } : { type: 'Contact' as const, id: String(member['ContactId']) };
    const campaignId = String(member['CampaignId']);
    const result = await setMemberStatus(h, person, campaignId, this.status);
    if (!result.ok) throw refused(result);
    return { detail: result.detail, step: { kind: 'memberStatus', person: personKey(h, person.id), campaign: campaignKey(h, campaignId), status: this.status, as: orgKey(h.world.ids.userIds, result.as) } };
  }

  toString(): string {
    return `memberStatus(#${this.pick}, ${this.status})`;
  }
}
