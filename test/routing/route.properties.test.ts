import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { LEAD_ACQUISITION_SOURCES, LEAD_STATUSES, REGIONS, USER_ROLES, CAMPAIGN_MEMBER_STATUSES, PARTNER_TYPES } from '../../src/systems/crm/schema.ts';
import { loadDefaultGraph } from '../../src/routing/loadGraph.ts';
import { route } from '../../src/routing/route.ts';
import { pickRoundRobin, type RoundRobinState } from '../../src/routing/roundRobin.ts';
import type { RoutingContext, RoutingUser } from '../../src/routing/routingContext.ts';
import { regionOfCountry } from '../../src/routing/regionOfCountry.ts';
import { QUEUES } from './routingFixtures.ts';

const graph = loadDefaultGraph();
const COUNTRIES = ['US', 'CA', 'BR', 'DE', 'FR', 'GB', 'ZA', 'AE', 'JP', 'AU', 'IN', 'SG', 'ZZ', '', null];

const userArb = (i: number): fc.Arbitrary<RoutingUser> =>
  fc.record({
    Id: fc.constant(`005000000000U${String(i).padStart(2, '0')}`),
    Name: fc.constant(`User ${i}`),
    IsActive: fc.boolean(),
    Region__c: fc.constantFrom(...REGIONS, null),
    Role__c: fc.constantFrom(...USER_ROLES),
    Out_Of_Office__c: fc.boolean(),
  });
const usersArb = fc.integer({ min: 0, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => userArb(i))));

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

/** Any routing context the pipeline could build: records present or not, any picklist values, any users. */
const contextArb: fc.Arbitrary<RoutingContext> = usersArb.chain((users) => {
  const userId = users.length > 0 ? fc.constantFrom(...users.map((u) => u.Id), '005999999999999') : fc.constant('005999999999999');
  const ownerId = maybe(fc.oneof(userId, fc.constantFrom(...QUEUES.map((q) => q.Id))));
  const partner = fc.option(fc.record({ Id: fc.constant('001000000000P01'), Partner_Type__c: maybe(fc.constantFrom(...PARTNER_TYPES)) }), { nil: undefined });
  return fc
    .record({
      trigger: fc.constantFrom('new', 'engagement', 'rerun'),
      partner,
      person: fc.record({
        CountryCode: fc.constantFrom(...COUNTRIES),
        Status: maybe(fc.constantFrom(...LEAD_STATUSES)),
        OwnerId: ownerId,
        Lead_Acquisition_Source__c: maybe(fc.constantFrom(...LEAD_ACQUISITION_SOURCES)),
        Partner_Recalled__c: maybe(fc.boolean()),
        Partner_Recalled_Date__c: maybe(fc.constant('2025-01-01T00:00:00.000Z')),
        Actively_Being_Sequenced__c: maybe(fc.boolean()),
        High_Priority__c: maybe(fc.boolean()),
        isSalesCreated: fc.boolean(),
      }),
      campaign: fc.option(
        fc.record({
          Id: fc.constant('701000000000C01'),
          Name: fc.constantFrom('Webinar', 'Partner - Trial X', 'Partner Trial X'),
          MDF_Funding__c: maybe(fc.constantFrom('Yes', 'No')),
          Channel_Partner_Involved__c: maybe(fc.constantFrom('Yes', 'No')),
        }),
        { nil: undefined },
      ),
      campaignMember: fc.option(fc.record({ CampaignId: fc.constant('701000000000C01'), Status: maybe(fc.constantFrom(...CAMPAIGN_MEMBER_STATUSES)) }), { nil: undefined }),
      account: fc.option(fc.record({ Id: fc.constant('001000000000A01'), BDR__c: maybe(userId), Actively_Working__c: maybe(fc.boolean()), OwnerId: maybe(userId) }), {
        nil: undefined,
      }),
    })
    .map(({ partner, person, ...rest }) => {
      const context: RoutingContext = {
        trigger: rest.trigger,
        person: { ...person, Impartner_Partner_Account__c: partner?.Id ?? null },
        users,
        queues: QUEUES,
      };
      if (partner) context.partnerAccount = partner;
      if (rest.campaign) context.campaign = rest.campaign;
      if (rest.campaignMember) context.campaignMember = rest.campaignMember;
      if (rest.account) context.account = rest.account;
      return context;
    });
});

describe('the default graph', () => {
  test.prop([contextArb], { numRuns: 100 })('always returns an owner for any person', (context) => {
    const decision = route(graph, context, {});
    if (!decision.ok) expect.fail(`no owner: ${decision.reason}`);
    expect(['user', 'queue']).toContain(decision.owner.kind);
    expect(decision.owner.id).not.toBe('');
  });

  test.prop([contextArb, fc.dictionary(fc.constantFrom('SDR:AMER', 'SDR:EMEA', 'SDR:APJ'), fc.dictionary(fc.constantFrom('005000000000U00', '005000000000U01'), fc.nat(5)))], {
    numRuns: 100,
  })('gives the same decision for the same inputs', (context, state) => {
    const first = route(graph, context, state);
    const again = route(graph, structuredClone(context), JSON.parse(JSON.stringify(state)) as RoundRobinState);
    expect(again).toEqual(first);
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
  });
});

const sdrs = (region: (typeof REGIONS)[number], n: number, prefix: string): RoutingUser[] =>
  Array.from({ length: n }, (_, i) => ({ Id: `005${prefix}${String(i).padStart(10, '0')}`, Name: `${prefix}${i}`, IsActive: true, Region__c: region, Role__c: 'SDR', Out_Of_Office__c: false }));

