import { describe, expect, it } from 'vitest';
import { findDifference } from '../../src/mutation/findDifference.ts';
import { graphMutants } from '../../src/mutation/graphMutants.ts';
import type { Graph } from '../../src/routing/graphSchema.ts';
import { loadDefaultGraph } from '../../src/routing/loadGraph.ts';

const graph = loadDefaultGraph();
const mutant = (id: string): Graph => {
  const found = graphMutants(graph).mutants.find((m) => m.id === id);
  if (!found) throw new Error(`no mutant ${id}`);
  return found.graph;
};

describe('findDifference (equivalent mutants)', () => {
  it('finds no difference where the field cannot tell: a restricted picklist tested with startsWith', () => {
    expect(findDifference(graph, mutant('change-operator:isMql:startsWith'))).toMatchObject({ verdict: 'equivalent' });
    expect(findDifference(graph, mutant('change-operator:isAlliancePartner:startsWith'))).toMatchObject({ verdict: 'equivalent' });
  });

  it('finds none where the route job never builds the context: a campaign member without its campaign', () => {
    expect(findDifference(graph, mutant('drop-test:isJointPartnerCampaign[2]'))).toMatchObject({ verdict: 'equivalent' });
  });

  it('finds the context where a loosened test decides differently, with both decisions', () => {
    const d = findDifference(graph, mutant('change-operator:isPartnerSponsoredEvent[0]:startsWith'));
    expect(d.verdict).toBe('distinct');
    if (d.verdict !== 'distinct') return;
    // A near miss of the literal: the acquisition source continued past "Partner Sponsored Event".
    expect(String(d.context.person['Lead_Acquisition_Source__c'])).toMatch(/^Partner Sponsored Event./);
    expect(d.original.ok && d.original.owner.name).toBe('Inquiry Queue');
    expect(d.mutant.ok && d.mutant.owner.name).toBe('Partner Queue');
  });

  it('stops varying what follows once both graphs meet again with the same effects', () => {
    // Both graphs meet again at isMql: the partner rules' reads after the swapped pair are not varied twice.
    const d = findDifference(graph, mutant('swap-conditions:isAlliancePartner:else'));
    expect(d.verdict).toBe('distinct');
    expect(findDifference(graph, mutant('swap-conditions:isSalesCreated:else'))).toMatchObject({ verdict: 'equivalent', runs: expect.any(Number) });
    expect(findDifference(graph, mutant('swap-conditions:isSalesCreated:else')).runs).toBeLessThan(50);
  });

  it('says undecided when the budget runs out first', () => {
    expect(findDifference(graph, mutant('change-operator:isMql:startsWith'), { maxRuns: 5 })).toEqual({ verdict: 'undecided', runs: 5 });
  });
});
