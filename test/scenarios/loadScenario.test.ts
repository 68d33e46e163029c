import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GRAPH_PATH } from '../../src/routing/loadGraph.ts';
import { InputError, LeadsimError } from '../../src/core/errors.ts';
import { loadScenario } from '../../src/scenarios/loadScenario.ts';
import { tempDir, writeJson } from './cliHarness.ts';

const dir = tempDir('load');

const ORG = {
  users: [{ key: 'sdr-1', FirstName: 'Avery', LastName: 'Stone', Email: 'avery@leadsim-corp.test', Region__c: 'AMER', Role__c: 'SDR' }],
  campaigns: [{ key: 'demo', Name: 'Website - Demo Request', Type: 'Content', offerType: 'Demo - 1:1' }],
};
const WEB_FORM = { formId: 1, leadFormFields: { email: 'jo@example.com', lastName: 'Jo', country: 'US', offerType: 'Demo - 1:1' }, programName: 'Website - Demo Request' };

/** A valid scenario, edited by `edit`. */
function scenario(edit: (s: Record<string, any>) => void = () => {}): Record<string, any> {
  const s: Record<string, any> = { version: 1, name: 'test', seed: 1, org: structuredClone(ORG), events: [{ at: '+1m', kind: 'inbound', id: 'e1', person: 'jo', entryPoint: 'web-form', payload: structuredClone(WEB_FORM) }], expect: { jo: { owner: 'sdr-1' } } };
  edit(s);
  return s;
}

/** The error loading `value` throws, with the temp folder replaced by DIR. */
function loadError(value: unknown): InputError {
  const file = writeJson(dir, 'scenario.json', value);
  try {
    loadScenario(file);
  } catch (error) {
    if (error instanceof InputError) {
      Object.defineProperty(error, 'message', { value: error.message.replaceAll(dir, 'DIR') });
      return error;
    }
    throw error;
  }
  throw new Error('expected loadScenario to throw');
}

