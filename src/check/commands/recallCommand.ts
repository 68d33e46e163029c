import { recallPerson } from '../../simulation/actions/index.ts';
import type { LeadsimHarness } from '../../simulation/createHarness.ts';
import { refused } from '../actors.ts';
import { orgKey, personKey } from '../scenarioSteps.ts';
import { ActionCommand, type ActionOutcome } from './actionCommand.ts';

const RECALLABLE = new Set(['Pending', 'Accepted']);

/**
 * A channel manager recalls the `pick`-th person shared with a partner (a prospect Pending or Accepted, of a live
 * lead or contact): `recallPerson`, the action scenarios replay. Nothing to recall: no-op.
 */
export class RecallCommand extends ActionCommand {
  constructor(readonly pick: number) {
    super();
  }

  protected async act(h: LeadsimHarness): Promise<ActionOutcome> {
    const crm = h.world.crm;
    const shared = h.world.impartner.records('Prospect').flatMap((p) => {
      const found = RECALLABLE.has(String(p['ShareStatus'])) && typeof p['CrmId'] === 'string' ? crm.byId(p['CrmId']) : undefined;
      return found && (found.type === 'Lead' || found.type === 'Contact') && found.record['IsConverted'] !== true ? [{ type: found.type, id: found.record.Id }] : [];
    });
    const person = shared[this.pick % shared.length];
    if (!person) return { detail: 'no shared prospect' };
    const result = await recallPerson(h, person);
    if (!result.ok && result.refused) throw refused(result);
    return { detail: result.ok ? result.detail : result.problem, step: { kind: 'recall', person: personKey(h, person.id), as: orgKey(h.world.ids.userIds, result.as) } };
  }

  toString(): string {
    return `recall(#${this.pick})`;
  }
}
