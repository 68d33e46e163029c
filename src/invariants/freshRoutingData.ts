import { FREE_MAIL_DOMAINS } from '../pipeline/jobs/matchAccount.ts';
import type { EventTrace, JobTrace } from '../pipeline/trace.ts';
import type { RunRecord } from '../simulation/runRecord.ts';
import type { Crm } from '../systems/crm/crm.ts';
import type { SObjectType } from '../systems/crm/schema.ts';
import type { SRecord } from '../systems/crm/recordSource.ts';
import { formatSfDateTime } from '../systems/crm/sfDateTime.ts';
import { domainOfWebsite } from '../standardize/websiteDomain.ts';
import { freshRoutingDataEvidence } from './evidence/freshRoutingDataEvidence.ts';
import { defineInvariant } from './invariant.ts';
import { stepEvidence, stepOf, traceSegments, routingTraces } from './traceSegments.ts';
import type { Violation } from './violation.ts';

/** The records a route step records reading, and the CRM object each one is. */
const READ_RECORDS: readonly (readonly ['campaign' | 'account' | 'partnerAccount', SObjectType])[] = [
  ['campaign', 'Campaign'],
  ['account', 'Account'],
  ['partnerAccount', 'Account'],
];

/**
 * Routing decides on what the CRM holds at that moment, whatever the pipeline caches. Evidence form
 * ({@link freshRoutingDataEvidence}: field history, deliveries): every owner the pipeline sets was an active user
 * then (an SDR it newly assigns, in office), and a delivery naming a campaign the CRM held leaves its person a member.
 * Trace form (the reference pipeline), for every routing (inbound events and re-runs), compared with the CRM's field
 * history at the simulated time the step ran,
 * - attribution found the campaign the touch names, when the CRM had one by that id or name;
 * - matchAccount found the account (the contact's own, or the one whose website has the email's domain) when the
 *   CRM had it;
 * - every field of the campaign, account and partner account the route step read equals the CRM's value then;
 * - rule 5 read the owner's `IsActive` as it was; the owner routing chose was an active user, and one that round
 *   robin chose was in office.
 * A stale org cache (a rep deactivated or out of office, a new campaign, an account's new BDR, a conversion's new
 * account, all unseen) breaks it.
 */
export const freshRoutingData = defineInvariant({
  id: 'fresh-routing-data',
  title: 'Routing decides on what the CRM holds',
  description: 'Every campaign, account, partner account and user routing decided on is what the CRM held at that moment (an active owner, a round-robin pick in office, no campaign or account the CRM had missed).',
  evidence: ['field history', 'deliveries', 'records'],
  checkEvidence: freshRoutingDataEvidence,
  checkTraces(run) {
    const crm = run.world.crm;
    const accounts = accountsByDomain(crm);
    const out: Violation[] = [];
    for (const trace of routingTraces(run)) {
      for (const segment of traceSegments(trace)) {
        const problems = [...attributionProblems(crm, segment), ...matchProblems(crm, accounts, segment), ...routeProblems(crm, segment)];
        out.push(...problems.map(({ step, message, personId }) => violation(trace, step, message, personId)));
      }
    }
    return out;
  },
});

interface Problem {
  readonly step: JobTrace;
  readonly message: string;
  readonly personId?: string;
}

function attributionProblems(crm: Crm, segment: readonly JobTrace[]): Problem[] {
  const step = stepOf(segment, 'attribution');
  const named = (step?.output as { unknownCampaign?: unknown } | null | undefined)?.unknownCampaign;
  if (!step || typeof named !== 'string' || named.trim() === '') return [];
  const wanted = named.trim().toLowerCase();
  const held = [...crm.records('Campaign')].find(
    (c) => existedAt(c, step.startedAt) && (c.Id === named || String(valueAt(crm, c.Id, 'Name', c['Name'], step.startedAt)).toLowerCase() === wanted),
  );
  if (!held) return [];
  return [{ step, message: `attribution found no campaign ${JSON.stringify(named)} at ${time(step.startedAt)}, but the CRM held Campaign ${held.Id} ${JSON.stringify(held['Name'])} since ${String(held['CreatedDate'])}; expected routing to decide on the campaigns the CRM holds.` }];
}

/** The CRM's accounts, by id and by every website domain they ever had (in record order), indexed on first use. */
interface AccountIndex {
  readonly byId: () => ReadonlyMap<string, SRecord>;
  readonly byDomain: () => ReadonlyMap<string, readonly SRecord[]>;
}

/**
 * matchAccount's accounts, indexed once per check: an account whose website had a domain at some moment is among
 * that domain's (its website now, or the old value of a change), so looking a domain up reads a few accounts, not all.
 */
function accountsByDomain(crm: Crm): AccountIndex {
  let index: { byId: Map<string, SRecord>; byDomain: Map<string, SRecord[]> } | undefined;
  const build = () => {
    const byId = new Map<string, SRecord>();
    const byDomain = new Map<string, SRecord[]>();
    const history = crm.fieldHistory;
    const field = history.column('field');
    const oldValue = history.column('oldValue');
    for (const account of crm.records('Account')) {
      byId.set(account.Id, account);
      const domains = new Set([domainOfWebsite(stringOr(account['Website']))]);
      for (let i = history.newest(account.Id); i >= 0; i = history.previous(i)) if (field(i) === 'Website') domains.add(domainOfWebsite(stringOr(oldValue(i))));
      for (const domain of domains) {
        if (domain === undefined) continue;
        const list = byDomain.get(domain);
        if (list) list.push(account);
        else byDomain.set(domain, [account]);
      }
    }
    return { byId, byDomain };
  };
  return { byId: () => (index ??= build()).byId, byDomain: () => (index ??= build()).byDomain };
}