describe('round robin', () => {
  test.prop(
    [
      fc.array(fc.constantFrom('US', 'DE', 'JP', 'BR', 'AU', 'GB'), { minLength: 1, maxLength: 60 }),
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 1, max: 4 }),
    ],
    { numRuns: 60 },
  )("keeps every region's active SDRs within one assignment of each other", (countries, amer, emea, apj) => {
    const away: RoutingUser[] = [
      { ...sdrs('AMER', 1, 'AWX')[0]!, IsActive: false },
      { ...sdrs('EMEA', 1, 'OOO')[0]!, Out_Of_Office__c: true },
    ];
    const users = [...sdrs('AMER', amer, 'AMR'), ...sdrs('EMEA', emea, 'EMA'), ...sdrs('APJ', apj, 'APJ'), ...away];
    const counts = new Map(users.map((u) => [u.Id, 0]));
    let state: RoundRobinState = {};
    for (const CountryCode of countries) {
      const decision = route(graph, { trigger: 'new', person: { Status: 'MQL', CountryCode }, users, queues: QUEUES }, state);
      if (!decision.ok) throw new Error(decision.reason);
      expect(users.find((u) => u.Id === decision.owner.id)?.Region__c).toBe(regionOfCountry(CountryCode));
      counts.set(decision.owner.id, (counts.get(decision.owner.id) ?? 0) + 1);
      state = decision.roundRobin;
    }
    for (const region of REGIONS) {
      const active = users.filter((u) => u.Region__c === region && u.IsActive && !u.Out_Of_Office__c).map((u) => counts.get(u.Id) ?? 0);
      expect(Math.max(...active) - Math.min(...active)).toBeLessThanOrEqual(1);
    }
    for (const user of away) expect(counts.get(user.Id)).toBe(0);
  });

  test.prop(
    [fc.array(fc.oneof(fc.constant({ pick: true as const }), fc.record({ toggle: fc.integer({ min: 0, max: 4 }) })), { maxLength: 80 })],
    { numRuns: 100 },
  )('keeps eligible users within one turn of each other while users go out of office and come back', (steps) => {
    const ids = ['005A', '005B', '005C', '005D', '005E'];
    const away = new Set<string>();
    let state: RoundRobinState = {};
    for (const step of steps) {
      if ('toggle' in step) {
        const id = ids[step.toggle]!;
        if (away.has(id)) away.delete(id);
        else away.add(id);
        continue;
      }
      const eligible = ids.filter((id) => !away.has(id));
      const pick = pickRoundRobin(state, 'SDR:EMEA', eligible);
      if (eligible.length === 0) {
        expect(pick).toBeUndefined();
        continue;
      }
      expect(eligible).toContain(pick!.userId);
      state = pick!.state;
      const turns = eligible.map((id) => state['SDR:EMEA']![id]!);
      expect(Math.max(...turns) - Math.min(...turns)).toBeLessThanOrEqual(1);
    }
  });
});

/** DOMAIN.md rules 1–5 written directly, as an oracle for the graph: should this person go to the Partner Queue? */
function oracleSendsToPartnerQueue(context: RoutingContext): boolean {
  const p = context.person as Record<string, unknown>;
  const empty = (v: unknown) => v === undefined || v === null || v === '';
  const ownerId = p['OwnerId'];
  const keepable = !empty(ownerId) && !context.users.some((u) => u.Id === ownerId && !u.IsActive);
  if (context.trigger === 'rerun') return false;
  if (p['isSalesCreated'] === true && keepable) return false;
  if (context.trigger === 'engagement' && typeof ownerId === 'string' && ownerId.startsWith('005') && keepable) return false;
  if (empty(p['Impartner_Partner_Account__c']) || context.partnerAccount?.['Partner_Type__c'] === 'Alliance') return false;
  const notRecalled = empty(p['Partner_Recalled_Date__c']) && p['Partner_Recalled__c'] !== true;
  const c = context.campaign;
  const rule1 = p['Lead_Acquisition_Source__c'] === 'Partner Sponsored Event' && notRecalled;
  const rule2 = c !== undefined && (c['MDF_Funding__c'] === 'Yes' || String(c['Name']).startsWith('Partner - Trial')) && notRecalled;
  const rule3 =
    c !== undefined &&
    c['Channel_Partner_Involved__c'] === 'Yes' &&
    context.campaignMember !== undefined &&
    graph.settings.partnerEngagementStatuses.includes(String(context.campaignMember['Status'])) &&
    !['Accepted', 'Qualifying', 'Qualified'].includes(String(p['Status'])) &&
    p['Actively_Being_Sequenced__c'] !== true &&
    notRecalled;
  return rule1 || rule2 || rule3;
}

describe('the default graph against the rules as written', () => {
  test.prop([contextArb], { numRuns: 100 })('sends a person to the Partner Queue, shared to the PRM, exactly when rules 1–5 say so', (context) => {
    const decision = route(graph, context, {});
    if (!decision.ok) expect.fail(decision.reason);
    const expected = oracleSendsToPartnerQueue(context);
    expect(decision.sharePrm).toBe(expected);
    if (expected) expect(decision.owner.name).toBe('Partner Queue');
    // Otherwise the Partner Queue can only be an owner the person already had and keeps.
    else if (decision.owner.name === 'Partner Queue') expect(decision.path.some((s) => s.node.startsWith('keep'))).toBe(true);
  });
});
