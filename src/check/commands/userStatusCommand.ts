import { isSalesUser } from '../../systems/crm/schema.ts';
import { setUserStatus, type UserStatus } from '../../simulation/actions/index.ts';
import type { LeadsimHarness } from '../../simulation/createHarness.ts';
import { refused } from '../actors.ts';
import { orgKey } from '../scenarioSteps.ts';
import { ActionCommand, type ActionOutcome } from './actionCommand.ts';

/**
 * Sales Systems changes the availability of the `pick`-th sales user (SDR, BDR, AE) mid-run: deactivated, active
 * again, out of office, back in office (`setUserStatus`, the action scenarios replay). Routing must decide on it from
 * the next event on.
 */
export class UserStatusCommand extends ActionCommand {
  constructor(
    readonly pick: number,
    readonly status: UserStatus,
  ) {
    super();
  }

  protected async act(h: LeadsimHarness): Promise<ActionOutcome> {
    const users = [...h.world.crm.records('User')].filter((u) => isSalesUser(u));
    const user = users[this.pick % users.length];
    if (!user) return { detail: 'no sales user' };
    const result = await setUserStatus(h, user.Id, this.status);
    if (!result.ok) throw refused(result);
    return { detail: `${result.detail} (${String(user['Role__c'])} ${String(user['Region__c'])})`, step: { kind: 'userStatus', user: orgKey(h.world.ids.userIds, user.Id), status: this.status } };
  }

  toString(): string {
    return `userStatus(#${this.pick}, ${this.status})`;
  }
}
