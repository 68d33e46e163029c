import { livePeople } from '../../invariants/livePeople.ts';
import { editPerson } from '../../simulation/actions/index.ts';
import type { LeadsimHarness } from '../../simulation/createHarness.ts';
import { refused } from '../actors.ts';
import { orgKey, personKey } from '../scenarioSteps.ts';
import { ActionCommand, type ActionOutcome } from './actionCommand.ts';

/** The person fields a rep edits by hand in the model-based check. */
export const REP_EDIT_FIELDS = ['Title', 'Phone'] as const;

/**
 * A rep edits a title or phone of an existing person (the `pick`-th live lead or contact) through the CRM REST
 * API, as its owner (`editPerson`, the action scenarios replay). A rep's edit is none of the pipeline's business:
 * it must not break an invariant.
 */
export class RepEditCommand extends ActionCommand {
  constructor(
    readonly pick: number,
    readonly field: (typeof REP_EDIT_FIELDS)[number],
    readonly value: string,
  ) {
    super();
  }

  protected async act(h: LeadsimHarness): Promise<ActionOutcome> {
    const people = livePeople(h.world.crm);
    const target = people[this.pick % people.length];
    if (!target) return { detail: 'no person' };
    const person = { type: target.type, id: target.record.Id };
    const result = await editPerson(h, person, { [this.field]: this.value });
    if (!result.ok) throw refused(result);
    return { detail: result.detail, step: { kind: 'repEdit', person: personKey(h, person.id), fields: { [this.field]: this.value }, as: orgKey(h.world.ids.userIds, result.as) } };
  }

  toString(): string {
    return `repEdit(#${this.pick}, ${this.field}=${JSON.stringify(this.value)})`;
  }
}
