import { InputError, type InputIssue } from '../core/errors.ts';
import type { Crm, WriteContext } from '../systems/crm/crm.ts';
import type { CrmError } from '../systems/crm/crmError.ts';
import type { SObjectType } from '../systems/crm/schema.ts';
import { campaignRecordFields, type OrgSpec } from '../org/orgSpec.ts';

/** The CRM ids an org spec's keys were seeded as. */
export interface SeededOrg {
  readonly userIds: ReadonlyMap<string, string>;
  readonly queueIds: ReadonlyMap<string, string>;
  readonly accountIds: ReadonlyMap<string, string>;
  readonly campaignIds: ReadonlyMap<string, string>;
  readonly personIds: ReadonlyMap<string, { type: 'Lead' | 'Contact'; id: string }>;
}

/**
 * Where a CRM field written by the seed is said in the org spec, when the spec names it otherwise: a user's Username
 * is its Email, a contact's MailingCountryCode its CountryCode, a reference its key.
 */
const SPEC_NAME: Readonly<Record<string, string>> = {
  Username: 'Email',
  OwnerId: 'owner',
  BDR__c: 'bdr',
  AccountId: 'account',
  Partner_Account__c: 'partnerAccount',
  Impartner_Partner_Account__c: 'partnerAccount',
  MailingCountryCode: 'CountryCode',
  Status__c: 'Status',
  DeveloperName: 'Name',
};

/**
 * The JSON path in the org spec of what the CRM refused in a seeded record (`at`, e.g. `["people", 2]`): the field
 * it names, under `fields` when the spec gave it there, else the record.
 */
function specPath(at: readonly (string | number)[], spec: object, error: CrmError): (string | number)[] {
  const field = error.fields[0];
  if (field === undefined || at[0] === 'queues') return [...at];
  const extra = (spec as { fields?: Record<string, unknown> }).fields;
  if (extra !== undefined && field in extra) return [...at, 'fields', field];
  if (field in spec) return [...at, field];
  const named = SPEC_NAME[field];
  return named !== undefined && named in spec ? [...at, named] : [...at];
}

/** An org spec record the CRM (or the PRM) refused to seed, as an input issue at its path in the spec. */
export function seedIssue(path: readonly (string | number)[], what: string, errors: readonly { code: string; message: string }[]): InputIssue {
  return { path, message: `the ${what} refuses it: ${errors.map((e) => `${e.code} ${e.message}`).join('; ')}`, expected: `a record the ${what} accepts` };
}

/** Options of {@link seedCrm}. */
export interface SeedOptions {
  /**
   * Collects what the CRM refuses, as issues at their org spec paths, and seeds the rest (a dry run that finds every
   * problem at once; references to a refused record are left empty). Without it, the first refusal throws.
   */
  readonly issues?: InputIssue[];
}

/**
 * Seeds an org spec into the CRM through its own API (as the integration user, workflow "seed"), in dependency
 * order: users, queues, accounts, campaigns, people. A record the CRM refuses (a value over a field's length, an
 * invalid email, two people with one email, an unknown extra field) or a key the spec does not define throws an
 * {@link InputError} INVALID_ORG at its JSON path in the spec, unless `options.issues` collects them: a seed is
 * complete or nothing runs. `checkOrgSpec` runs this on a scratch CRM, so a loaded spec seeds without one.
 */
