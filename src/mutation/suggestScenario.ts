import fc from 'fast-check';
import { realizeContext, type WitnessPlan } from '../generators/graph/graphAwareOrg.ts';
import { witnessEventArbitrary } from '../generators/graph/witnessEventArbitrary.ts';
import { witnessHints } from '../generators/graph/witnessHints.ts';
import type { WorldHints } from '../generators/worldHints.ts';
import type { OrgSpec } from '../org/orgSpec.ts';
import type { Graph } from '../routing/graphSchema.ts';
import type { RoutingContext } from '../routing/routingContext.ts';
import { regressionScenario, type RegressionScenario } from '../scenarios/regressionScenario.ts';
import { SUGGESTION_ORG } from './suggestionOrg.ts';

/** A suggested scenario, the person it pins, and whether it catches the mutant it was made for. */
export type SuggestedScenario = RegressionScenario & { readonly person: string };

/**
 * A scenario that reaches `context` (a routing context where `mutant` decides differently from `graph`) in a small
 * org: the campaign, partner, account and person the context needs, and the event (or country change with a
 * routing re-run) that brings the person there; the expectation is what `graph` decides. Replayed with the mutant,
 * it says whether it catches it.
 */
export async function suggestScenario(context: RoutingContext, graph: Graph, mutant: Graph, name: string, description: string): Promise<SuggestedScenario> {
  const { org, plan } = realizeContext(SUGGESTION_ORG, context, [graph, mutant]);
  const person = personKey(plan, org);
  const events = [planEvent(plan, org, person)];
  const result = await regressionScenario({ name, description, seed: 1, org, events, graph, wrong: mutant, people: [person] });
  return { ...result, person };
}

function personKey(plan: WitnessPlan, org: OrgSpec): string {
  return org.people.find((p) => p.Email === plan.email)?.key ?? 'suggested';
}

/** The plan's event in the scenario file format; org records by `@kind:key` reference. */
function planEvent(plan: WitnessPlan, org: OrgSpec, person: string): Record<string, unknown> {
  if (plan.kind === 'rerun') return { at: '+1m', kind: 'countryChange', person, country: plan.country ?? 'US', rerun: true };
  const refs = new Map(org.accounts.map((a) => [a.key, `@account:${a.key}`]));
  const hints: WorldHints = {
    campaigns: [],
    partnerAccounts: org.accounts.filter((a) => a.Type === 'Partner' && a.Partner_Type__c).map((a) => ({ id: `@account:${a.key}`, name: a.Name, partnerType: a.Partner_Type__c!, partnerUserIds: org.partnerUsers.filter((u) => u.partnerAccount === a.key).map((u) => u.Email) })),
    accountDomains: [],
    existingEmails: [],
    salesUsers: org.users.flatMap((u) => (u.IsActive && u.Region__c !== undefined && u.Role__c !== undefined ? [{ id: `@user:${u.key}`, name: `${u.FirstName} ${u.LastName}`, region: u.Region__c, role: u.Role__c }] : [])),
    witnesses: witnessHints([plan], org, refs),
  };
  const [event] = fc.sample(witnessEventArbitrary(hints) as fc.Arbitrary<{ entryPoint: string; payload: unknown }>, { seed: 1, numRuns: 1 });
  return { at: '+1m', kind: 'inbound', id: 'suggested-1', person, entryPoint: event?.entryPoint, payload: event?.payload };
}
