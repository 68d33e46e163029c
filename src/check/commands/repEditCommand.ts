import { livePeople } from '../../invariants/livePeople.ts';
import { actingRep, restAsRep, refused } from '../actors.ts';
import { afterStep } from '../afterStep.ts';
import { orgKey, personKey } from '../scenarioSteps.ts';
import type { SequenceCommand, SequenceModel, SequenceReal } from '../sequenceModel.ts';

/** The person fields a rep edits by hand in the model-based check. */
export const REP_EDIT_FIELDS = ['Title', 'Phone'] as const;

/**
 * A rep edits a title or phone of an existing person (the `pick`-th live lead or contact) through the CRM REST
 * API, as its owner. A rep's edit is none of the pipeline's business: it must not break an invariant.
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
    const people = livePeople(h.world.crm);
    const target = people[this.pick % people.length];
    const rep = target ? actingRep(h.world, target.record['OwnerId']) : undefined;
    if (!target || !rep) return afterStep(model, real, `${this.toString()} → no person or rep`);
    const result = await restAsRep(h.world, h.transport, rep, 'PATCH', `sobjects/${target.type}/${target.record.Id}`, { [this.field]: this.value });
    if (!result.ok) throw refused(`set ${target.type} ${target.record.Id} ${this.field} as rep ${rep}`, result);
    real.steps.push({ kind: 'repEdit', person: personKey(h, target.record.Id), fields: { [this.field]: this.value }, as: orgKey(h.world.ids.userIds, rep) });
    afterStep(model, real, `${this.toString()} → ${target.type} ${target.record.Id} by ${rep}`);
  }

  toString(): string {
    return `repEdit(#${this.pick}, ${this.field}=${JSON.stringify(this.value)})`;
  }
}