export function seedCrm(crm: Crm, org: OrgSpec, options: SeedOptions = {}): SeededOrg {
  const ctx: WriteContext = { userId: crm.integrationUserId, workflow: 'seed' };
  const refuse = (issue: InputIssue): undefined => {
    if (options.issues === undefined) throw new InputError('INVALID_ORG', { action: 'seed the org', issues: [issue], hint: 'Fix the org spec.' });
    options.issues.push(issue);
    return undefined;
  };
  const make = (type: SObjectType, at: readonly (string | number)[], spec: object, fields: Record<string, unknown>): string | undefined => {
    for (const k of Object.keys(fields)) if (fields[k] === undefined) delete fields[k];
    const result = crm.create(type, fields, ctx);
    if (result.ok) return result.value.id;
    for (const error of result.errors) {
      const got = gotOf(fields, error);
      const message = got.long === undefined ? error.message : error.message.split(got.long).join('…');
      refuse({ ...seedIssue(specPath(at, spec, error), `CRM (${type})`, [{ code: error.statusCode, message }]), ...(got.got === undefined ? {} : { got: got.got }) });
    }
    return undefined;
  };
  const seeded = new Set<string>();
  const ref = (map: Map<string, string>, kind: string, key: string | undefined, at: readonly (string | number)[]): string | undefined => {
    if (key === undefined) return undefined;
    const id = map.get(key);
    if (id !== undefined || seeded.has(`${kind}:${key}`)) return id;
    return refuse({ path: at, message: `unknown ${kind} key`, expected: `a ${kind} the org defines`, got: JSON.stringify(key) });
  };
  // Users the spec says are inactive are seeded active and deactivated last: records they own or are the BDR of
  // were assigned while they worked here (the CRM refuses an inactive owner), as in an org where a rep left.
  const userIds = new Map<string, string>();
  org.users.forEach((u, i) => {
    const { key, ...fields } = u;
    seeded.add(`user:${key}`);
    const id = make('User', ['users', i], u, { ...fields, IsActive: true, Username: u.Username ?? u.Email });
    if (id !== undefined) userIds.set(key, id);
  });
  const queueIds = new Map<string, string>();
  org.queues.forEach((name, i) => {
    const id = make('Group', ['queues', i], {}, { Name: name, DeveloperName: name.replace(/\W+/g, '_'), Type: 'Queue' });
    if (id !== undefined) queueIds.set(name, id);
  });
  const owners = new Map([...userIds, ...queueIds]);
  for (const q of org.queues) seeded.add(`user or queue:${q}`);
  for (const u of org.users) seeded.add(`user or queue:${u.key}`);
  const defaultLeadOwner = ref(owners, 'user or queue', org.defaultLeadOwner, ['defaultLeadOwner']);
  if (defaultLeadOwner !== undefined) crm.leadSettings.defaultLeadOwnerId = defaultLeadOwner;
  const accountIds = new Map<string, string>();
  org.accounts.forEach((a, i) => {
    const { key, bdr, owner, fields: extra, ...fields } = a;
    seeded.add(`account:${key}`);
    const id = make('Account', ['accounts', i], a, { ...fields, BDR__c: ref(userIds, 'user', bdr, ['accounts', i, 'bdr']), OwnerId: ref(userIds, 'user', owner, ['accounts', i, 'owner']), ...extra });
    if (id !== undefined) accountIds.set(key, id);
  });
  const campaignIds = new Map<string, string>();
  org.campaigns.forEach((c, i) => {
    const id = make('Campaign', ['campaigns', i], c, campaignRecordFields(c, ref(accountIds, 'account', c.partnerAccount, ['campaigns', i, 'partnerAccount'])));
    if (id !== undefined) campaignIds.set(c.key, id);
  });
  const personIds = new Map<string, { type: 'Lead' | 'Contact'; id: string }>();
  org.people.forEach((p, i) => {
    const { key, kind, owner, account, partnerAccount, CountryCode, Status, Company, fields: extra, ...fields } = p;
    const at = ['people', i] as const;
    const common = { ...fields, OwnerId: ref(owners, 'user or queue', owner, [...at, 'owner']), Impartner_Partner_Account__c: ref(accountIds, 'account', partnerAccount, [...at, 'partnerAccount']), ...extra };
    const id =
      kind === 'Lead'
        ? make('Lead', at, p, { ...common, Company: Company ?? '[not provided]', CountryCode, Status })
        : make('Contact', at, p, { ...common, MailingCountryCode: CountryCode, Status__c: Status, AccountId: ref(accountIds, 'account', account, [...at, 'account']) });
    if (id !== undefined) personIds.set(key, { type: kind, id });
  });
  org.users.forEach((u, i) => {
    const id = userIds.get(u.key);
    if (u.IsActive || id === undefined) return;
    const result = crm.update('User', id, { IsActive: false }, ctx);
    if (!result.ok) refuse(seedIssue(['users', i, 'IsActive'], 'CRM (User)', result.errors.map((e) => ({ code: e.statusCode, message: e.message }))));
  });
  return { userIds, queueIds, accountIds, campaignIds, personIds };
}

/** The value of the field a CRM error names, shortened, as an issue's `got` (and the long value, to cut from the message). */
function gotOf(fields: Readonly<Record<string, unknown>>, error: CrmError): { got?: string; long?: string } {
  const field = error.fields[0];
  if (field === undefined || !(field in fields)) return {};
  const value = fields[field];
  if (typeof value === 'string' && value.length > 60) return { got: `"${value.slice(0, 40)}…" (${value.length} characters)`, long: value };
  return { got: JSON.stringify(value) };
}
