import { setAccountBdr } from '../../simulation/actions/index.ts';
import type { LeadsimHarness } from '../../simulation/createHarness.ts';
import { refused } from '../actors.ts';
import { orgKey } from '../scenarioSteps.ts';
import { ActionCommand, type ActionOutcome } from './actionCommand.ts';

/**
 * Sales Systems changes the BDR of the `account`-th customer or prospect account of the org to the `bdr`-th BDR of the org, or
 * clears it (`bdr` picks past the last BDR clear it): `setAccountBdr`, the action scenarios replay.
 */
export class AccountBdrCommand extends ActionCommand {
  constructor(
    readonly account: number,
    readonly bdr: number,
  ) {
    super();
  }

  protected async act(h: LeadsimHarness): Promise<ActionOutcome> {
    const crm = h.world.crm;
    // The org's own accounts (a scenario names them by key), not the ones conversions create.
    const seeded = new Set(h.world.ids.accountIds.values());
    const accounts = [...crm.records('Account')].filter((a) => seeded.has(a.Id) && a['Type'] !== 'Partner');
    const account = accounts[this.account % accounts.length];
    if (!account) return { detail: 'no account' };
    const bdrs = [...crm.records('User')].filter((u) => u['Role__c'] === 'BDR');
    const bdr = bdrs[this.bdr % (bdrs.length + 1)];
    const result = await setAccountBdr(h, account.Id, bdr?.Id ?? null);
    if (!result.ok) throw refused(result);
    return { detail: result.detail, step: { kind: 'accountBdr', account: orgKey(h.world.ids.accountIds, account.Id), bdr: bdr ? orgKey(h.world.ids.userIds, bdr.Id) : null } };
  }

  toString(): string {
    return `accountBdr(#${this.account}, #${this.bdr})`;
  }
}
