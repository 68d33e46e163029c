import { describe, expect, it } from 'vitest';
import { loadDefaultGraph } from '../../src/routing/loadGraph.ts';
import { route, type Decision } from '../../src/routing/route.ts';
import type { RoutingContext } from '../../src/routing/routingContext.ts';
import {
  ALLIANCE_PARTNER,
  DISTRIBUTOR_PARTNER,
  INQUIRY_QUEUE,
  PARTNER_QUEUE,
  campaign,
  makeContext,
  member,
  partnerLead,
} from './routingFixtures.ts';

const graph = loadDefaultGraph();

function decide(context: RoutingContext): Extract<Decision, { ok: true }> {
  const decision = route(graph, context, {});
  if (!decision.ok) throw new Error(`expected a decision, got: ${decision.reason}`);
  return decision;
}

const AMER_SDR = { kind: 'user', id: '005000000000A01', name: 'Ada AMER-SDR' };
const EMEA_SDR = { kind: 'user', id: '005000000000E01', name: 'Eva EMEA-SDR' };
const PARTNER_SHARE = { Partner_Share_Status__c: 'Pending', Partner_Lead_Status__c: 'Qualifying' };
const PROSPECT_SHARE = { Prospect_Share_Status__c: 'Sending to Partner', Partner_Prospect_Status__c: 'Qualifying' };

function expectPartnerQueue(decision: Extract<Decision, { ok: true }>, updates: Record<string, unknown>) {
  expect(decision.owner).toEqual(PARTNER_QUEUE);
  expect(decision.sharePrm).toBe(true);
  expect(decision.fieldUpdates).toEqual(updates);
}

function expectSdrPath(decision: Extract<Decision, { ok: true }>, node = 'isMql') {
  expect(decision.owner).not.toEqual(PARTNER_QUEUE);
  expect(decision.sharePrm).toBe(false);
  expect(decision.fieldUpdates).toEqual({});
  expect(decision.path.map((step) => step.node)).toContain(node);
}

const sponsoredEvent = { Lead_Acquisition_Source__c: 'Partner Sponsored Event' };

describe('rule 1: partner sponsored event', () => {
  it('sends a not-recalled partner lead to the Partner Queue, sets the share statuses and shares it to the PRM', () => {
    const decision = decide(partnerLead({ person: sponsoredEvent }));
    expectPartnerQueue(decision, PARTNER_SHARE);
    expect(decision.path.map((s) => `${s.node}${s.result === undefined ? '' : `=${s.result}`}`)).toMatchInlineSnapshot(`
      [
        "isRerun=false",
        "isSalesCreated=false",
        "isEngagementWithUserOwner=false",
        "hasPartnerAccount=true",
        "isAlliancePartner=false",
        "isPartnerSponsoredEvent=true",
        "setPartnerShareStatus",
        "assignPartnerQueue",
        "shareToPrm",
        "done",
      ]
    `);
  });

  it('applies to distributor partners too', () => {
    expectPartnerQueue(decide(partnerLead({ person: sponsoredEvent }, DISTRIBUTOR_PARTNER)), PARTNER_SHARE);
  });

  it('does not apply to a recalled partner lead', () => {
    const decision = decide(partnerLead({ person: { ...sponsoredEvent, Partner_Recalled__c: true, Partner_Recalled_Date__c: '2025-03-01T10:00:00.000Z' } }));
    expectSdrPath(decision);
    expect(decision.owner).toEqual(AMER_SDR);
  });

  it('does not apply when the recall date is set but the recalled flag is false', () => {
    expectSdrPath(decide(partnerLead({ person: { ...sponsoredEvent, Partner_Recalled_Date__c: '2025-03-01T10:00:00.000Z' } })));
  });

  it('does not apply when the recalled flag is set without a date', () => {
    expectSdrPath(decide(partnerLead({ person: { ...sponsoredEvent, Partner_Recalled__c: true } })));
  });

  it('does not apply when the partner account is empty', () => {
    const decision = decide(makeContext({ person: sponsoredEvent }));
    expectSdrPath(decision);
    expect(decision.path.find((s) => s.node === 'hasPartnerAccount')?.result).toBe(false);
  });

  it('does not apply to another acquisition source', () => {
    expectSdrPath(decide(partnerLead({ person: { Lead_Acquisition_Source__c: 'Partner Referral' } })));
  });
});

