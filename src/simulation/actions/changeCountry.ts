import { standardizeCountry } from '../../standardize/country.ts';
import type { LeadsimHarness } from '../createHarness.ts';
import { actionDone, actionProblem, type ActionResult, type PersonRef } from './actionResult.ts';
import { editPerson, type RepActionOptions } from './editPerson.ts';

/** Options of {@link changeCountry}. */
export interface ChangeCountryOptions extends RepActionOptions {
  /** Also set `Rerun_Routing__c` and have the pipeline re-run routing (rule 7). Default true. */
  readonly rerun?: boolean;
}

/**
 * The handbook's reassignment steps (DOMAIN.md rule 7): a rep sets the person's country as typed (`Country`, and
 * `CountryCode` when it names a country) and `Rerun_Routing__c` through the CRM REST API; the pipeline then re-runs
 * routing with trigger `rerun` (round robin for the new region, only for MQLs, never for high-priority leads, never
 * where account ownership applies). Source: 001_512da58ab79a42c0.txt, "How to reassign a lead step by step".
 */
export async function changeCountry(h: LeadsimHarness, person: PersonRef, country: string, options: ChangeCountryOptions = {}): Promise<ActionResult> {
  const rerun = options.rerun ?? true;
  const code = standardizeCountry(country);
  const [countryField, codeField] = person.type === 'Lead' ? ['Country', 'CountryCode'] : ['MailingCountry', 'MailingCountryCode'];
  const fields: Record<string, unknown> = { [countryField]: country, ...(code.ok ? { [codeField]: code.code } : {}), ...(rerun ? { Rerun_Routing__c: true } : {}) };
  const edit = await editPerson(h, person, fields, options);
  if (!edit.ok || !rerun) return edit;
  const ownerBefore = h.world.crm.get(person.type, person.id)?.['OwnerId'];
  const result = await h.rerun(person);
  if (result.kind === 'skipped') return actionProblem(edit.as, `re-run routing was skipped: ${result.reason}`);
  if (result.kind === 'failed') return actionProblem(edit.as, `re-run routing failed: ${result.reason}`, [result.trace]);
  const ownerAfter = h.world.crm.get(person.type, person.id)?.['OwnerId'];
  return actionDone(edit.as, `${edit.detail}; re-run owner ${String(ownerBefore)} → ${String(ownerAfter)}`, { traces: [result.trace] });
}
