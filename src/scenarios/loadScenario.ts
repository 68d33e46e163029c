import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { z } from 'zod';
import { InputError, issuesFromZod, LeadsimError, type InputIssue } from '../core/errors.ts';
import { DEFAULT_EPOCH } from '../core/clock.ts';
import { fileDepthIssue, tooDeepPath } from '../core/jsonDepth.ts';
import { idempotencyKeyIssue, INTAKE_LIMITS } from '../pipeline/intakeLimits.ts';
import { parsePayload } from '../entrypoints/registry.ts';
import { readAssignmentRules } from '../assignmentRules/readAssignmentRules.ts';
import type { Graph } from '../routing/graphSchema.ts';
import { lintGraph } from '../routing/lintGraph.ts';
import { readGraphFile } from '../routing/loadGraph.ts';
import { readInputFile } from '../io/readInputFile.ts';
import { loadOrgSpec } from '../org/loadOrgSpec.ts';
import { orgIssues } from '../org/orgIssues.ts';
import type { CrmSchema } from '../systems/crm/schema.ts';
import { extendSchema } from '../systems/crm/schemaExtension.ts';
import { orgSchemaExtension } from '../org/orgSpec.ts';
import { checkRefs, keysOf, substituteRefs, unknownKeyIssue, type ScenarioKeys } from './orgRef.ts';
import { SCENARIO_EVENT_KINDS, SCENARIO_VERSION, ScenarioSchema, type Scenario, type ScenarioEvent } from './scenarioSchema.ts';
import { resolveEventTime } from './scenarioTime.ts';

/** One event of a loaded scenario with its simulated time and its index in the file's `events`. */
export interface TimedEvent {
  readonly index: number;
  readonly time: number;
  readonly event: ScenarioEvent;
}

/** A scenario file read, checked and ready to run. */
export interface LoadedScenario {
  readonly file: string;
  readonly scenario: Scenario;
  /** Simulated start, epoch ms. */
  readonly start: number;
  /** The events in time order (ties in file order). */
  readonly events: readonly TimedEvent[];
  /** The scenario's own graph, when it names one. */
  readonly graph: Graph | undefined;
  /** The org spec file its `org` names (resolved against the scenario's folder), when it names one. */
  readonly orgFile?: string;
}

const HINT = 'Fix the scenario (editors check it against scenarios/scenario.schema.json), then run "leadsim replay" on it again.';

/**
 * Reads a scenario file and checks everything before anything runs: the version, the format, every payload
 * against its entry point's schema, every key an event or expectation refers to, CRM field names, event times and
 * the graph. Throws an {@link InputError} (code INVALID_SCENARIO or UNSUPPORTED_VERSION) listing every problem
 * with its JSON path, or a {@link LeadsimError} FILE_NOT_FOUND.
 */
export function loadScenario(file: string): LoadedScenario {
  const text = readInputFile(file, 'scenario');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError('INVALID_SCENARIO', { action: 'load scenario', file, issues: [{ path: [], message: `invalid JSON: ${(error as Error).message}`, expected: 'a JSON object' }], hint: HINT });
  }
  return checkScenario(json, file);
}

