import { isSalesUser, KEY_PREFIXES, REGIONS, USER_ROLES, type FieldSpec, type Region } from '../../systems/crm/schema.ts';
import { evaluateTest } from '../../routing/evaluateTest.ts';
import { resolveFieldRef, TRIGGERS } from '../../routing/fieldRef.ts';
import type { AssignTarget, Graph } from '../../routing/graphSchema.ts';
import { isCompound, leafTests } from '../../routing/leafTests.ts';
import type { Decision } from '../../routing/route.ts';
import type { RoutingContext, RoutingUser } from '../../routing/routingContext.ts';
import { graphLiterals } from './graphLiterals.ts';
import { nearMisses } from './nearMisses.ts';

/** One variable of the input space: its key (`person.Status`, `@campaign`, `trigger`…) and its values, the first the default. */
export interface Dimension {
  readonly key: string;
  readonly values: readonly unknown[];
}

/** Dimension key → index of its value; a dimension left out takes its default (index 0). */
export type Assignment = ReadonlyMap<string, number>;

/**
 * A bounded space of routing contexts derived from graphs' own literals: each field a test reads ranges over blank,
 * the literals the graphs compare it with, their near misses (other case, trailing space, run on, cut short, a
 * continued name) and one other value; booleans over false and true; restricted picklists over their values;
 * records (campaign with its member, matched account, partner account, current user) present or absent; the
 * trigger; the owner (the integration user, a queue, an active rep, an inactive one); the region. The context has
 * the shape the route job builds: a campaign member comes with its campaign, the partner account is the one
 * `Impartner_Partner_Account__c` names, `ownerIsUser` is whether the owner is a sales user, only a new person is
 * sales-created, and a new person is owned by the integration user that created it (a sales-created one by its rep).
 */
export interface RoutingInputSpace {
  readonly dimensions: ReadonlyMap<string, Dimension>;
  /** The context of an assignment. */
  context(assignment: Assignment): RoutingContext;
  /**
   * The dimensions a routing run of `graph` read, in the order it read them (a failed test counts all of its node's),
   * up to path step `until` (default: the whole path).
   */
  reads(graph: Graph, decision: Decision, until?: number): string[];
  /** The non-default values of an assignment, by dimension key, for people. */
  describe(assignment: Assignment): Record<string, unknown>;
}

const ID = {
  person: `${KEY_PREFIXES.Lead}000000000EXAMPLE`,
  campaign: `${KEY_PREFIXES.Campaign}000000000EXAMPLE`,
  member: `${KEY_PREFIXES.CampaignMember}000000000EXAMPLE`,
  account: `${KEY_PREFIXES.Account}000000000EXAMPLE`,
  partner: `${KEY_PREFIXES.Account}0000000PARTNER`,
  integration: `${KEY_PREFIXES.User}00000INTEGRATION`,
  inactive: `${KEY_PREFIXES.User}0000000INACTIVE`,
  currentUser: `${KEY_PREFIXES.User}00000000CURRENT`,
} as const;
const userId = (role: string, region: string) => `${KEY_PREFIXES.User}0000000${role}${region}`;

/** Options of {@link routingInputSpace}. */
export interface RoutingInputSpaceOptions {
  /**
   * Keep every literal and near miss a value of its own even where no test tells it from another (each value of an
   * `in` list, a name with a trailing space), so that generated traffic uses them all. Default false: one value per
   * class, the smallest space that still tells every graph path apart.
   */
  readonly everyLiteral?: boolean;
}

