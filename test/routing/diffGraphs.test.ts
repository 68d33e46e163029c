import { describe, expect, it } from 'vitest';
import { diffGraphs, formatGraphDiff } from '../../src/routing/diffGraphs.ts';
import type { Graph } from '../../src/routing/graphSchema.ts';
import { loadDefaultGraph } from '../../src/routing/loadGraph.ts';

describe('diffGraphs', () => {
  it('finds no changes between a graph and its copy', () => {
    const graph = loadDefaultGraph();
    expect(diffGraphs(graph, structuredClone(graph))).toEqual([]);
    expect(formatGraphDiff([])).toEqual(['no changes']);
  });

  it('reports, node by node, conditions, assignments, updates and edges that changed, and nodes added and removed', () => {
    const before = loadDefaultGraph();
    const after = structuredClone(before) as Graph;
    const nodes = after.nodes as Record<string, any>;
    nodes.isMdfOrTrialCampaign.test.tests[1] = { op: 'equals', field: 'campaign.MDF_Funding__c', value: 'Yes' };
    nodes.assignInquiryQueue.target = { queue: 'Nurture Queue' };
    nodes.setPartnerShareStatus.fields.Partner_Lead_Status__c = 'Qualified';
    nodes.isMql.else = 'assignNurture';
    nodes.assignNurture = { kind: 'assign', target: { queue: 'Nurture Queue' }, next: 'done' };
    delete nodes.shareToPrm;
    nodes.assignPartnerQueue.next = 'done';
    after.settings.partnerEngagementStatuses = ['Attended'];

    const changes = diffGraphs(before, after);
    expect(changes.find((c) => c.change === 'removed')).toMatchObject({ node: 'shareToPrm' });
    expect(formatGraphDiff(changes)).toMatchInlineSnapshot(`
      [
        "~ settings.partnerEngagementStatuses: ["Attended","Visited Booth","Follow Up Requested","Responded"] → ["Attended"]",
        "~ setPartnerShareStatus: fields changed: set Partner_Share_Status__c = "Pending", Partner_Lead_Status__c = "Qualifying" → set Partner_Share_Status__c = "Pending", Partner_Lead_Status__c = "Qualified"",
        "~ isMdfOrTrialCampaign: condition changed: (campaign.Id is not empty and (campaign.MDF_Funding__c = "Yes" or campaign.Name starts with "Partner - Trial") and person.Partner_Recalled_Date__c is empty and person.Partner_Recalled__c = false) → (campaign.Id is not empty and campaign.MDF_Funding__c = "Yes" and person.Partner_Recalled_Date__c is empty and person.Partner_Recalled__c = false)",
        "~ assignPartnerQueue: next changed: shareToPrm → done",
        "- shareToPrm: share to the PRM",
        "~ isMql: else changed: assignInquiryQueue → assignNurture",
        "~ assignInquiryQueue: assignment changed: queue "Inquiry Queue" → queue "Nurture Queue"",
        "+ assignNurture: assign to queue "Nurture Queue" (next → done)",
      ]
    `);
  });

  it('reports a node whose kind changed as one change', () => {
    const before = loadDefaultGraph();
    const after = structuredClone(before) as Graph;
    after.nodes['shareToPrm'] = { kind: 'end' };
    after.start = 'isSalesCreated';
    expect(formatGraphDiff(diffGraphs(before, after))).toMatchInlineSnapshot(`
      [
        "~ start: isRerun → isSalesCreated",
        "~ shareToPrm: kind changed: share to the PRM → end",
      ]
    `);
  });
});