describe('rule 2: MDF or free-trial campaign', () => {
  it('sends a partner lead of an MDF funded campaign to the Partner Queue with the prospect statuses', () => {
    expectPartnerQueue(decide(partnerLead({ campaign: campaign({ MDF_Funding__c: 'Yes' }) })), PROSPECT_SHARE);
  });

  it('matches a campaign named "Partner - Trial …" without MDF funding (the default reading: MDF or trial)', () => {
    expectPartnerQueue(decide(partnerLead({ campaign: campaign({ Name: 'Partner - Trial EMEA Q3', MDF_Funding__c: 'No' }) })), PROSPECT_SHARE);
  });

  it.each(['Partner Trial EMEA Q3', 'Partner-Trial EMEA', 'partner - trial EMEA', 'EMEA Partner - Trial', ' Partner - Trial'])(
    'does not match "Partner Trial" spelt another way: %j',
    (Name) => {
      expectSdrPath(decide(partnerLead({ campaign: campaign({ Name, MDF_Funding__c: 'No' }) })));
    },
  );

  it('does not apply to a recalled partner lead', () => {
    expectSdrPath(decide(partnerLead({ campaign: campaign({ MDF_Funding__c: 'Yes' }), person: { Partner_Recalled__c: true } })));
  });

  it('does not apply when the recall date is set with the flag false', () => {
    expectSdrPath(decide(partnerLead({ campaign: campaign({ MDF_Funding__c: 'Yes' }), person: { Partner_Recalled_Date__c: '2025-01-01T00:00:00.000Z' } })));
  });

  it('does not apply without a partner account', () => {
    expectSdrPath(decide(makeContext({ campaign: campaign({ MDF_Funding__c: 'Yes' }) })));
  });

  it('is skipped, not an error, when the touch has no campaign', () => {
    expectSdrPath(decide(partnerLead()));
  });
});

describe('rule 3: joint partner campaign', () => {
  const joint = campaign({ Name: 'Joint Roadshow', Channel_Partner_Involved__c: 'Yes' });

  it('sends an engaged, not actively worked partner lead to the Partner Queue with the prospect statuses', () => {
    expectPartnerQueue(decide(partnerLead({ campaign: joint, campaignMember: member('Attended') })), PROSPECT_SHARE);
  });

  // The handbook: "False, then Traction assigns to appropriate SDR": an actively worked person is past MQL, so the
  // SDR path's owner choice applies without its MQL gate (not the Inquiry Queue).
  it.each(['Accepted', 'Qualifying', 'Qualified'])('goes to the appropriate SDR (not the Inquiry Queue) when the person is already %s', (Status) => {
    const decision = decide(partnerLead({ campaign: joint, campaignMember: member('Attended'), person: { Status } }));
    expectSdrPath(decision, 'hasAccountBdr');
    expect(decision.path.find((s) => s.node === 'isActivelyWorked')?.result).toBe(true);
    expect(decision.path.map((s) => s.node)).not.toContain('isMql');
    expect(decision.owner).toEqual(AMER_SDR);
  });

  it('goes to the appropriate SDR when the person is being sequenced', () => {
    const decision = decide(partnerLead({ campaign: joint, campaignMember: member('Attended'), person: { Actively_Being_Sequenced__c: true } }));
    expectSdrPath(decision, 'hasAccountBdr');
    expect(decision.owner).toEqual(AMER_SDR);
  });

  it('honours a recall, as rules 1 and 2 do: a recalled person goes to the SDR path', () => {
    expectSdrPath(decide(partnerLead({ campaign: joint, campaignMember: member('Attended'), person: { Partner_Recalled__c: true } })));
    expectSdrPath(decide(partnerLead({ campaign: joint, campaignMember: member('Attended'), person: { Partner_Recalled_Date__c: '2026-01-05T09:00:00.000+0000' } })));
  });

  it.each(['Sent', 'Registered', 'No Show'])('goes to the SDR path when the member status %j is not a partner engagement status', (Status) => {
    expectSdrPath(decide(partnerLead({ campaign: joint, campaignMember: member(Status) })));
  });

  it('goes to the SDR path when no channel partner is involved', () => {
    expectSdrPath(decide(partnerLead({ campaign: campaign({ Channel_Partner_Involved__c: 'No' }), campaignMember: member('Attended') })));
  });

  it('goes to the SDR path without a partner account', () => {
    expectSdrPath(decide(makeContext({ campaign: joint, campaignMember: member('Attended') })));
  });

  it('is skipped, not an error, when the campaign has no member record in the context', () => {
    expectSdrPath(decide(partnerLead({ campaign: joint })));
  });
});