/** Builds the input space of `graphs` (usually a graph and a mutant of it: their literals together). */
export function routingInputSpace(graphs: readonly Graph[], options: RoutingInputSpaceOptions = {}): RoutingInputSpace {
  const users = spaceUsers(graphs);
  const queues = spaceQueues(graphs);
  const inquiry = queues.find((q) => q.Name === 'Inquiry Queue') ?? (queues[0] as { Id: string; Name: string });
  const dims = new Map<string, Dimension>();
  const dim = (key: string, values: readonly unknown[]) => dims.set(key, { key, values: [...new Set(values)] });
  dim('trigger', TRIGGERS);
  for (const presence of ['@campaign', '@account', '@currentUser']) dim(presence, [false, true]);
  dim('person.region', [...REGIONS, null]);
  dim('person.OwnerId', [ID.integration, inquiry.Id, userId('SDR', 'AMER'), ID.inactive]);
  dim('person.isSalesCreated', [false, true]);
  dim('person.Impartner_Partner_Account__c', [null, ID.partner]);
  dim('account.BDR__c', [null, userId('BDR', 'APJ'), ID.inactive]);
  dim('account.OwnerId', [userId('AE', 'AMER'), null, ID.inactive]);
  for (const [ref, literals] of graphLiterals(graphs)) {
    const keys = dimensionsOf(ref);
    const key = keys[keys.length - 1];
    if (key === undefined || dims.has(key) || key.startsWith('@')) continue;
    const resolved = resolveFieldRef(ref);
    if (resolved.ok) dim(key, fieldDomain(resolved.spec, literals, resolved.object === 'person' ? KEY_PREFIXES.Account : KEY_PREFIXES.User));
  }

  const space: RoutingInputSpace = { dimensions: dims, context, reads, describe };
  const literals = graphLiterals(graphs);
  for (const d of [...dims.values()]) {
    if (UNCOLLAPSED.has(d.key) || d.key.startsWith('@')) continue;
    const keep = options.everyLiteral ? [...literals.entries()].filter(([ref]) => dimensionsOf(ref).at(-1) === d.key).flatMap(([, values]) => [...values, ...values.flatMap(nearMisses)]) : [];
    dims.set(d.key, { key: d.key, values: distinctValues(d, graphs, space, keep) });
  }
  return space;

  function value(a: Assignment, key: string): unknown {
    const d = dims.get(key);
    return d === undefined ? undefined : d.values[a.get(key) ?? 0];
  }
  function fieldsOf(a: Assignment, object: string): Record<string, unknown> {
    const record: Record<string, unknown> = {};
    for (const key of dims.keys()) {
      if (!key.startsWith(`${object}.`)) continue;
      const v = value(a, key);
      if (v !== null && v !== undefined) record[key.slice(object.length + 1)] = v;
    }
    return record;
  }
  function context(a: Assignment): RoutingContext {
    const { region, ownerIsUser: _o, isSalesCreated, ...fields } = fieldsOf(a, 'person');
    const trigger = value(a, 'trigger') as RoutingContext['trigger'];
    // A new person is still owned by the integration user that created it (a sales-created one by its rep); a
    // person routed before is owned by a rep or a queue; only a new one is sales-created.
    if (trigger === 'new' && isSalesCreated !== true) fields['OwnerId'] = ID.integration;
    else if (fields['OwnerId'] === ID.integration) fields['OwnerId'] = inquiry.Id;
    const owner = users.find((u) => u.Id === fields['OwnerId']);
    const person = { Id: ID.person, LastName: 'Example', Company: 'Example Co', Email: 'someone@example.com', ...fields, region: (region ?? null) as Region | null, ownerIsUser: isSalesUser(owner), isSalesCreated: isSalesCreated === true && trigger === 'new' };
    const context: RoutingContext = { trigger, person, users, queues };
    if (fields['Impartner_Partner_Account__c']) context.partnerAccount = { Id: ID.partner, Name: 'Example Partner', Type: 'Partner', ...fieldsOf(a, 'partnerAccount') };
    if (value(a, '@campaign') === true) {
      context.campaign = { Id: ID.campaign, Name: 'Example Campaign', ...fieldsOf(a, 'campaign') };
      context.campaignMember = { Id: ID.member, CampaignId: ID.campaign, LeadId: ID.person, ...fieldsOf(a, 'campaignMember') };
    }
    if (value(a, '@account') === true) context.account = { Id: ID.account, Name: 'Example Account', ...fieldsOf(a, 'account') };
    if (value(a, '@currentUser') === true) context.currentUser = { Id: ID.currentUser, ...fieldsOf(a, 'currentUser') };
    return context;
  }
  function reads(graph: Graph, decision: Decision, until = decision.path.length): string[] {
    const out: string[] = [];
    const read = (keys: readonly string[]) => {
      for (const key of keys) if (dims.has(key) && !out.includes(key)) out.push(key);
    };
    for (const step of decision.path.slice(0, until)) {
      const node = graph.nodes[step.node];
      if (node?.kind === 'condition') {
        // A compound test records the leaves it evaluated; a leaf test is its own; a failed one may have read any.
        const evaluated = step.result === undefined || !isCompound(node.test) ? leafTests(node.test).map((l) => l.test.field) : (step.tests ?? []).map((t) => t.field);
        for (const field of evaluated) read(dimensionsOf(field));
      } else if (node?.kind === 'assign') read(targetReads(node.target));
    }
    return out;
  }
  function describe(a: Assignment): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, index] of a) if (index !== 0) out[key] = dims.get(key)?.values[index];
    return out;
  }
}

