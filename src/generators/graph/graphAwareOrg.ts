import { CAMPAIGN_MEMBER_STATUSES, isSalesUser, LEAD_ACQUISITION_SOURCES, LEAD_STATUSES, type Region } from '../../systems/crm/schema.ts';
import type { Graph } from '../../routing/graphSchema.ts';
import type { RoutingContext, RoutingUser } from '../../routing/routingContext.ts';
import type { AccountSpec, CampaignSpec, OrgSpec, PartnerUserSpec, PersonSpec, UserSpec } from '../../org/orgSpec.ts';
import { graphLiterals } from './graphLiterals.ts';
import { routingWitnesses } from './routingWitnesses.ts';

/**
 * How generated traffic reaches one routing witness in a real run: an inbound event of an entry point that can carry
 * what the witness needs (a campaign with a member status, a partner, an acquisition source, an account's domain,
 * a country), from a new person or from a person the org already has; a rep's lead; or a country change with a
 * routing re-run on a lead the org has. Org records are named by key (ids are known once the org is seeded).
 */
export interface WitnessPlan {
  readonly kind: 'inbound' | 'sales-created' | 'rerun';
  /** The coverage keys the witness reached first (what this plan is for). */
  readonly reaches: readonly string[];
  readonly entryPoint?: 'list-upload' | 'partner-portal' | 'chat' | 'ad-vendor';
  /** The email of the org person the event engages (or the lead a re-run moves). */
  readonly email?: string;
  /** A new person's email domain (an account's, to match it). */
  readonly domain?: string;
  /** ISO country of a new person or of a re-run's move; null for a country nobody recognizes. */
  readonly country?: string | null;
  readonly campaign?: string;
  readonly memberStatus?: string;
  /** Org key of the partner account the event names. */
  readonly partnerAccount?: string;
  readonly acquisitionSource?: string;
  /** For a re-run: the lead's position among the org's leads. */
  readonly leadIndex?: number;
}

/** An org with the records that make a graph's literals reachable, and how traffic reaches each witness. */
export interface GraphAwareOrg {
  readonly org: OrgSpec;
  readonly plans: readonly WitnessPlan[];
}

const COUNTRY_OF_REGION: Readonly<Record<Region, string>> = { AMER: 'US', EMEA: 'DE', APJ: 'JP' };
const ENGAGED_STATUSES = ['Visited Booth', 'Follow Up Requested'];
/** Person fields the plan sets by other means than the `fields` bag. */
const PLANNED_PERSON_FIELDS = new Set(['Id', 'LastName', 'Company', 'Email', 'OwnerId', 'region', 'ownerIsUser', 'isSalesCreated', 'Impartner_Partner_Account__c', 'Status', 'High_Priority__c', 'Actively_Being_Sequenced__c']);

/**
 * Adds to `org` what reaching every witness of each graph (see {@link routingWitnesses}) takes: partner accounts of the
 * types the graph tests, campaigns with the names, funding and involvement it tests, accounts with and without a
 * BDR or an owner, active or not, and people who already exist with the fields it tests (a recall flag without its
 * date, a status, a sequence flag, an owner who is a rep, a queue or someone inactive). Give the graph under test
 * and the graph it changes, so that what a candidate dropped is still generated. Deterministic: the same graphs and
 * org give the same result.
 */
export function graphAwareOrg(org: OrgSpec, graphs: readonly Graph[]): GraphAwareOrg {
  const out = { users: [...org.users], partnerUsers: [...org.partnerUsers], accounts: [...org.accounts], campaigns: [...org.campaigns], people: [...org.people] };
  const keys = orgUsers(out.users);
  const plans: WitnessPlan[] = [];
  const seen = new Set<string>();
  let n = 0;
  const read = readFields(graphs);
  for (const graph of graphs) {
    const key = JSON.stringify(graph);
    if (seen.has(key)) continue;
    seen.add(key);
    for (const witness of routingWitnesses(graph)) {
      const plan = planWitness(witness.context, witness.reaches, ++n, out, keys, read);
      if (plan) plans.push(plan);
    }
  }
  return { org: { ...org, ...out }, plans };
}