describe('rule 4: alliance partners', () => {
  it.each([
    ['a partner sponsored event', { person: sponsoredEvent }],
    ['an MDF campaign', { campaign: campaign({ MDF_Funding__c: 'Yes' }) }],
    ['a joint campaign', { campaign: campaign({ Channel_Partner_Involved__c: 'Yes' }), campaignMember: member('Attended') }],
  ])('sends an alliance partner lead of %s to the SDR path, never the Partner Queue', (_, parts) => {
    const decision = decide(partnerLead(parts, ALLIANCE_PARTNER));
    expectSdrPath(decision);
    expect(decision.owner).toEqual(AMER_SDR);
  });
});

describe('rule 5: inbound engagement exception', () => {
  const ownedByAe = { OwnerId: '005000000000X01' };

  it('keeps the user owner of a person who engages again, whatever the partner rules say', () => {
    const decision = decide(partnerLead({ trigger: 'engagement', person: { ...sponsoredEvent, ...ownedByAe } }));
    expect(decision.owner).toEqual({ kind: 'user', id: '005000000000X01', name: 'Xena EMEA-AE' });
    expect(decision.sharePrm).toBe(false);
    expect(decision.fieldUpdates).toEqual({});
  });

  it('routes a person owned by a queue who engages again through the partner rules', () => {
    expectPartnerQueue(decide(partnerLead({ trigger: 'engagement', person: { ...sponsoredEvent, OwnerId: '00G000000000I01' } })), PARTNER_SHARE);
  });

  it('does not apply to a new person (trigger "new")', () => {
    expectPartnerQueue(decide(partnerLead({ trigger: 'new', person: { ...sponsoredEvent, ...ownedByAe } })), PARTNER_SHARE);
  });

  it('routes normally when the owner who would keep the person is inactive', () => {
    const decision = decide(partnerLead({ trigger: 'engagement', person: { ...sponsoredEvent, OwnerId: '005000000000X03' } }));
    expectPartnerQueue(decision, PARTNER_SHARE);
    expect(decision.path.find((s) => s.node === 'keepEngagedOwner')?.detail).toContain('is inactive');
  });

  it('keeps the rep who created a sales-created lead, even a partner one', () => {
    const decision = decide(partnerLead({ person: { ...sponsoredEvent, isSalesCreated: true, OwnerId: '005000000000X02' } }));
    expect(decision.owner).toEqual({ kind: 'user', id: '005000000000X02', name: 'Rex AMER-AE (rep)' });
    expect(decision.sharePrm).toBe(false);
  });
});