/** Dimensions whose every value matters to an assignment target, not only to tests. */
const UNCOLLAPSED = new Set(['person.OwnerId', 'person.region', 'account.BDR__c', 'account.OwnerId', 'person.Impartner_Partner_Account__c']);

/**
 * One value per class of values no test of the graphs tells apart (and no update writes): the values of a field
 * matter only through the tests that read it, so `"Inquiry"` and `"Nurture"` are one class when every test asks for
 * `"MQL"`. Keeps the first value of each class, so the default stays.
 */
function distinctValues(d: Dimension, graphs: readonly Graph[], space: RoutingInputSpace, literals: readonly unknown[]): unknown[] {
  const tests = graphs.flatMap((g) => Object.values(g.nodes).flatMap((n) => (n.kind === 'condition' ? leafTests(n.test).filter((l) => dimensionsOf(l.test.field).at(-1) === d.key).map((l) => ({ test: l.test, settings: g.settings })) : [])));
  const field = d.key.slice(d.key.indexOf('.') + 1);
  const written = graphs.flatMap((g) => Object.values(g.nodes).flatMap((n) => (n.kind === 'update' && d.key.startsWith('person.') && Object.hasOwn(n.fields, field) ? [n.fields[field]] : [])));
  const present = new Map(['@campaign', '@account', '@currentUser', 'person.Impartner_Partner_Account__c'].map((k) => [k, 1]));
  const seen = new Set<string>();
  const keep: unknown[] = [];
  for (const [index, v] of d.values.entries()) {
    const context = space.context(new Map([...present, [d.key, index]]));
    const signature = JSON.stringify([...tests.map(({ test, settings }) => {
      const outcome = evaluateTest(test, context, settings);
      return outcome.ok ? outcome.value : null;
    }), ...written.map((w) => w === v)]);
    if (seen.has(signature) && !literals.includes(v)) continue;
    seen.add(signature);
    keep.push(v);
  }
  return keep;
}

/** The dimensions reading a field reference touches, the record's presence first. */
export function dimensionsOf(ref: string): string[] {
  if (ref === 'trigger') return ['trigger'];
  const dot = ref.indexOf('.');
  const object = ref.slice(0, dot);
  const field = ref.slice(dot + 1);
  switch (object) {
    case 'person':
      return [field === 'ownerIsUser' ? 'person.OwnerId' : ref];
    case 'partnerAccount':
      return ['person.Impartner_Partner_Account__c', ...(field === 'Id' ? [] : [ref])];
    case 'campaign':
    case 'campaignMember':
      return ['@campaign', ...(field === 'Id' || (object === 'campaignMember' && field === 'CampaignId') ? [] : [ref])];
    default:
      return [`@${object}`, ...(field === 'Id' ? [] : [ref])];
  }
}

