import { SimClock } from '../core/clock.ts';
import { orgSchemaExtension, type OrgSpec } from '../org/orgSpec.ts';
import { Crm } from '../systems/crm/crm.ts';
import { seedCrm } from '../world/seedOrg.ts';
import { ruleDirectoryOf, type RuleDirectory } from './ruleTargets.ts';

/** The users and queues of an org spec as a seeded CRM holds them (ids, names, usernames, developer names). */
export function orgRuleDirectory(org: OrgSpec): RuleDirectory {
  const crm = new Crm({ clock: new SimClock(), schemaExtension: orgSchemaExtension(org) });
  seedCrm(crm, org);
  return ruleDirectoryOf((type) => crm.records(type));
}
