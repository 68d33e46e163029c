import type { InputIssue } from '../core/errors.ts';
import { orgSeedIssues } from '../world/orgSeedIssues.ts';
import type { OrgSpec } from './orgSpec.ts';
import { orgSpecIssues } from './orgSpecIssues.ts';

/**
 * Everything wrong with an org spec that its format cannot see, each at its JSON path: keys defined twice, references
 * to no record, two people with one email ({@link orgSpecIssues}), and whatever the CRM or the PRM would refuse when
 * it is seeded ({@link orgSeedIssues}; a record already named by the first kind is not reported twice).
 */
export function orgIssues(org: OrgSpec): InputIssue[] {
  const issues = orgSpecIssues(org);
  const record = (path: readonly (string | number)[]) => path.slice(0, 2).join('\u0000');
  const named = new Set(issues.map((i) => record(i.path)));
  return [...issues, ...orgSeedIssues(org).filter((i) => !named.has(record(i.path)))];
}