/** What resolving an assignment target reads. */
function targetReads(target: AssignTarget): string[] {
  if ('keepCurrentOwner' in target) return ['person.OwnerId'];
  if ('accountBdr' in target) return ['@account', 'account.BDR__c'];
  if ('accountOwner' in target) return ['@account', 'account.OwnerId'];
  if ('roundRobin' in target) return ['person.region'];
  return [];
}

/** The values a field ranges over. */
function fieldDomain(spec: FieldSpec, literals: readonly unknown[], referencePrefix: string): unknown[] {
  switch (spec.type) {
    case 'boolean':
      return [false, true];
    case 'reference':
    case 'id':
      return [null, `${referencePrefix}0000000000OTHER`, ...literals];
    case 'picklist':
      // A required picklist is never blank: its default stands for "not set".
      if (spec.restricted && spec.values) return [spec.defaultValue ?? null, ...spec.values, ...literals];
      break;
    case 'date':
      return [null, ...literals, '2025-12-01'];
    case 'datetime':
      return [null, ...literals, '2025-12-01T09:00:00.000Z'];
    default:
      break;
  }
  const numeric = spec.type === 'int' || spec.type === 'double';
  return [null, ...literals, ...literals.flatMap(nearMisses), numeric ? 0 : 'Other value'];
}

/** Users of every role in every region, an inactive rep, the integration user, and any user a target names. */
function spaceUsers(graphs: readonly Graph[]): RoutingUser[] {
  const users: RoutingUser[] = [];
  for (const region of REGIONS) for (const role of USER_ROLES) users.push({ Id: userId(role, region), Name: `${role} ${region}`, IsActive: true, Region__c: region, Role__c: role, Out_Of_Office__c: false });
  users.push({ Id: ID.inactive, Name: 'Inactive SDR', IsActive: false, Region__c: 'AMER', Role__c: 'SDR', Out_Of_Office__c: false });
  users.push({ Id: ID.integration, Name: 'Integration User', IsActive: true, Region__c: null, Role__c: null, Out_Of_Office__c: false });
  for (const name of namedUsers(graphs)) {
    if (users.some((u) => u.Id === name || u.Name === name)) continue;
    users.push({ Id: name.startsWith(KEY_PREFIXES.User) ? name : `${KEY_PREFIXES.User}NAMED${String(users.length).padStart(10, '0')}`, Name: name, IsActive: true, Region__c: 'AMER', Role__c: 'AE', Out_Of_Office__c: false });
  }
  return users;
}

function namedUsers(graphs: readonly Graph[]): string[] {
  const names: string[] = [];
  for (const graph of graphs) {
    for (const pool of Object.values(graph.settings.pools ?? {})) if ('users' in pool) names.push(...pool.users);
    for (const node of Object.values(graph.nodes)) {
      if (node.kind !== 'assign') continue;
      if ('user' in node.target) names.push(node.target.user);
      if ('roundRobin' in node.target && typeof node.target.roundRobin.pool === 'object' && 'users' in node.target.roundRobin.pool) names.push(...node.target.roundRobin.pool.users);
    }
  }
  return names;
}

/** The Partner and Inquiry queues, and any queue a target names. */
function spaceQueues(graphs: readonly Graph[]): { Id: string; Name: string }[] {
  const names = ['Partner Queue', 'Inquiry Queue'];
  for (const graph of graphs) for (const node of Object.values(graph.nodes)) if (node.kind === 'assign' && 'queue' in node.target && !names.includes(node.target.queue)) names.push(node.target.queue);
  return names.map((name, i) => (name.startsWith(KEY_PREFIXES.Group) ? { Id: name, Name: name } : { Id: `${KEY_PREFIXES.Group}${String(i + 1).padStart(12, '0')}AAA`, Name: name }));
}
