import { isSalesUser } from '../../systems/crm/schema.ts';
import { setUserStatus, type UserStatus } from '../../simulation/actions/index.ts';
import { refused } from '../actors.ts';
import { afterStep } from '../afterStep.ts';
import { orgKey, stepTime } from '../scenarioSteps.ts';
import type { SequenceCommand, SequenceModel, SequenceReal } from '../sequenceModel.ts';

/**
 * Sales Systems changes the availability of the `pick`-th sales user (SDR, BDR, AE) mid-run: deactivated, active
 * again, out of office, back in office (`setUserStatus`, the action scenarios replay). Routing must decide on it from
 * the next event on.
 */
export class UserStatusCommand implements SequenceCommand {
  constructor(
    readonly pick: number,
    readonly status: UserStatus,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: SequenceModel, real: SequenceReal): Promise<void> {
    const h = real.harness;
    const at = stepTime(h);
    const users = [...h.world.crm.records('User')].filter((u) => isSalesUser(u));
    const user = users[this.pick % users.length];
    if (!user) return afterStep(model, real, `${this.toString()} → no sales user`);
    const result = await setUserStatus(h, user.Id, this.status);
    if (!result.ok) throw refused(result);
    real.steps.push({ at, kind: 'userStatus', user: orgKey(h.world.ids.userIds, user.Id), status: this.status });
    afterStep(model, real, `${this.toString()} → ${result.detail} (${String(user['Role__c'])} ${String(user['Region__c'])})`);
  }

  toString(): string {
    return `userStatus(#${this.pick}, ${this.status})`;
  }
}