/**
 * How to reach one routing context (a witness, or a context a mutant decides differently): `org` with the records
 * it needs added (numbered `n`), and the plan of the event or re-run that reaches it. Only fields the graphs read are
 * carried over from the context's records.
 */
export function realizeContext(org: OrgSpec, context: RoutingContext, graphs: readonly Graph[], n = 1): { org: OrgSpec; plan: WitnessPlan } {
  const out = { users: [...org.users], partnerUsers: [...org.partnerUsers], accounts: [...org.accounts], campaigns: [...org.campaigns], people: [...org.people] };
  const plan = planWitness(context, [], n, out, orgUsers(out.users), readFields(graphs)) as WitnessPlan;
  return { org: { ...org, ...out }, plan };
}

/** The field references the graphs' tests read (`person.Status`, `campaign.Name`…). */
function readFields(graphs: readonly Graph[]): ReadonlySet<string> {
  return new Set(graphLiterals(graphs).keys());
}

interface OrgParts {
  users: UserSpec[];
  partnerUsers: PartnerUserSpec[];
  accounts: AccountSpec[];
  campaigns: CampaignSpec[];
  people: PersonSpec[];
}

/** Users the plans give ownership to, taken from the org when it has them, added otherwise. */
function orgUsers(users: UserSpec[]) {
  const find = (role: UserSpec['Role__c'], active: boolean, region?: Region) => users.find((u) => u.Role__c === role && u.IsActive === active && !u.Out_Of_Office__c && (region === undefined || u.Region__c === region))?.key;
  const add = (key: string, role: UserSpec['Role__c'], region: Region, active: boolean) => {
    users.push({ key, FirstName: 'Graph', LastName: `${role} ${active ? 'active' : 'inactive'}`, Email: `${key}@leadsim-corp.test`, IsActive: active, Region__c: region, Role__c: role, Out_Of_Office__c: false });
    return key;
  };
  return {
    sdr: (region: Region) => find('SDR', true, region) ?? add(`graph-sdr-${region.toLowerCase()}`, 'SDR', region, true),
    inactiveSdr: () => find('SDR', false) ?? add('graph-inactive-sdr', 'SDR', 'AMER', false),
    bdr: () => find('BDR', true) ?? add('graph-bdr', 'BDR', 'APJ', true),
    inactiveBdr: () => find('BDR', false) ?? add('graph-inactive-bdr', 'BDR', 'APJ', false),
    ae: () => find('AE', true) ?? add('graph-ae', 'AE', 'AMER', true),
    inactiveAe: () => find('AE', false) ?? add('graph-inactive-ae', 'AE', 'AMER', false),
  };
}

type OwnerKind = 'none' | 'integration' | 'queue' | 'active' | 'inactive';

function ownerKind(id: unknown, context: RoutingContext): OwnerKind {
  if (typeof id !== 'string' || id === '') return 'none';
  if (context.queues.some((q) => q.Id === id)) return 'queue';
  const user: RoutingUser | undefined = context.users.find((u) => u.Id === id);
  if (user === undefined || !isSalesUser(user)) return 'integration';
  return user.IsActive ? 'active' : 'inactive';
}

