import { setAccountBdr } from '../../simulation/actions/index.ts';
import { refused } from '../actors.ts';
import { afterStep } from '../afterStep.ts';
import { orgKey, stepTime } from '../scenarioSteps.ts';
import type { SequenceCommand, SequenceModel, SequenceReal } from '../sequenceModel.ts';

/**
 * Sales Systems changes the BDR of the `account`-th customer or prospect account of the org to the `bdr`-th BDR of the org, or
 * clears it (`bdr` picks past the last BDR clear it): `setAccountBdr`, the action scenarios replay.
 */
export class AccountBdrCommand implements SequenceCommand {
  constructor(
    readonly account: number,
    readonly bdr: number,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: SequenceModel, real: SequenceReal): Promise<void> {
    const h = real.harness;
    const at = stepTime(h);
    const crm = h.world.crm;
    // The org's own accounts (a scenario names them by key), not the ones conversions create.
    const seeded = new Set(h.world.ids.accountIds.values());
    const accounts = [...crm.records('Account')].filter((a) => seeded.has(a.Id) && a['Type'] !== 'Partner');
    const account = accounts[this.account % accounts.length];
    if (!account) return afterStep(model, real, `${this.toString()} → no account`);
    const bdrs = [...crm.records('User')].filter((u) => u['Role__c'] === 'BDR');
    const bdr = bdrs[this.bdr % (bdrs.length + 1)];
    const result = await setAccountBdr(h, account.Id, bdr?.Id ?? null);
    if (!result.ok) throw refused(result);
    real.steps.push({ at, kind: 'accountBdr', account: orgKey(h.world.ids.accountIds, account.Id), bdr: bdr ? orgKey(h.world.ids.userIds, bdr.Id) : null });
    afterStep(model, real, `${this.toString()} → ${result.detail}`);
  }

  toString(): string {
    return `accountBdr(#${this.account}, #${this.bdr})`;
  }
}