function matchProblems(crm: Crm, accounts: AccountIndex, segment: readonly JobTrace[]): Problem[] {
  const step = stepOf(segment, 'matchAccount');
  const input = step?.input as { domain?: unknown; contactAccountId?: unknown } | null | undefined;
  const output = step?.output as { accountId?: unknown } | null | undefined;
  if (!step || !input || !output || output.accountId !== null) return [];
  const t = step.startedAt;
  const own = typeof input.contactAccountId === 'string' ? input.contactAccountId : undefined;
  const domain = typeof input.domain === 'string' ? input.domain.toLowerCase() : '';
  const ownAccount = own === undefined ? undefined : accounts.byId().get(own);
  const held =
    own !== undefined
      ? ownAccount && existedAt(ownAccount, t) ? ownAccount : undefined
      : FREE_MAIL_DOMAINS.has(domain) || domain === ''
        ? undefined
        : (accounts.byDomain().get(domain) ?? []).find((a) => existedAt(a, t) && domainOfWebsite(stringOr(valueAt(crm, a.Id, 'Website', a['Website'], t))) === domain);
  if (!held) return [];
  const why = own !== undefined ? `the contact's account ${own}` : `Account ${held.Id} with website ${JSON.stringify(held['Website'])} for domain ${domain}`;
  return [{ step, message: `matchAccount found no account at ${time(t)}, but the CRM held ${why} since ${String(held['CreatedDate'])}; expected routing to decide on the accounts the CRM holds.` }];
}

function routeProblems(crm: Crm, segment: readonly JobTrace[]): Problem[] {
  const step = stepOf(segment, 'route');
  const input = step?.input as ({ person?: Record<string, unknown>; ownerIsActive?: unknown } & Record<string, unknown>) | null | undefined;
  if (!step || !input) return [];
  const t = step.startedAt;
  const personId = typeof input.person?.['Id'] === 'string' ? input.person['Id'] : undefined;
  const problems: Problem[] = [];
  const add = (message: string) => problems.push({ step, message, ...(personId ? { personId } : {}) });
  for (const [name, type] of READ_RECORDS) {
    const read = input[name];
    if (typeof read !== 'object' || read === null || typeof (read as { Id?: unknown }).Id !== 'string') continue;
    const record = read as { Id: string } & Record<string, unknown>;
    const current = crm.get(type, record.Id);
    if (current === undefined) continue;
    for (const [field, value] of Object.entries(record)) {
      if (field === 'Id' || crm.schema[type][field] === undefined) continue;
      const then = valueAt(crm, record.Id, field, current[field], t);
      if (!same(value, then)) add(`route read ${type} ${record.Id} ${field} = ${JSON.stringify(value ?? null)} at ${time(t)}, but the CRM held ${JSON.stringify(then ?? null)}; expected routing to decide on the ${name} as the CRM holds it.`);
    }
  }
  const ownerId = input.person?.['OwnerId'];
  const owner = typeof ownerId === 'string' ? crm.get('User', ownerId) : undefined;
  if (owner && typeof input.ownerIsActive === 'boolean') {
    const active = valueAt(crm, String(ownerId), 'IsActive', owner['IsActive'], t) === true;
    if (active !== input.ownerIsActive) add(`route read the person's owner ${String(ownerId)} as ${input.ownerIsActive ? 'active' : 'inactive'} at ${time(t)}, but the CRM held IsActive = ${active}; expected rule 5 to decide on the owner as the CRM holds it.`);
  }
  const output = step.output as { owner?: { kind?: string; id?: string; name?: string }; path?: readonly { kind?: string; detail?: string }[] } | null | undefined;
  const id = output?.owner?.kind === 'user' ? output.owner.id : undefined;
  const chosen = id !== undefined ? crm.get('User', id) : undefined;
  if (id !== undefined && chosen) {
    if (valueAt(crm, id, 'IsActive', chosen['IsActive'], t) !== true) add(`route gave the person to user ${JSON.stringify(chosen['Name'])} (${id}), who was inactive at ${time(t)}; expected an active owner.`);
    const roundRobin = (output?.path ?? []).some((p) => p.kind === 'assign' && p.detail?.startsWith('round robin ') && p.detail.includes(`(${id})`));
    if (roundRobin && valueAt(crm, id, 'Out_Of_Office__c', chosen['Out_Of_Office__c'], t) === true) {
      add(`round robin gave the person to user ${JSON.stringify(chosen['Name'])} (${id}), who was out of office at ${time(t)}; expected round robin to skip reps out of office.`);
    }
  }
  return problems;
}

/** The value `field` of a record had at simulated time `t`: its current value with every later change undone. */
function valueAt(crm: Crm, id: string, field: string, current: unknown, t: number): unknown {
  const history = crm.fieldHistory;
  const at = history.column('at');
  return history.valueBefore(id, field, current, (i) => at(i) <= t);
}

/** Whether a record existed at simulated time `t` (created at or before it). */
function existedAt(record: Readonly<Record<string, unknown>>, t: number): boolean {
  const created = Date.parse(String(record['CreatedDate'] ?? ''));
  return Number.isNaN(created) || created <= t;
}

function same(a: unknown, b: unknown): boolean {
  const blank = (v: unknown) => v === undefined || v === null || v === '';
  return blank(a) ? blank(b) : a === b;
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function time(t: number): string {
  return formatSfDateTime(t);
}

function violation(trace: EventTrace, step: JobTrace, message: string, personId: string | undefined): Violation {
  return { invariant: 'fresh-routing-data', message, eventId: trace.eventId, ...(personId ? { personId } : {}), evidence: { step: stepEvidence(step), at: time(step.startedAt) } };
}
