import type { EventTrace } from '../../pipeline/trace.ts';
import { pickOpenLead, restAsRep, refused } from '../actors.ts';
import { afterStep } from '../afterStep.ts';
import { orgKey, personKey } from '../scenarioSteps.ts';
import type { SequenceCommand, SequenceModel, SequenceReal } from '../sequenceModel.ts';

/** Countries a rep moves a lead to, with the name the CRM shows: every region, and GDPR/CASL countries. */
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
 * DOMAIN.md rule 7: a rep changes the country of the `pick`-th live lead and sets `Rerun_Routing__c` through the
 * CRM REST API; the pipeline re-runs routing with trigger `rerun` (round robin for the new region, only for MQLs,
 * never for high-priority leads, never where account ownership applies).
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
    const picked = pickOpenLead(h, this.pick);
    if (!picked) return afterStep(model, real, `${this.toString()} → no lead`);
    const { lead, rep } = picked;
    const fields = { Country: RERUN_COUNTRIES[this.countryCode] ?? this.countryCode, CountryCode: this.countryCode, Rerun_Routing__c: true };
    const result = await restAsRep(h.world, h.transport, rep, 'PATCH', `sobjects/Lead/${lead.Id}`, fields);
    if (!result.ok) throw refused(`move Lead ${lead.Id} to ${this.countryCode} as rep ${rep}`, result);
    real.steps.push({ kind: 'countryChange', person: personKey(h, lead.Id), country: this.countryCode, rerun: true, as: orgKey(h.world.ids.userIds, rep) });
    const ownerBefore = h.world.crm.get('Lead', lead.Id)?.['OwnerId'];
    const rerun = await h.rerun({ type: 'Lead', id: lead.Id });
    const ownerAfter = h.world.crm.get('Lead', lead.Id)?.['OwnerId'];
    const what = rerun.kind === 'skipped' ? `skipped: ${rerun.reason}` : rerun.kind === 'failed' ? `failed: ${rerun.reason}` : `owner ${String(ownerBefore)} → ${String(ownerAfter)}`;
    afterStep(model, real, `${this.toString()} → Lead ${lead.Id} by ${rep}, re-run ${what}`);
  }

  toString(): string {
    return `countryChange(#${this.pick}, ${this.countryCode}) + rerun`;
  }
}