/** {@link loadScenario} for a value already parsed from JSON; `file` names it in errors and anchors a relative graph path. */
export function checkScenario(json: unknown, file: string): LoadedScenario {
  const deep = fileDepthIssue(json);
  if (deep) throw new InputError('INVALID_SCENARIO', { action: 'load scenario', file, issues: [deep], hint: HINT });
  checkVersion(json, file);
  const parsed = ScenarioSchema.safeParse(withOrgFile(json, file));
  if (!parsed.success) throw new InputError('INVALID_SCENARIO', { action: 'load scenario', file, issues: formatIssues(parsed.error), hint: HINT });
  const scenario = parsed.data;
  const issues: InputIssue[] = orgIssues(scenario.org).map((issue) => ({ ...issue, path: ['org', ...issue.path] }));
  const start = scenario.start === undefined ? DEFAULT_EPOCH : Date.parse(scenario.start);
  const created = scenario.events.flatMap((e) => (e.kind === 'inbound' && e.person !== undefined ? [e.person] : []));
  const createdCampaigns = scenario.events.flatMap((e) => (e.kind === 'createCampaign' ? [e.campaign.key] : []));
  const keys = keysOf(scenario.org, created, createdCampaigns);
  const ids = new Set<string>();
  const campaignKeys = new Set(scenario.org.campaigns.map((c) => c.key));
  const schema = extendSchema(orgSchemaExtension(scenario.org));
  const events: TimedEvent[] = [];
  let previous = start - 60_000;
  scenario.events.forEach((event, index) => {
    const at = ['events', index] as const;
    const time = resolveEventTime(event.at, start, previous, [...at, 'at']);
    if (!time.ok) issues.push(time.issue);
    else {
      previous = time.time;
      events.push({ index, time: time.time, event });
    }
    issues.push(...checkEvent(event, keys, [...at], file, ids, campaignKeys, schema));
  });
  for (const [person, expectation] of Object.entries(scenario.expect)) {
    const at = ['expect', person];
    const unknown = unknownKeyIssue(keys, 'person', person, at);
    if (unknown) issues.push(unknown);
    if (expectation.owner !== undefined) issues.push(...ownerIssues(expectation.owner, keys, [...at, 'owner']));
    for (const [field, value] of Object.entries(expectation.fields ?? {})) {
      const fieldIssue = personFieldIssue(field, false, [...at, 'fields', field], schema);
      if (fieldIssue) issues.push(fieldIssue);
      issues.push(...checkRefs(value, keys, [...at, 'fields', field]));
    }
  }
  const graph = scenario.graph === undefined ? undefined : loadScenarioGraph(scenario.graph, file, issues);
  const rules = scenarioAssignmentRules(scenario, file, issues);
  if (issues.length > 0) throw new InputError('INVALID_SCENARIO', { action: 'load scenario', file, issues, hint: HINT });
  events.sort((a, b) => a.time - b.time || a.index - b.index);
  const orgFile = orgFileOf(json, file);
  return { file, scenario: rules === undefined ? scenario : { ...scenario, org: { ...scenario.org, assignmentRules: rules } }, start, events, graph, ...(orgFile ? { orgFile } : {}) };
}

/** The org's assignment rules file, resolved against the scenario's folder and read (its problems become issues). */
function scenarioAssignmentRules(scenario: Scenario, file: string, issues: InputIssue[]): string | undefined {
  const named = scenario.org.assignmentRules;
  if (named === undefined) {
    if (scenario.routing === 'assignment-rules') issues.push({ path: ['org', 'assignmentRules'], message: 'routing is "assignment-rules" but the org has no rules', expected: 'a Lead.assignmentRules-meta.xml path relative to the scenario' });
    return undefined;
  }
  const path = resolve(dirname(file), named);
  try {
    readAssignmentRules(path);
  } catch (error) {
    if (!(error instanceof LeadsimError)) throw error;
    issues.push({ path: ['org', 'assignmentRules'], message: error.message.split('\n').join(' '), expected: 'a readable Metadata API assignment rules file', got: JSON.stringify(named) });
  }
  return path;
}

/** zod's issues as input issues; a key the format does not have is reported at its own path. */
function formatIssues(error: z.ZodError): InputIssue[] {
  return error.issues.flatMap((issue, i) => {
    if (issue.code === 'unrecognized_keys') {
      const at = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      return issue.keys.map((key) => ({ path: [...at, key], message: `field "${key}" is not in the scenario format`, expected: 'only the fields scenarios/scenario.schema.json lists here', got: JSON.stringify(key) }));
    }
    if (issue.code === 'invalid_union' && issue.path.at(-1) === 'kind') {
      return [{ path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: 'unknown event kind', expected: `one of ${SCENARIO_EVENT_KINDS.join(', ')}` }];
    }
    return [issuesFromZod(error)[i]!];
  });
}

/**
 * A path a scenario names, as a reader of `file` sees it: an absolute path as written, a relative one joined to the
 * scenario's folder (relative still when `file` is, so reports show it as the user would type it).
 */
export function pathBesideScenario(file: string, path: string): string {
  return isAbsolute(path) ? path : join(dirname(file), path);
}

