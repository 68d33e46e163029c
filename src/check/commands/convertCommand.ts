import { convertPerson } from '../../simulation/actions/index.ts';
import type { LeadsimHarness } from '../../simulation/createHarness.ts';
import { pickOpenLead } from '../actors.ts';
import { orgKey, personKey } from '../scenarioSteps.ts';
import { ActionCommand, type ActionOutcome } from './actionCommand.ts';

/**
 * A rep converts the `pick`-th live lead into a contact and an account (`convertPerson`, the action scenarios
 * replay). A conversion the CRM refuses (e.g. a contact with that email exists) changes nothing.
 */
export class ConvertCommand extends ActionCommand {
  constructor(readonly pick: number) {
    super();
  }

  protected async act(h: LeadsimHarness): Promise<ActionOutcome> {
    const lead = pickOpenLead(h, this.pick);
    if (!lead) return { detail: 'no lead' };
    const result = await convertPerson(h, { type: 'Lead', id: lead.Id });
    if (!result.ok) return { detail: result.problem };
    return { detail: result.detail, step: { kind: 'convert', person: personKey(h, lead.Id), as: orgKey(h.world.ids.userIds, result.as) } };
  }

  toString(): string {
    return `convert(#${this.pick})`;
  }
}
