import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { DEFAULT_GRAPH_PATH } from '../../src/routing/loadGraph.ts';

/** A fresh temporary folder. */
export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `leadsim-${label}-`));
}

/** Runs the real CLI (`main`) and returns the exit code and what went to stdout and stderr. */
export async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/** Writes a copy of the default graph edited by `edit` to `dir/name`. */
export function writeEditedGraph(dir: string, name: string, edit: (graph: Record<string, any>) => void): string {
  const graph = JSON.parse(readFileSync(DEFAULT_GRAPH_PATH, 'utf8')) as Record<string, any>;
  edit(graph);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(graph, null, 2));
  return file;
}

/** The default graph without rule 1 (partner sponsored events): what the diff must catch. */
export function withoutRule1(graph: Record<string, any>): void {
  graph['name'] = 'without-rule-1';
  delete graph['nodes'].isPartnerSponsoredEvent;
  delete graph['nodes'].setPartnerShareStatus;
  graph['nodes'].isAlliancePartner.else = 'isMdfOrTrialCampaign';
}

/** Writes `value` as JSON to `dir/name` and returns the path. */
export function writeJson(dir: string, name: string, value: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
}
