import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureGraph } from '../../src/cli/commands/graph.ts';
import { DEFAULT_GRAPH_PATH } from '../../src/routing/loadGraph.ts';

const dir = mkdtempSync(join(tmpdir(), 'leadsim-graph-cli-'));

/** Runs `leadsim graph ...` with the graph commands only; returns the exit code and what went to stdout. */
async function run(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  let code = 0;
  const program = new Command('leadsim').exitOverride();
  configureGraph(program.command('graph'), {
    setExit: (c) => {
      code = c;
    },
  });
  try {
    await program.parseAsync(['graph', ...args], { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  return { code, out: out.replaceAll(dir, 'DIR') };
}

afterEach(() => vi.restoreAllMocks());

function writeEdited(name: string, edit: (graph: Record<string, any>) => void): string {
  const graph = JSON.parse(readFileSync(DEFAULT_GRAPH_PATH, 'utf8')) as Record<string, any>;
  edit(graph);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(graph, null, 2));
  return file;
}

describe('leadsim graph', () => {
  it('lint exits 0 for the default graph', async () => {
    const { code, out } = await run('lint', DEFAULT_GRAPH_PATH);
    expect(code).toBe(0);
    expect(out).toContain('valid routing graph "default" (28 nodes)');
  });

  it('lint exits 2 and prints one line per problem as FILE $.path: message', async () => {
    const file = writeEdited('bad.json', (g) => {
      g.nodes.isMql.test.field = 'person.Stage';
      g.nodes.assignInquiryQueue.next = 'finish';
    });
    const { code, out } = await run('lint', file);
    expect(code).toBe(2);
    expect(out).toMatchInlineSnapshot(`
      "DIR/bad.json $.nodes.isMql.test.field: node "isMql": unknown field "Stage" on Lead (person) (expected a Lead field API name or a derived fact (region, ownerIsUser, isSalesCreated), got "Stage")
      DIR/bad.json $.nodes.assignInquiryQueue.next: node "assignInquiryQueue": unknown node "finish" (expected a node id under $.nodes (isRerun, clearRerunFlag, isRerunEligible, isRerunAccountOwned, rerunRoundRobin, keepOwnerOnRerun, isSalesCreated, keepSalesRep, ...), got "finish")
      2 problems in DIR/bad.json
      "
    `);
  });

  it('lint of a missing file fails with FILE_NOT_FOUND (the CLI exits 2)', async () => {
    await expect(run('lint', join(dir, 'nope.json'))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });

  it('diff prints the changes node by node, or JSON', async () => {
    const file = writeEdited('candidate.json', (g) => {
      g.nodes.isAlliancePartner.test.value = 'Distributor';
    });
    const text = await run('diff', DEFAULT_GRAPH_PATH, file);
    expect(text.code).toBe(0);
    expect(text.out).toBe('~ isAlliancePartner: condition changed: partnerAccount.Partner_Type__c = "Alliance" → partnerAccount.Partner_Type__c = "Distributor"\n');
    const json = await run('diff', DEFAULT_GRAPH_PATH, file, '--json');
    expect(JSON.parse(json.out)).toEqual([
      {
        change: 'changed',
        node: 'isAlliancePartner',
        aspect: 'condition',
        before: 'partnerAccount.Partner_Type__c = "Alliance"',
        after: 'partnerAccount.Partner_Type__c = "Distributor"',
      },
    ]);
  });

  it('diff refuses an invalid graph with an INVALID_GRAPH error', async () => {
    const file = writeEdited('invalid.json', (g) => {
      g.start = 'nowhere';
    });
    await expect(run('diff', DEFAULT_GRAPH_PATH, file)).rejects.toMatchObject({ code: 'INVALID_GRAPH' });
  });

  it('show prints a Mermaid flowchart, or writes it with --out', async () => {
    const shown = await run('show', DEFAULT_GRAPH_PATH);
    expect(shown.out.startsWith('flowchart TD\n  isRerun{')).toBe(true);
    const out = join(dir, 'default.mmd');
    const written = await run('show', DEFAULT_GRAPH_PATH, '--out', out);
    expect(written.out).toBe('wrote DIR/default.mmd\n');
    expect(readFileSync(out, 'utf8')).toBe(shown.out);
  });
});
