import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignmentRuleToGraph } from '../../src/assignmentRules/assignmentRuleToGraph.ts';
import { orgRuleDirectory } from '../../src/assignmentRules/orgRuleDirectory.ts';
import { readAssignmentRules } from '../../src/assignmentRules/readAssignmentRules.ts';
import { orgSchemaExtension } from '../../src/org/orgSpec.ts';
import { loadOrgSpec } from '../../src/org/loadOrgSpec.ts';
import type { Graph } from '../../src/routing/graphSchema.ts';
import { checkScenario } from '../../src/scenarios/loadScenario.ts';
import { runScenario, type ScenarioRun } from '../../src/scenarios/runScenario.ts';

/**
 * The pipeline's own route job running a graph imported from a real rules file decides as the CRM running the file
 * decides: it reads the org's custom fields the graph tests (the pipeline never reads them otherwise), the name of
 * the user who created the lead, and the current user, which is the pipeline's integration user.
 */
const VALSPAR = new URL('../fixtures/assignmentRules/real/AutoRABIT-POC__Valspar/', import.meta.url).pathname;
const INTEGRATION = new URL('../fixtures/assignmentRules/real/Integration-User__Salesforce/', import.meta.url).pathname;

function webForm(id: string, email: string, at: string): Record<string, unknown> {
  return {
    at,
    person: id,
    kind: 'inbound',
    id,
    entryPoint: 'web-form',
    payload: { formId: 1001, leadFormFields: { email, firstName: 'Pat', lastName: 'Lee', company: 'Acme', country: 'USA', offerType: 'Demo - 1:1' }, visitorData: { pageURL: 'https://www.leadsim-corp.test/demo' }, programName: 'Website - Demo Request' },
  };
}

/** A scenario over the fixture's org: an existing packaging lead from North America engages again, and a new lead arrives. */
function scenario(folder: string, people: Record<string, unknown>[]) {
  const org = { ...(JSON.parse(readFileSync(join(folder, 'org.json'), 'utf8')) as Record<string, unknown>), people };
  const events = [webForm('existing', 'pat.lee@acme.example', '+1m'), webForm('fresh', 'new.lead@globex.example', '+2m')];
  return checkScenario({ version: 1, name: 'real rules in the pipeline', seed: 1, org, events }, join(folder, 'scenario.json'));
}

function imported(folder: string): Graph {
  const org = loadOrgSpec(join(folder, 'org.json'));
  return assignmentRuleToGraph(readAssignmentRules(org.assignmentRules!), { directory: orgRuleDirectory(org), org: orgSchemaExtension(org) }).graph;
}

const ownerName = (run: ScenarioRun, person: string) => {
  const p = run.people.get(person)!;
  const owner = String(run.run.world.crm.get(p.type, p.id)?.['OwnerId']);
  return run.run.world.crm.byId(owner)?.record['Name'];
};

describe('a graph imported from a real rules file, run by the pipeline, decides as the CRM running the file', () => {
  it('AutoRABIT-POC/Valspar: custom fields the pipeline reads for the graph; an entry that keeps the owner', async () => {
    const loaded = scenario(VALSPAR, [{ key: 'existing', kind: 'Lead', Email: 'pat.lee@acme.example', LastName: 'Lee', fields: { Business_Unit__c: 'Packaging', Global_Region__c: 'North America', LeadSource: 'Web' } }]);
    const byGraph = await runScenario(loaded, { graph: imported(VALSPAR) });
    const inCrm = await runScenario(loaded, { assignmentRules: loaded.scenario.org.assignmentRules! });
    expect(byGraph.routing).toBe('graph');
    expect(inCrm.routing).toBe('assignment-rules');
    for (const run of [byGraph, inCrm]) {
      expect(ownerName(run, 'existing')).toBe('Kcarter');
      expect(ownerName(run, 'fresh')).toBe('Integration User');
    }
    const route = byGraph.traces.get('existing')!.flatMap((t) => t.steps).find((s) => s.job === 'route')!;
    expect(route.calls.some((c) => decodeURIComponent(c.path).includes('Business_Unit__c'))).toBe(true);
  });

  it('Integration-User/Salesforce: Lead.CreatedById by name, the integration user creating the lead', async () => {
    const loaded = scenario(INTEGRATION, [{ key: 'existing', kind: 'Lead', Email: 'pat.lee@acme.example', LastName: 'Lee', fields: { Marketing_Identified_Country_lead__c: 'Germany' } }]);
    for (const run of [await runScenario(loaded, { graph: imported(INTEGRATION) }), await runScenario(loaded, { assignmentRules: loaded.scenario.org.assignmentRules! })]) {
      expect(ownerName(run, 'existing')).toBe('EU SDR Inbound');
      expect(ownerName(run, 'fresh')).toBe('US SDR Inbound');
    }
  });

  it('currentUser.* reads the pipeline\'s integration user, the user whose write runs routing', async () => {
    const loaded = scenario(INTEGRATION, []);
    const graph: Graph = {
      version: 1,
      name: 'by current user',
      start: 'who',
      settings: { partnerEngagementStatuses: [] },
      nodes: {
        who: { kind: 'condition', test: { op: 'equals', field: 'currentUser.Username', value: 'integration@leadsim.test' }, then: 'integration', else: 'someone' },
        integration: { kind: 'assign', target: { queue: 'US SDR Inbound' }, next: 'done' },
        someone: { kind: 'assign', target: { queue: 'EU SDR Inbound' }, next: 'done' },
        done: { kind: 'end' },
      },
    };
    const run = await runScenario(loaded, { graph });
    expect(ownerName(run, 'fresh')).toBe('US SDR Inbound');
  });
});
