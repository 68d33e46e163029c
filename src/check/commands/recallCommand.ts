import { recallPerson } from '../../simulation/actions/index.ts';
import { refused } from '../actors.ts';
import { afterStep } from '../afterStep.ts';
import { orgKey, personKey, stepTime } from '../scenarioSteps.ts';
import type { SequenceCommand, SequenceModel, SequenceReal } from '../sequenceModel.ts';

const RECALLABLE = new Set(['Pending', 'Accepted']);

/**
 * A channel manager recalls the `pick`-th person shared with a partner (a prospect Pending or Accepted, of a live
 * lead or contact): `recallPerson`, the action scenarios replay. Nothing to recall: no-op.
 */
export class RecallCommand implements SequenceCommand {
  constructor(readonly pick: number) {}

  check(): boolean {
    return true;
  }

  async run(model: SequenceModel, real: SequenceReal): Promise<void> {
    const h = real.harness;
    const at = stepTime(h);
    const crm = h.world.crm;
    const shared = h.world.impartner.records('Prospect').flatMap((p) => {
      const found = RECALLABLE.has(String(p['ShareStatus'])) && typeof p['CrmId'] === 'string' ? crm.byId(p['CrmId']) : undefined;
      return found && (found.type === 'Lead' || found.type === 'Contact') && found.record['IsConverted'] !== true ? [{ type: found.type, id: found.record.Id }] : [];
    });
    const person = shared[this.pick % shared.length];
    if (!person) return afterStep(model, real, `${this.toString()} → no shared prospect`);
    const result = await recallPerson(h, person);
    if (!result.ok && result.refused) throw refused(result);
    real.steps.push({ at, kind: 'recall', person: personKey(h, person.id), as: orgKey(h.world.ids.userIds, result.as) });
    afterStep(model, real, `${this.toString()} → ${result.ok ? result.detail : result.problem}`);
  }

  toString(): string {
    return `recall(#${this.pick})`;
  }
}
