import type { InputIssue } from '../core/errors.ts';
import { SimClock } from '../core/clock.ts';
import { orgSchemaExtension, type OrgSpec } from '../org/orgSpec.ts';
import { Crm } from '../systems/crm/crm.ts';
import { Impartner } from '../systems/prm/impartner.ts';
import { seedImpartner } from './seedImpartner.ts';
import { seedCrm } from './seedOrg.ts';

/**
 * Everything the CRM and the PRM would refuse when `org` is seeded (a value over a field's length, an email the CRM
 * does not take, two people with one email, an extra field the CRM lacks, …), found by seeding it into scratch
 * systems, as issues at their JSON paths in the spec. Empty when the org seeds. Loaders run it before any run
 * starts, so a bad spec is bad input (exit 2), never a crash mid-run.
 */
export function orgSeedIssues(org: OrgSpec): InputIssue[] {
  const issues: InputIssue[] = [];
  const clock = new SimClock();
  const ids = seedCrm(new Crm({ clock, schemaExtension: orgSchemaExtension(org) }), org, { issues });
  seedImpartner(new Impartner({ clock }), org, ids, { issues });
  return issues;
}