/** The org spec file a scenario's `org` names, resolved against the scenario's folder. */
function orgFileOf(json: unknown, file: string): string | undefined {
  const org = typeof json === 'object' && json !== null ? (json as Record<string, unknown>)['org'] : undefined;
  return typeof org === 'string' ? pathBesideScenario(file, org) : undefined;
}

/** The scenario with its `org` read from the org spec file it names (a path relative to the scenario), if it names one. */
function withOrgFile(json: unknown, file: string): unknown {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return json;
  const org = (json as Record<string, unknown>)['org'];
  if (typeof org !== 'string') return json;
  try {
    return { ...json, org: loadOrgSpec(resolve(dirname(file), org)) };
  } catch (error) {
    if (!(error instanceof LeadsimError) || error.code !== 'FILE_NOT_FOUND') throw error;
    throw new InputError('INVALID_SCENARIO', { action: 'load scenario', file, issues: [{ path: ['org'], message: `the org spec file ${resolve(dirname(file), org)} does not exist`, expected: 'an org spec, or the path of an org spec file relative to the scenario', got: JSON.stringify(org) }], hint: HINT });
  }
}

function checkVersion(json: unknown, file: string): void {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return;
  const version = (json as Record<string, unknown>)['version'];
  if (version === undefined || version === 0) {
    throw new InputError('UNSUPPORTED_VERSION', {
      action: 'load scenario',
      file,
      issues: [{ path: ['version'], message: version === undefined ? 'no version: a scenario written before format version 1' : 'format version 0 (a pre-release draft)', expected: String(SCENARIO_VERSION), got: version === undefined ? 'nothing' : '0' }],
      hint: `Upgrade it: set "version": ${SCENARIO_VERSION} (and "$schema": "./scenario.schema.json" for editor checks), then run "leadsim replay ${file}": it lists, by JSON path, anything else that no longer fits.`,
    });
  }
  if (typeof version === 'number' && Number.isInteger(version) && version > SCENARIO_VERSION) {
    throw new InputError('UNSUPPORTED_VERSION', {
      action: 'load scenario',
      file,
      issues: [{ path: ['version'], message: 'the file was written by a newer leadsim', expected: `at most ${SCENARIO_VERSION}`, got: String(version) }],
      hint: 'Upgrade leadsim (npm install leadsim@latest) to read it.',
    });
  }
}

function checkEvent(event: ScenarioEvent, keys: ScenarioKeys, at: (string | number)[], file: string, ids: Set<string>, campaignKeys: Set<string>, schema: CrmSchema): InputIssue[] {
  const issues: InputIssue[] = [];
  const as = 'as' in event ? event.as : undefined;
  if (as !== undefined) pushIssue(issues, unknownKeyIssue(keys, 'user', as, [...at, 'as']));
  switch (event.kind) {
    case 'inbound': {
      if (ids.has(event.id)) issues.push({ path: [...at, 'id'], message: 'duplicate inbound event id', expected: 'an id no other inbound event of the scenario has (use "repeat": true to deliver one twice)', got: JSON.stringify(event.id) });
      ids.add(event.id);
      const keyIssue = idempotencyKeyIssue(event.id);
      if (keyIssue) issues.push({ ...keyIssue, path: [...at, 'id'], message: `${keyIssue.message.replace('the Idempotency-Key', 'the id (delivered as the Idempotency-Key)')}` });
      const deep = tooDeepPath(event.payload, INTAKE_LIMITS.maxDepth);
      if (deep) {
        issues.push({ path: [...at, 'payload', ...deep.slice(0, 4)], message: `the payload is nested more than ${INTAKE_LIMITS.maxDepth} levels deep here: the intake refuses it (PAYLOAD_TOO_DEEP)`, expected: `at most ${INTAKE_LIMITS.maxDepth} levels of objects and arrays` });
        return issues;
      }
      const refIssues = checkRefs(event.payload, keys, [...at, 'payload']);
      issues.push(...refIssues);
      if (refIssues.length === 0) {
        const parsed = parsePayload(event.entryPoint, substituteRefs(event.payload), { file, path: [...at, 'payload'] });
        if (!parsed.ok) issues.push(...parsed.error.issues);
      }
      return issues;
    }
    case 'repEdit':
      pushIssue(issues, unknownKeyIssue(keys, 'person', event.person, [...at, 'person']));
      for (const [field, value] of Object.entries(event.fields)) {
        pushIssue(issues, personFieldIssue(field, true, [...at, 'fields', field], schema));
        issues.push(...checkRefs(value, keys, [...at, 'fields', field]));
      }
      return issues;
    case 'memberStatus':
      pushIssue(issues, unknownKeyIssue(keys, 'person', event.person, [...at, 'person']));
      pushIssue(issues, unknownKeyIssue(keys, 'campaign', event.campaign, [...at, 'campaign']));
      return issues;
    case 'countryChange':
    case 'recall':
    case 'convert':
      pushIssue(issues, unknownKeyIssue(keys, 'person', event.person, [...at, 'person']));
      return issues;
    case 'userStatus':
      pushIssue(issues, unknownKeyIssue(keys, 'user', event.user, [...at, 'user']));
      return issues;
    case 'accountBdr':
      pushIssue(issues, unknownKeyIssue(keys, 'account', event.account, [...at, 'account']));
      if (event.bdr !== null) pushIssue(issues, unknownKeyIssue(keys, 'user', event.bdr, [...at, 'bdr']));
      return issues;
    case 'createCampaign': {
      const key = event.campaign.key;
      if (campaignKeys.has(key)) issues.push({ path: [...at, 'campaign', 'key'], message: 'campaign key already used', expected: 'a key no org campaign or earlier createCampaign event has', got: JSON.stringify(key) });
      campaignKeys.add(key);
      if (event.campaign.partnerAccount !== undefined) pushIssue(issues, unknownKeyIssue(keys, 'account', event.campaign.partnerAccount, [...at, 'campaign', 'partnerAccount']));
      return issues;
    }
  }
}