function planWitness(c: RoutingContext, reaches: readonly string[], n: number, org: OrgParts, users: ReturnType<typeof orgUsers>, read: ReadonlySet<string>): WitnessPlan | undefined {
  const p = c.person;
  const only = (object: string, record: Readonly<Record<string, unknown>>) => Object.fromEntries(Object.entries(record).filter(([k]) => read.has(`${object}.${k}`)));
  const region = (p.region ?? null) as Region | null;
  const country = region === null ? null : COUNTRY_OF_REGION[region];
  if (p.isSalesCreated === true) return { kind: 'sales-created', reaches };

  const partnerKey = c.partnerAccount ? addPartner(only('partnerAccount', c.partnerAccount), n, org) : undefined;
  const campaignName = c.campaign ? addCampaign({ Name: c.campaign['Name'], ...only('campaign', c.campaign) }, n, partnerKey, org) : undefined;
  const domain = c.account ? addAccount({ BDR__c: c.account['BDR__c'], OwnerId: c.account['OwnerId'], ...only('account', c.account) }, c.users, n, region, org, users) : undefined;
  const memberStatus = c.campaignMember ? validOr(c.campaignMember['Status'], CAMPAIGN_MEMBER_STATUSES, 'Registered') : undefined;
  const status = validOr(p['Status'], LEAD_STATUSES, 'Inquiry');
  const acquisition = typeof p['Lead_Acquisition_Source__c'] === 'string' ? p['Lead_Acquisition_Source__c'] : undefined;
  const extra = Object.fromEntries(Object.entries(only('person', p)).filter(([k, v]) => !PLANNED_PERSON_FIELDS.has(k) && k !== 'Lead_Acquisition_Source__c' && v !== null && v !== undefined && v !== false));
  const mql = status === 'MQL';
  // Hand raises make MQLs: a chat does, an ad's content download does not; a partner's registration always does.
  const entryPoint = campaignName ? 'list-upload' : mql ? 'chat' : 'ad-vendor';
  // What a new person's first event can make: a status qualify reaches, an acquisition source the entry point can carry.
  const newWorks =
    c.trigger === 'new' &&
    Object.keys(extra).length === 0 &&
    p['High_Priority__c'] !== true &&
    p['Actively_Being_Sequenced__c'] !== true &&
    (status === 'Inquiry' || mql) &&
    (campaignName ? mql === ENGAGED_STATUSES.includes(memberStatus ?? '') && (acquisition === undefined || (LEAD_ACQUISITION_SOURCES as readonly string[]).includes(acquisition)) : partnerKey ? mql && acquisition === undefined : acquisition === undefined);
  const event = { entryPoint, ...(campaignName ? { campaign: campaignName } : {}), ...(memberStatus ? { memberStatus } : {}) } as const;
  if (newWorks) {
    return {
      kind: 'inbound',
      reaches,
      ...event,
      ...(!campaignName && partnerKey ? { entryPoint: 'partner-portal' } : {}),
      country,
      ...(domain ? { domain } : {}),
      ...(partnerKey ? { partnerAccount: partnerKey } : {}),
      // A list upload with a partner says "Partner Sponsored Event" unless told otherwise.
      ...(campaignName ? { acquisitionSource: acquisition ?? (partnerKey ? 'Event' : undefined) } : {}),
    } as WitnessPlan;
  }
  // Otherwise the person exists before the run, with the fields the witness needs, and the event engages it.
  const key = `graph-person-${n}`;
  const email = `graph.person.${n}@${domain ?? 'graph-witness.example'}`;
  const owner = ownerKind(p['OwnerId'], c);
  const leadIndex = org.people.filter((q) => q.kind === 'Lead').length;
  const startRegion: Region | null = c.trigger === 'rerun' ? (region === 'AMER' ? 'EMEA' : 'AMER') : region;
  org.people.push({
    key,
    kind: 'Lead',
    Email: email,
    FirstName: 'Graph',
    LastName: `Witness ${n}`,
    Company: 'Graph Witness Co',
    // A re-run follows a move: the person starts in another region, with a rep of that region when a rep owns it.
    ...(startRegion ? { CountryCode: COUNTRY_OF_REGION[startRegion] } : {}),
    Status: status,
    owner: owner === 'active' ? users.sdr(startRegion ?? 'AMER') : owner === 'inactive' ? users.inactiveSdr() : 'Inquiry Queue',
    ...(partnerKey ? { partnerAccount: partnerKey } : {}),
    ...(p['Actively_Being_Sequenced__c'] === true ? { Actively_Being_Sequenced__c: true } : {}),
    ...(p['High_Priority__c'] === true ? { High_Priority__c: true } : {}),
    ...(acquisition !== undefined || Object.keys(extra).length > 0 ? { fields: { ...(acquisition !== undefined ? { Lead_Acquisition_Source__c: acquisition } : {}), ...(extra as Record<string, string | number | boolean>) } } : {}),
  });
  if (c.trigger === 'rerun') return { kind: 'rerun', reaches, email, leadIndex, country: country ?? 'US' };
  // The event must not bring a partner or acquisition source of its own: the person's are the witness's.
  return { kind: 'inbound', reaches, ...event, email, country, ...(campaignName ? { acquisitionSource: acquisition ?? 'Event' } : {}) } as WitnessPlan;
}