describe('loading a scenario', () => {
  it('loads a valid scenario, events in time order', () => {
    const loaded = loadScenario(writeJson(dir, 'ok.json', scenario((s) => s.events.unshift({ at: '+5m', kind: 'recall', person: 'jo' }))));
    expect(loaded.events.map((e) => [e.event.kind, e.time - loaded.start])).toEqual([
      ['inbound', 60_000],
      ['recall', 300_000],
    ]);
  });

  it('names the file, the JSON path, what was expected and what was found for an unknown entry point', () => {
    const error = loadError(scenario((s) => (s.events[0].entryPoint = 'fax')));
    expect(error.code).toBe('INVALID_SCENARIO');
    expect(error.message).toMatchInlineSnapshot(`
      "Failed to load scenario "DIR/scenario.json": 1 problem found.
        DIR/scenario.json $.events[0].entryPoint: unknown entry point (expected one of web-form, chat, ad-vendor, list-upload, sales-created, partner-portal, trial-sign-up, got "fax")
      Fix the scenario (editors check it against scenarios/scenario.schema.json), then run "leadsim replay" on it again."
    `);
  });

  it('reports a payload field that does not fit at its path inside the payload', () => {
    const error = loadError(scenario((s) => (s.events[0].payload.formId = 'one')));
    expect(error.issues.map((i) => i.path)).toEqual([['events', 0, 'payload', 'formId']]);
    expect(error.message).toMatchInlineSnapshot(`
      "Failed to load scenario "DIR/scenario.json": 1 problem found.
        DIR/scenario.json $.events[0].payload.formId: Invalid input: expected number, received string (got "one")
      Fix the scenario (editors check it against scenarios/scenario.schema.json), then run "leadsim replay" on it again."
    `);
  });

  it('refuses a field that is not in the schema, and a CRM field that does not exist', () => {
    const error = loadError(
      scenario((s) => {
        s.colour = 'blue';
        s.events.push({ kind: 'repEdit', person: 'jo', fields: { Favourite_Colour__c: 'blue' } });
      }),
    );
    expect(error.message).toMatchInlineSnapshot(`
      "Failed to load scenario "DIR/scenario.json": 1 problem found.
        DIR/scenario.json $.colour: field "colour" is not in the scenario format (expected only the fields scenarios/scenario.schema.json lists here, got "colour")
      Fix the scenario (editors check it against scenarios/scenario.schema.json), then run "leadsim replay" on it again."
    `);
    const error2 = loadError(scenario((s) => s.events.push({ kind: 'repEdit', person: 'jo', fields: { Favourite_Colour__c: 'blue', CreatedDate: 'x' } })));
    expect(error2.message).toMatchInlineSnapshot(`
      "Failed to load scenario "DIR/scenario.json": 2 problems found.
        DIR/scenario.json $.events[1].fields.Favourite_Colour__c: unknown field "Favourite_Colour__c" on Lead and Contact (expected a Lead or Contact field API name (src/systems/crm/schema.ts), e.g. "Status", "OwnerId", "Partner_Share_Status__c", got "Favourite_Colour__c")
        DIR/scenario.json $.events[1].fields.CreatedDate: field "CreatedDate" is read-only (expected a field a rep can edit, got "CreatedDate")
      Fix the scenario (editors check it against scenarios/scenario.schema.json), then run "leadsim replay" on it again."
    `);
  });

  it('refuses keys that name nothing in the org: people, users, campaigns, @refs in payloads, queues', () => {
    const error = loadError(
      scenario((s) => {
        s.events.push({ kind: 'memberStatus', person: 'ghost', campaign: 'nope', status: 'Attended', as: 'nobody' });
        s.events[0].payload.leadFormFields.company = '@account:missing';
        s.expect.jo.owner = 'queue:Nowhere';
      }),
    );
    expect(error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'events.0.payload.leadFormFields.company: unknown account key',
      'events.1.as: unknown user key',
      'events.1.person: unknown person key',
      'events.1.campaign: unknown campaign key',
      'expect.jo.owner: unknown queue key',
    ]);
  });

  it('says how to upgrade a file without a version or with version 0', () => {
    const error = loadError(scenario((s) => delete s.version));
    expect(error.code).toBe('UNSUPPORTED_VERSION');
    expect(error.message).toMatchInlineSnapshot(`
      "Failed to load scenario "DIR/scenario.json": 1 problem found.
        DIR/scenario.json $.version: no version: a scenario written before format version 1 (expected 1, got nothing)
      Upgrade it: set "version": 1 (and "$schema": "./scenario.schema.json" for editor checks), then run "leadsim replay DIR/scenario.json": it lists, by JSON path, anything else that no longer fits."
    `);
    expect(loadError(scenario((s) => (s.version = 0))).message).toContain('format version 0');
  });

  it('says to upgrade leadsim for a file from a newer version', () => {
    const error = loadError(scenario((s) => (s.version = 2)));
    expect(error.message).toMatchInlineSnapshot(`
      "Failed to load scenario "DIR/scenario.json": 1 problem found.
        DIR/scenario.json $.version: the file was written by a newer leadsim (expected at most 1, got 2)
      Upgrade leadsim (npm install leadsim@latest) to read it."
    `);
  });

  it('reports malformed JSON, bad times and duplicate event ids', () => {
    expect(loadError('{"version": 1,').message).toMatch(/^Failed to load scenario "DIR\/scenario.json": 1 problem found\.\n  DIR\/scenario.json \$: invalid JSON: /);
    const error = loadError(
      scenario((s) => {
        s.events[0].at = 'soon';
        s.events.push({ ...s.events[0], at: '2020-01-01T00:00:00Z' });
      }),
    );
    expect(error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['events.0.at: unreadable event time', 'events.1.at: event time before the scenario starts', 'events.1.id: duplicate inbound event id']);
  });

  it('reads the graph from a path relative to the file, or inline, and reports a bad one at $.graph', () => {
    const graph = JSON.parse(readFileSync(DEFAULT_GRAPH_PATH, 'utf8')) as Record<string, any>;
    graph.name = 'mine';
    writeJson(dir, 'mine.graph.json', graph);
    expect(loadScenario(writeJson(dir, 'rel.json', scenario((s) => (s.graph = './mine.graph.json')))).graph?.name).toBe('mine');
    expect(loadScenario(writeJson(dir, 'inline.json', scenario((s) => (s.graph = graph)))).graph?.name).toBe('mine');
    expect(loadError(scenario((s) => (s.graph = './nope.json'))).issues.map((i) => [i.path, i.message])).toEqual([[['graph'], 'the graph file does not exist']]);
    const broken = { ...graph, start: 'nowhere' };
    expect(loadError(scenario((s) => (s.graph = broken))).issues[0]!.path[0]).toBe('graph');
  });

  it('throws FILE_NOT_FOUND for a missing file', () => {
    expect(() => loadScenario(`${dir}/missing.json`)).toThrow(LeadsimError);
    expect(() => loadScenario(`${dir}/missing.json`)).toThrow('the file does not exist. Check the path.');
  });
});