function pushIssue(issues: InputIssue[], issue: InputIssue | undefined): void {
  if (issue) issues.push(issue);
}

/** An issue when `field` is no Lead or Contact field of the org (or, for a rep's edit, one the API cannot write). */
function personFieldIssue(field: string, writable: boolean, path: (string | number)[], schema: CrmSchema): InputIssue | undefined {
  const spec = schema.Lead[field] ?? schema.Contact[field];
  if (spec === undefined) return { path, message: `unknown field "${field}" on Lead and Contact`, expected: 'a Lead or Contact field API name (src/systems/crm/schema.ts), e.g. "Status", "OwnerId", "Partner_Share_Status__c"', got: JSON.stringify(field) };
  if (writable && spec.readOnly) return { path, message: `field "${field}" is read-only`, expected: 'a field a rep can edit', got: JSON.stringify(field) };
  return undefined;
}

function ownerIssues(owner: string, keys: ScenarioKeys, path: (string | number)[]): InputIssue[] {
  if (owner.startsWith('queue:')) {
    const issue = unknownKeyIssue(keys, 'queue', owner.slice('queue:'.length), path);
    return issue ? [issue] : [];
  }
  const issue = unknownKeyIssue(keys, 'user', owner, path);
  return issue ? [{ ...issue, expected: `${issue.expected ?? 'a user key'}, or "queue:<name>"` }] : [];
}

function loadScenarioGraph(graph: string | Record<string, unknown>, file: string, issues: InputIssue[]): Graph | undefined {
  if (typeof graph !== 'string') {
    const result = lintGraph(graph, { file });
    if (result.ok) return result.graph;
    issues.push(...result.issues.map((issue) => ({ ...issue, path: ['graph', ...issue.path] })));
    return undefined;
  }
  const path = resolve(dirname(file), graph);
  let result: ReturnType<typeof readGraphFile>;
  try {
    result = readGraphFile(path);
  } catch {
    issues.push({ path: ['graph'], message: 'the graph file does not exist', expected: 'a graph file path relative to the scenario', got: JSON.stringify(graph) });
    return undefined;
  }
  if (result.ok) return result.graph;
  issues.push({ path: ['graph'], message: `the graph file ${path} has ${result.issues.length} problem(s); check it with "leadsim graph lint ${path}"`, got: JSON.stringify(graph) });
  return undefined;
}
