import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, LeadsimError } from '../../src/core/errors.ts';
import { GRAPH_JSON_SCHEMA_PATH, graphJsonSchema } from '../../src/routing/graphJsonSchema.ts';
import { DEFAULT_GRAPH_PATH, loadDefaultGraph, loadGraph } from '../../src/routing/loadGraph.ts';

const dir = mkdtempSync(join(tmpdir(), 'leadsim-graph-'));

describe('graph files', () => {
  it('the committed JSON Schema is up to date (regenerate: npm run schemas)', () => {
    expect(readFileSync(GRAPH_JSON_SCHEMA_PATH, 'utf8')).toBe(graphJsonSchema());
  });

  it('the default graph points editors at the JSON Schema', () => {
    const json = JSON.parse(readFileSync(DEFAULT_GRAPH_PATH, 'utf8')) as Record<string, unknown>;
    expect(json['$schema']).toBe('./graph.schema.json');
  });

  it('loads the default graph once, frozen', () => {
    const graph = loadDefaultGraph();
    expect(loadDefaultGraph()).toBe(graph);
    expect(Object.isFrozen(graph.nodes)).toBe(true);
    expect(graph.start).toBe('isRerun');
  });

  it('throws FILE_NOT_FOUND with the path for a missing file', () => {
    const missing = join(dir, 'missing.json');
    expect(() => loadGraph(missing)).toThrow(LeadsimError);
    expect(() => loadGraph(missing)).toThrow(`Failed to read routing graph "${missing}": the file does not exist. Check the path.`);
  });

  it('throws INVALID_GRAPH listing every problem for bad JSON or a bad graph', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"version": 1,');
    const error = (() => {
      try {
        loadGraph(file);
      } catch (e) {
        return e;
      }
    })() as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.code).toBe('INVALID_GRAPH');
    expect(error.message.replaceAll(dir, 'DIR')).toMatch(/^Failed to load routing graph "DIR\/broken.json": 1 problem found\.\n  DIR\/broken.json \$: invalid JSON: .+\(expected a JSON object\)\nFix the graph, then check it with "leadsim graph lint DIR\/broken.json"\.$/);

    writeFileSync(file, JSON.stringify({ version: 1, name: 'x', start: 'a', settings: { partnerEngagementStatuses: [] }, nodes: { a: { kind: 'end' } } }));
    expect(() => loadGraph(file)).toThrow('node "a": a path reaches this end without an owner: a');
  });
});
