import { livePeople } from '../../invariants/livePeople.ts';
import { editPerson } from '../../simulation/actions/index.ts';
import { refused } from '../actors.ts';
import { afterStep } from '../afterStep.ts';
import { orgKey, personKey, stepTime } from '../scenarioSteps.ts';
import type { SequenceCommand, SequenceModel, SequenceReal } from '../sequenceModel.ts';

/** The person fields a rep edits by hand in the model-based check. */
export const REP_EDIT_FIELDS = ['Title', 'Phone'] as const;

/**
 * A rep edits a title or phone of an existing person (the `pick`-th live lead or contact) through the CRM REST
 * API, as its owner (`editPerson`, the action scenarios replay). A rep's edit is none of the pipeline's business:
 * it must not break an invariant.
 */
export class RepEditCommand implements SequenceCommand {
  constructor(
    readonly pick: number,
    readonly field: (typeof REP_EDIT_FIELDS)[number],
    readonly value: string,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: SequenceModel, real: SequenceReal): Promise<void> {
    const h = real.harness;
    const at = stepTime(h);
    const people = livePeople(h.world.crm);
    const target = people[this.pick % people.length];
    if (!target) return afterStep(model, real, `${this.toString()} → no person`);
    const person = { type: target.type, id: target.record.Id };
    const result = await editPerson(h, person, { [this.field]: this.value });
    if (!result.ok) throw refused(result);
    real.steps.push({ at, kind: 'repEdit', person: personKey(h, person.id), fields: { [this.field]: this.value }, as: orgKey(h.world.ids.userIds, result.as) });
    afterStep(model, real, `${this.toString()} → ${result.detail}`);
  }

  toString(): string {
    return `repEdit(#${this.pick}, ${this.field}=${JSON.stringify(this.value)})`;
  }
}
