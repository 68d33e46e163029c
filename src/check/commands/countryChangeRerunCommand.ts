import { changeCountry } from '../../simulation/actions/index.ts';
import { pickOpenLead, refused } from '../actors.ts';
import { afterStep } from '../afterStep.ts';
import { orgKey, personKey, stepTime } from '../scenarioSteps.ts';
import type { SequenceCommand, SequenceModel, SequenceReal } from '../sequenceModel.ts';

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
export class CountryChangeRerunCommand implements SequenceCommand {
  constructor(
    readonly pick: number,
    readonly countryCode: string,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: SequenceModel, real: SequenceReal): Promise<void> {
    const h = real.harness;
    const at = stepTime(h);
    const lead = pickOpenLead(h, this.pick);
    if (!lead) return afterStep(model, real, `${this.toString()} → no lead`);
    const country = RERUN_COUNTRIES[this.countryCode] ?? this.countryCode;
    const result = await changeCountry(h, { type: 'Lead', id: lead.Id }, country);
    if (!result.ok && result.refused) throw refused(result);
    real.steps.push({ at, kind: 'countryChange', person: personKey(h, lead.Id), country, rerun: true, as: orgKey(h.world.ids.userIds, result.as) });
    afterStep(model, real, `${this.toString()} → ${result.ok ? result.detail : `Lead ${lead.Id}: ${result.problem}`}`);
  }

  toString(): string {
    return `countryChange(#${this.pick}, ${this.countryCode}) + rerun`;
  }
}
