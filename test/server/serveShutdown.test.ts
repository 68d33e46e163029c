import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDefaultGraph } from '../../src/routing/loadGraph.ts';
import { readServeState } from '../../src/server/serveState.ts';
import { startServe, type RunningServe } from '../../src/server/startServe.ts';
import { runCli, startCli } from '../cli/runCli.ts';

const dir = mkdtempSync(join(tmpdir(), 'leadsim-shutdown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const chat = (i: number) => ({ type: 'conversation.lead_captured', data: { conversationId: i, contact: { email: `queued.${i}@fresh-domain.example`, name: `Queued ${i}` } } });

/** Posts `n` chat events to a serve's intake, 50 at a time; returns how many it accepted (202). */
async function post(intakeUrl: string, n: number, from = 0): Promise<number> {
  let accepted = 0;
  for (let i = from; i < from + n; i += 50) {
    const batch = Array.from({ length: Math.min(50, from + n - i) }, (_, k) =>
      fetch(intakeUrl.replace('{entryPoint}', 'chat'), { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `q-${i + k}` }, body: JSON.stringify(chat(i + k)) }),
    );
    for (const r of await Promise.all(batch)) if (r.status === 202) accepted += 1;
  }
  return accepted;
}

describe('serve shuts down without dropping what it accepted', () => {
  it('saves 1,000 accepted, unprocessed events to a state file, and the next start processes each exactly once', async () => {
    const graph = loadDefaultGraph();
    // The pipeline never polls the intake here: every accepted event is still queued at shutdown.
    const first: RunningServe = await startServe({ seed: 5, graph, clock: 'manual', pollMs: 3_600_000 });
    expect(await post(first.info.intake.url, 1_000)).toBe(1_000);
    const file = join(dir, 'queued.state');
    const stopped = await first.shutdown({ statePath: file, drainMs: 0 });
    expect(stopped).toEqual({ done: 0, queued: 1_000, parked: 0, savedTo: file });

    const state = readServeState(file)!;
    const second = await startServe({ seed: 99, graph, clock: 'manual', pollMs: 3_600_000, state });
    expect(second.info.seed).toBe(5);
    const finished = await second.shutdown({ drainMs: 60_000 });
    expect(finished).toEqual({ done: 1_000, queued: 0, parked: 0 });
    expect(second.session.traces.map((t) => t.eventId)).toEqual(Array.from({ length: 1_000 }, (_, i) => `chat:q-${i}`));
    expect((await second.session.invariants()).ok).toBe(true);
  }, 180_000);

  it('without --state, what is left unfinished goes to a temp file the report names', async () => {
    const serve = await startServe({ seed: 6, graph: loadDefaultGraph(), clock: 'manual', pollMs: 3_600_000 });
    await post(serve.info.intake.url, 3);
    const report = await serve.shutdown({ drainMs: 0 });
    expect(report).toMatchObject({ done: 0, queued: 3, parked: 0, savedTo: expect.stringMatching(/leadsim-serve-6-\d+\.state$/) });
    expect(readServeState(report.savedTo!)?.world.intake.queue).toHaveLength(3);
    rmSync(report.savedTo!);
  });

  it('on SIGTERM the CLI drains the events it accepted, saves --state and exits 0; the next start resumes the world', async () => {
    const file = join(dir, 'cli.state');
    const { firstLine, child } = await startCli(['serve', '--seed', '7', '--clock', 'manual', '--state', file]);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const info = JSON.parse(firstLine) as { intake: { url: string }; admin: { url: string } };
    expect(await post(info.intake.url, 300)).toBe(300);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/stopped: 300 events processed, none left; state saved to .*cli\.state/);

    const again = await startCli(['serve', '--clock', 'manual', '--state', file]);
    try {
      const resumed = JSON.parse(again.firstLine) as { admin: { url: string }; seed: number };
      expect(resumed.seed).toBe(7);
      const traces = (await (await fetch(`${resumed.admin.url}/traces`)).json()) as { traces: { eventId: string }[] };
      expect(new Set(traces.traces.map((t) => t.eventId)).size).toBe(300);
      const report = (await (await fetch(`${resumed.admin.url}/invariants`)).json()) as { ok: boolean };
      expect(report.ok).toBe(true);
    } finally {
      const done = new Promise<number | null>((resolve) => again.child.once('exit', (code) => resolve(code)));
      again.child.kill('SIGTERM');
      expect(await done).toBe(0);
    }
  }, 300_000);

  it('on SIGTERM with 1,000 accepted events it cannot finish, the CLI exits 1 and saves them; the next start finishes them', async () => {
    const file = join(dir, 'unfinished.state');
    const { firstLine, child } = await startCli(['serve', '--seed', '8', '--clock', 'manual', '--drain-timeout', '1', '--state', file]);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const info = JSON.parse(firstLine) as { intake: { url: string }; admin: { url: string } };
    // One Salesforce call a day: the pipeline can finish no event, so each one it takes parks.
    const patch = await fetch(`${info.admin.url}/limits`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ salesforce: { requestsPer24h: 1 } }) });
    expect(patch.status).toBe(200);
    expect(await post(info.intake.url, 1_000)).toBe(1_000);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(1);
    const stopped = /stopped: 0 events processed, (\d+) accepted and not processed, (\d+) still parked; state saved to .*unfinished\.state/.exec(stderr);
    expect(stopped, stderr).not.toBeNull();
    expect(Number(stopped![1]) + Number(stopped![2])).toBe(1_000);
    const saved = readServeState(file)!;
    expect(saved.world.intake.queue.length + saved.traces.filter((t) => t.outcome?.kind === 'parked').length).toBe(1_000);

    const again = await startCli(['serve', '--clock', 'manual', '--state', file]);
    let again2 = '';
    again.child.stderr!.on('data', (d: Buffer) => (again2 += d.toString()));
    const resumed = JSON.parse(again.firstLine) as { admin: { url: string } };
    await fetch(`${resumed.admin.url}/limits`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ salesforce: { requestsPer24h: 1_000_000 } }) });
    const done = new Promise<number | null>((resolve) => again.child.once('exit', (code) => resolve(code)));
    again.child.kill('SIGTERM');
    expect(await done).toBe(0);
    expect(again2).toMatch(/stopped: 1000 events processed, none left/);
    const state = readServeState(file)!;
    expect(new Set(state.traces.map((t) => t.eventId)).size).toBe(1_000);
    expect(state.world.intake.queue).toEqual([]);
  }, 600_000);

  it('refuses a file that is not a serve state with exit 2, naming it', () => {
    const bad = join(dir, 'not-a-state.json');
    writeFileSync(bad, '{"hello": 1}');
    const result = runCli(['serve', '--state', bad]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`Failed to resume from the serve state "${bad}"`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
