import type { InputIssue } from '../core/errors.ts';
import type { OrgSpec } from './orgSpec.ts';

/**
 * What a schema cannot see in an org spec: keys defined twice, and references between records (an account's `bdr`
 * and `owner`, a campaign's or a person's `partnerAccount`, a person's `owner` and `account`, a portal user's
 * partner account, the `defaultLeadOwner`) that name no record of the org, or a record of the wrong kind, and two
 * people with one email (compared as the CRM's duplicate rules do, trimmed and ignoring case). Each issue has its JSON path
 * inside the spec (prefix them for an org embedded in a scenario). Seeding an org with none of these issues does
 * not fail on a reference.
 */
export function orgSpecIssues(org: OrgSpec): InputIssue[] {
  const issues: InputIssue[] = [];
  const users = keysOf('users', org.users, issues);
  const accounts = keysOf('accounts', org.accounts, issues);
  keysOf('campaigns', org.campaigns, issues);
  keysOf('people', org.people, issues);
  keysOf('partnerUsers', org.partnerUsers, issues);
  const queues = new Set(org.queues);
  const partners = new Set(org.accounts.filter((a) => a.Type === 'Partner').map((a) => a.key));
  const check = (path: (string | number)[], key: string | undefined, known: ReadonlySet<string>, what: string) => {
    if (key === undefined || known.has(key)) return;
    const some = [...known].slice(0, 6).map((k) => JSON.stringify(k));
    issues.push({ path, message: `unknown ${what} key`, expected: some.length ? `a ${what} key of the org (${some.join(', ')}${known.size > 6 ? ', …' : ''})` : `a ${what} defined in the org`, got: JSON.stringify(key) });
  };
  org.accounts.forEach((a, i) => {
    check(['accounts', i, 'bdr'], a.bdr, users, 'user');
    check(['accounts', i, 'owner'], a.owner, users, 'user');
  });
  org.campaigns.forEach((c, i) => check(['campaigns', i, 'partnerAccount'], c.partnerAccount, partners, 'partner account'));
  const owners = new Set([...users, ...queues]);
  org.people.forEach((p, i) => {
    check(['people', i, 'owner'], p.owner, owners, 'user or queue');
    check(['people', i, 'account'], p.account, accounts, 'account');
    check(['people', i, 'partnerAccount'], p.partnerAccount, partners, 'partner account');
  });
  org.partnerUsers.forEach((u, i) => check(['partnerUsers', i, 'partnerAccount'], u.partnerAccount, partners, 'partner account'));
  check(['defaultLeadOwner'], org.defaultLeadOwner, owners, 'user or queue');
  const emails = new Map<string, number>();
  org.people.forEach((p, i) => {
    const email = p.Email.trim().toLowerCase();
    const first = emails.get(email);
    if (first === undefined) emails.set(email, i);
    else issues.push({ path: ['people', i, 'Email'], message: `the same email as person "${org.people[first]!.key}" (people[${first}]): the CRM holds one person per email`, expected: 'an email no other person of the org has (compared trimmed, ignoring case)', got: JSON.stringify(p.Email) });
  });
  return issues;
}

function keysOf(list: string, records: readonly { key: string }[], issues: InputIssue[]): Set<string> {
  const keys = new Set<string>();
  records.forEach((r, i) => {
    if (keys.has(r.key)) issues.push({ path: [list, i, 'key'], message: `duplicate key in ${list}`, expected: 'a key no other record of the list has', got: JSON.stringify(r.key) });
    keys.add(r.key);
  });
  return keys;
}
