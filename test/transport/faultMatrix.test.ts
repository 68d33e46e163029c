import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { checkInvariants } from '../../src/invariants/checkInvariants.ts';
import { createHarness, type LeadsimHarness } from '../../src/simulation/createHarness.ts';
import { restAsRep } from '../../src/simulation/repActions.ts';
import { simulate } from '../../src/simulation/simulate.ts';
import { TRANSPORT_KINDS, type TransportKind } from '../../src/transport/transport.ts';
import { IMPARTNER_KEY } from '../../src/world/credentials.ts';

const FAULT_KINDS = ['serverError', 'rateLimit', 'timeout', 'lostResponse'] as const;
type FaultKind = (typeof FAULT_KINDS)[number];

/** One request to each system, as a client would see the answer: type, status and body (nothing rejects). */
async function answers(h: LeadsimHarness): Promise<unknown[]> {
  const o = h.transport.origins;
  const requests = [
    new Request(`${o.salesforce}/services/data/v62.0/sobjects/Account`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${h.world.salesforceToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ Name: 'Matrix Inc' }),
    }),
    new Request(`${o.marketo}/rest/v1/leads.json?filterType=email&filterValues=a@b.example`),
    new Request(`${o.impartner}/api/objects/v1/Account?take=1`, { headers: { Authorization: `prm-key ${IMPARTNER_KEY.apiKey}`, 'X-PRM-TenantId': IMPARTNER_KEY.tenantId } }),
  ];
  const out: unknown[] = [];
  for (const request of requests) {
    const response = await h.transport.send(request);
    out.push({ type: response.type === 'error' ? 'error' : 'answered', status: response.status, body: response.type === 'error' ? null : await response.text() });
  }
  return out;
}

describe('every fault kind behaves the same on dispatch, msw and loopback', () => {
  const cases = FAULT_KINDS.flatMap((kind) => TRANSPORT_KINDS.map((transport) => [kind, transport] as [FaultKind, TransportKind]));
  const seen = new Map<FaultKind, unknown[]>();

  test.each(cases)('%s on %s: the same answers, never a rejected promise, a lost write still applied', async (kind, transport) => {
    const h = await createHarness({ seed: 1, transport, faults: { [kind]: 1 } });
    try {
      const accounts = [...h.world.crm.records('Account')].length;
      const got = await answers(h);
      if (kind === 'timeout' || kind === 'lostResponse') expect(got.map((a) => (a as { type: string }).type)).toEqual(['error', 'error', 'error']);
      else expect(got.map((a) => (a as { status: number }).status)).toEqual(kind === 'serverError' ? [503, 200, 503] : [403, 200, 429]);
      expect([...h.world.crm.records('Account')].length).toBe(accounts + (kind === 'lostResponse' ? 1 : 0));
      // A rep's REST call that never gets an answer is a failed call, not a crash.
      const rep = await restAsRep(h.world, h.transport, h.world.crm.integrationUserId, 'PATCH', `sobjects/Account/${[...h.world.crm.records('Account')][0]!.Id}`, { Website: 'https://matrix.example' });
      if (kind === 'timeout' || kind === 'lostResponse') expect(rep).toEqual({ ok: false, status: 0, message: 'no response (timeout or connection lost)' });
      if (!seen.has(kind)) seen.set(kind, got);
      expect(got, `${transport} answered ${kind} differently than ${TRANSPORT_KINDS[0]}`).toEqual(seen.get(kind));
    } finally {
      await h.close();
    }
  });

  // The CLI's --fault-rate 0.25: each kind at 25%, so every request is faulted.
  test('a simulation with every request faulted runs to the end on each transport, identically, with every invariant', async () => {
    const faults = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0.25]));
    const fingerprints = new Set<string>();
    for (const transport of TRANSPORT_KINDS) {
      const record = await simulate({ seed: 5, leads: 3, transport, faults });
      expect(checkInvariants(record).violations, transport).toEqual([]);
      fingerprints.add(createHash('sha256').update(JSON.stringify({ traces: record.traces, blocked: record.blocked, faults: record.world.faults?.journal })).digest('hex'));
    }
    expect(fingerprints.size).toBe(1);
  });
});