describe('rule 6: SDR path', () => {
  const apjAccount = { Id: '001000000000A01', Name: 'Tokyo KK', BillingCountryCode: 'JP', BDR__c: '005000000000B01', Actively_Working__c: false, OwnerId: '005000000000X01' };
  const emeaAccount = { Id: '001000000000A02', Name: 'Berlin GmbH', BillingCountryCode: 'DE', BDR__c: null, Actively_Working__c: true, OwnerId: '005000000000X01' };

  it("sends an MQL matched to an APJ account with a BDR to that BDR", () => {
    expect(decide(makeContext({ person: { CountryCode: 'JP' }, account: apjAccount })).owner).toEqual({ kind: 'user', id: '005000000000B01', name: 'Bo APJ-BDR' });
  });

  it('sends an MQL matched to an actively worked EMEA account to the account owner', () => {
    expect(decide(makeContext({ person: { CountryCode: 'DE' }, account: emeaAccount })).owner).toEqual({ kind: 'user', id: '005000000000X01', name: 'Xena EMEA-AE' });
  });

  it('round-robins an MQL matched to an account that is neither, among the SDRs of its region', () => {
    expect(decide(makeContext({ person: { CountryCode: 'DE' }, account: { ...emeaAccount, Actively_Working__c: false } })).owner).toEqual(EMEA_SDR);
  });

  it('round-robins an MQL without an account among the active SDRs of its region', () => {
    expect(decide(makeContext({ person: { CountryCode: 'FR' } })).owner).toEqual(EMEA_SDR);
    expect(decide(makeContext({ person: { CountryCode: 'AU' } })).owner.id).toBe('005000000000J01');
  });

  it('sends a non-MQL to the Inquiry Queue, even one matched to an account with a BDR', () => {
    expect(decide(makeContext({ person: { Status: 'Inquiry', CountryCode: 'JP' }, account: apjAccount })).owner).toEqual(INQUIRY_QUEUE);
  });

  it('round-robins when the BDR is inactive', () => {
    const users = makeContext().users.map((u) => (u.Id === '005000000000B01' ? { ...u, IsActive: false } : u));
    expect(decide(makeContext({ person: { CountryCode: 'JP' }, account: apjAccount, users })).owner.id).toBe('005000000000J01');
  });

  it('round-robins when the actively worked account is owned by a user without a sales role (an integration)', () => {
    const users = [...makeContext().users, { Id: '005000000000I01', Name: 'Integration User', IsActive: true, Role__c: null, Region__c: null, Out_Of_Office__c: false }];
    const decision = decide(makeContext({ person: { CountryCode: 'DE' }, account: { ...emeaAccount, OwnerId: '005000000000I01' }, users }));
    expect(decision.owner).toEqual(EMEA_SDR);
    expect(decision.path.find((s) => s.node === 'assignAccountOwner')?.detail).toContain('is "Integration User", who has no sales role');
  });

  it('sends an MQL whose country has no region to the Inquiry Queue, saying why', () => {
    const decision = decide(makeContext({ person: { CountryCode: 'ZZ' } }));
    expect(decision.owner).toEqual(INQUIRY_QUEUE);
    expect(decision.path.find((s) => s.node === 'assignSdrRoundRobin')?.detail).toMatchInlineSnapshot(
      `"cannot assign to round robin: SDR in $person.region: the person has no region (CountryCode "ZZ" is not a recognized country); falling back to "assignInquiryQueue""`,
    );
  });
});

describe('rule 7: reassignment on re-run', () => {
  const rerun = { trigger: 'rerun' as const };
  const movedToGermany = { CountryCode: 'DE', Rerun_Routing__c: true, OwnerId: '005000000000A01' };

  it('re-runs round robin for the new region of an MQL, and clears Rerun_Routing__c', () => {
    const decision = decide(makeContext({ ...rerun, person: movedToGermany }));
    expect(decision.owner).toEqual(EMEA_SDR);
    expect(decision.fieldUpdates).toEqual({ Rerun_Routing__c: false });
  });

  it('keeps the current owner of a high-priority lead', () => {
    const decision = decide(makeContext({ ...rerun, person: { ...movedToGermany, High_Priority__c: true } }));
    expect(decision.owner).toEqual(AMER_SDR);
    expect(decision.fieldUpdates).toEqual({ Rerun_Routing__c: false });
  });

  it('keeps the current owner of a non-MQL', () => {
    expect(decide(makeContext({ ...rerun, person: { ...movedToGermany, Status: 'Inquiry' } })).owner).toEqual(AMER_SDR);
  });

  it('keeps the current owner when the account has a BDR or is actively worked', () => {
    const account = { Id: '001000000000A03', Name: 'Acme', BDR__c: '005000000000B01', Actively_Working__c: false };
    expect(decide(makeContext({ ...rerun, person: movedToGermany, account })).owner).toEqual(AMER_SDR);
    expect(decide(makeContext({ ...rerun, person: movedToGermany, account: { ...account, BDR__c: null, Actively_Working__c: true } })).owner).toEqual(AMER_SDR);
  });

  it('does not re-route partner leads through the partner rules', () => {
    const decision = decide(partnerLead({ ...rerun, person: { ...movedToGermany, ...sponsoredEvent } }));
    expect(decision.owner).toEqual(EMEA_SDR);
    expect(decision.sharePrm).toBe(false);
  });
});

describe('a context missing data', () => {
  it('is a decision with a reason, not an exception', () => {
    const context = makeContext({ person: { Impartner_Partner_Account__c: '001000000000P01' } });
    const decision = route(graph, context, { 'SDR:AMER': { '005000000000A01': 1 } });
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.reason).toMatchInlineSnapshot(
      `"condition "isAlliancePartner" could not be decided: the test "partnerAccount.Partner_Type__c" needs the partnerAccount, and the routing context has none. Add the record to the context, or guard the test with "partnerAccount.Id is not empty""`,
    );
    expect(decision.roundRobin).toEqual({ 'SDR:AMER': { '005000000000A01': 1 } });
    expect(decision.path.at(-1)?.node).toBe('isAlliancePartner');
  });
});