function addPartner(partner: Readonly<Record<string, unknown>>, n: number, org: OrgParts): string {
  const { Id: _i, Name: _n, Type: _t, Partner_Type__c, ...rest } = partner;
  const key = `graph-partner-${n}`;
  const type = (['Channel', 'Distributor', 'Alliance'] as const).find((t) => t === Partner_Type__c) ?? 'Channel';
  org.accounts.push({
    key,
    Name: `Graph Partner ${n} (${type})`,
    Website: `https://www.graph-partner-${n}.example`,
    Type: 'Partner',
    Partner_Type__c: type,
    Actively_Working__c: false,
    ...(Object.keys(rest).length > 0 ? { fields: rest as Record<string, string | number | boolean | null> } : {}),
  });
  org.partnerUsers.push({ key: `${key}-manager`, partnerAccount: key, FirstName: 'Graph', LastName: `Partner Manager ${n}`, Email: `lead-manager@graph-partner-${n}.example` });
  return key;
}

function addCampaign(campaign: Readonly<Record<string, unknown>>, n: number, partnerKey: string | undefined, org: OrgParts): string {
  const { Id: _i, Name, MDF_Funding__c, Channel_Partner_Involved__c, ...rest } = campaign;
  const name = typeof Name === 'string' && Name !== 'Example Campaign' ? `${Name} ${n}`.trimEnd() : `Graph Campaign ${n}`;
  const yesNo = (v: unknown) => (v === 'Yes' ? 'Yes' : 'No');
  org.campaigns.push({
    key: `graph-campaign-${n}`,
    Name: name,
    Type: 'Other',
    MDF_Funding__c: yesNo(MDF_Funding__c),
    Channel_Partner_Involved__c: yesNo(Channel_Partner_Involved__c),
    ...(partnerKey ? { partnerAccount: partnerKey } : {}),
    ...(Object.keys(rest).length > 0 ? { fields: rest as Record<string, string | number | boolean | null> } : {}),
  });
  return name;
}

function addAccount(account: Readonly<Record<string, unknown>>, contextUsers: readonly RoutingUser[], n: number, region: Region | null, org: OrgParts, users: ReturnType<typeof orgUsers>): string {
  const { Id: _i, Name: _n, BDR__c, OwnerId, Actively_Working__c, ...rest } = account;
  const domain = `graph-account-${n}.example`;
  const userOf = (id: unknown, active: () => string, inactive: () => string) => {
    const user = contextUsers.find((u) => u.Id === id);
    return user === undefined ? undefined : user.IsActive ? active() : inactive();
  };
  const bdr = userOf(BDR__c, users.bdr, users.inactiveBdr);
  const owner = userOf(OwnerId, users.ae, users.inactiveAe);
  org.accounts.push({
    key: `graph-account-${n}`,
    Name: `Graph Account ${n}`,
    Website: `https://www.${domain}`,
    BillingCountryCode: region ? COUNTRY_OF_REGION[region] : 'US',
    Type: 'Customer',
    Actively_Working__c: Actively_Working__c === true,
    ...(bdr ? { bdr } : {}),
    ...(owner ? { owner } : {}),
    ...(Object.keys(rest).length > 0 ? { fields: rest as Record<string, string | number | boolean | null> } : {}),
  });
  return domain;
}

function validOr<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}
