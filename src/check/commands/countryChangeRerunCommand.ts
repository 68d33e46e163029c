import { changeCountry } from '../../simulation/actions/index.ts';
import type { LeadsimHarness } from '../../simulation/createHarness.ts';
import { pickOpenLead, refused } from '../actors.ts';
import { orgKey, personKey } from '../scenarioSteps.ts';
import { ActionCommand, type ActionOutcome } from './actionCommand.ts';

/** Countries a rep moves a lead to, as the rep types them: every region, and GDPR/CASL countries. */
export const RERUN_COUNTRIES: Readonly<Record<string, string>> = {
  US: 'United States',
  CA: 'Canada',
  BR: 'Brazil',
  DE: 'Germany',
  GB: 'United Kingdom',
  FR: 'France',
  JP: 'Japan',
  AU: 'Australia',
  IN: 'India',
  SG: 'Singapore',
};

/**
 * DOMAIN.md rule 7: a rep changes the country of the `pick`-th live lead and sets `Rerun_Routing__c`; the pipeline
 * re-runs routing (`changeCountry`, the action scenarios replay).
 */
export class CountryChangeRerunCommand extends ActionCommand {
  constructor(
    readonly pick: number,
    readonly countryCode: string,
  ) {
    super();
  }

  protected async act(h: LeadsimHarness): Promise<ActionOutcome> {
    const lead = pickOpenLead(h, this.pick);
    if (!lead) return { detail: 'no lead' };
    const country = RERUN_COUNTRIES[this.countryCode] ?? this.countryCode;
    const result = await changeCountry(h, { type: 'Lead', id: lead.Id }, country);
    if (!result.ok && result.refused) throw refused(result);
    const step = { kind: 'countryChange', person: personKey(h, lead.Id), country, rerun: true, as: orgKey(h.world.ids.userIds, result.as) };
    return { detail: result.ok ? result.detail : `Lead ${lead.Id}: ${result.problem}`, step };
  }

  toString(): string {
    return `countryChange(#${this.pick}, ${this.countryCode}) + rerun`;
  }
}
