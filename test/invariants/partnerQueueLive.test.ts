import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkInvariants } from '../../src/invariants/checkInvariants.ts';
import { routeSkippingContacts, swapJob } from './brokenPipelines.ts';
import type { Graph } from '../../src/routing/graphSchema.ts';
import { loadDefaultGraph } from '../../src/routing/loadGraph.ts';
import { checkExpectations } from '../../src/scenarios/checkExpectations.ts';
import { loadScenario } from '../../src/scenarios/loadScenario.ts';
import { runScenario, type ScenarioRun } from '../../src/scenarios/runScenario.ts';
import { recallPerson } from '../../src/simulation/actions/index.ts';
import { createHarness, type LeadsimHarness } from '../../src/simulation/createHarness.ts';
import { restAsRep } from '../../src/simulation/repActions.ts';
import { SHIPPED_ORG } from '../scenarios/shipped/shippedOrg.ts';
import { OrgSpecSchema } from '../../src/org/orgSpec.ts';

const scenario = (path: string) => loadScenario(fileURLToPath(new URL(`../../scenarios/${path}`, import.meta.url)));
const partnerQueueMessages = (run: ScenarioRun | ReturnType<LeadsimHarness['record']>) => checkInvariants('run' in run ? run.run : run, { only: ['partner-queue'] }).violations.map((v) => v.message);

/** A partner-sponsored event's attendee, shared to the PRM and in the Partner Queue. */
async function partnerLead(h: LeadsimHarness): Promise<{ type: 'Lead'; id: string }> {
  const { traces } = await h.deliver({
    entryPoint: 'list-upload',
    payload: { file: 'roadshow.csv', line: 2, campaign: 'Partner Event - Northwind Roadshow', memberStatus: 'Attended', partnerAccountId: h.world.ids.accountIds.get('partner-channel')!, row: { Email: 'mia.novak@proseware.example', 'First Name': 'Mia', 'Last Name': 'Novak', Company: 'Proseware', Country: 'US' } },
  } as Parameters<LeadsimHarness['deliver']>[0]);
  const outcome = traces[0]!.outcome!;
  if (outcome.kind !== 'created') throw new Error(`expected a created lead, got ${outcome.kind}`);
  return { type: 'Lead', id: outcome.personId };
}

describe('partner-queue: everyone in the Partner Queue has a live, not recalled, prospect', () => {
  test('a recall routes the lead out of the Partner Queue; a recall that leaves it there is caught', async () => {
    const h = await createHarness({ seed: 1, org: OrgSpecSchema.parse(SHIPPED_ORG) });
    try {
      const lead = await partnerLead(h);
      const result = await recallPerson(h, lead);
      expect(result.ok).toBe(true);
      expect(h.world.crm.get('Lead', lead.id)?.['OwnerId']).toBe(h.world.ids.queueIds.get('Inquiry Queue'));
      expect(partnerQueueMessages(h.record())).toEqual([]);
    } finally {
      await h.close();
    }
    const broken = await createHarness({ seed: 1, org: OrgSpecSchema.parse(SHIPPED_ORG) });
    try {
      // The broken recall: the prospect recalled and the lead flagged, but nobody routes the lead again.
      const lead = await partnerLead(broken);
      const prospect = broken.world.impartner.records('Prospect').find((p) => p['CrmId'] === lead.id)!;
      expect(broken.world.impartner.recall(prospect.Id).ok).toBe(true);
      const rep = broken.world.ids.userIds.get('ae-amer-1')!;
      expect((await restAsRep(broken.world, broken.transport, rep, 'PATCH', `sobjects/Lead/${lead.id}`, { Partner_Recalled__c: true, Partner_Recalled_Date__c: broken.world.clock.iso() })).ok).toBe(true);
      expect(partnerQueueMessages(broken.record())).toEqual([
        `Lead ${lead.id} meets rule 1: partner sponsored event, partner account set, not recalled, but its Impartner prospect ${prospect.Id} is recalled; expected the Partner Queue with Partner_Share_Status__c and Partner_Lead_Status__c set and a live PRM prospect.`,
      ]);
    } finally {
      await broken.close();
    }
  });

  test('a contact meeting a partner rule is shared to the PRM and keeps its user owner; a pipeline that skips contacts is caught', async () => {
    const loaded = scenario('partner/contact-shared-to-prm.json');
    const run = await runScenario(loaded);
    expect(checkExpectations(run).filter((c) => !c.ok)).toEqual([]);
    expect(partnerQueueMessages(run)).toEqual([]);

    // The broken route job: contacts get the partner statuses but are never shared (contacts skipped).
    const broken = await runScenario(loaded, { prepare: (h) => swapJob(h, routeSkippingContacts) });
    const carla = broken.people.get('carla')!;
    expect(partnerQueueMessages(broken)).toEqual([
      `Contact ${carla.id} meets rule 1: partner sponsored event, partner account set, not recalled, but it has no Impartner prospect; expected its user owner kept, Partner_Share_Status__c and Partner_Lead_Status__c set and a live PRM prospect (a contact meeting a partner rule is shared too).`,
    ]);
  });

  test('rule 3 honours a recall; a graph whose rule 3 ignores it puts the recalled lead back in the Partner Queue and is caught', async () => {
    const loaded = scenario('partner/recalled-then-joint-campaign.json');
    expect(checkExpectations(await runScenario(loaded)).filter((c) => !c.ok)).toEqual([]);
    const graph = structuredClone(loadDefaultGraph()) as Graph & { nodes: Record<string, { test: { tests: { field?: string }[] } }> };
    const joint = graph.nodes['isJointPartnerCampaign']!.test;
    joint.tests = joint.tests.filter((t) => !String(t.field).startsWith('person.Partner_Recalled'));
    const broken = await runScenario(loaded, { graph });
    const lee = broken.people.get('lee')!;
    expect(partnerQueueMessages(broken)).toEqual(
      expect.arrayContaining([
        `route gave Lead ${lee.id} to the Partner Queue; expected another owner (rule 3: joint partner campaign, but the person was recalled from its partner (rule 3 honours a recall as rules 1 and 2 do)).`,
      ]),
    );
  });

  test('the default graph writes its readings into its description', () => {
    const description = String((JSON.parse(readFileSync(fileURLToPath(new URL('../../scenarios/graphs/default.json', import.meta.url)), 'utf8')) as { description: string }).description);
    expect(description).toContain('rule 3 honours a partner recall as rules 1 and 2 do');
    expect(description).toContain('rule 3\'s "False, then Traction assigns to appropriate SDR"');
  });
});
