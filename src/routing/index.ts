// The routing engine: routing as data. A graph file (validated by lintGraph), a pure interpreter (route), and the
// tools ops use on graphs (diff, Mermaid).
export { GraphSchema, NodeSchema, TestSchema, AssignTargetSchema, PoolSpecSchema, GraphSettingsSchema, nodeEdges } from './graphSchema.ts';
export type { Graph, GraphNode, NodeKind, Test, AssignTarget, PoolSpec, GraphSettings } from './graphSchema.ts';
export { RoutingContextSchema, RoutingUserSchema, withDerivedFacts } from './routingContext.ts';
export type { RoutingContext, RoutingPerson, RoutingUser } from './routingContext.ts';
export { TRIGGERS, ROUTING_OBJECTS, DERIVED_PERSON_FACTS, resolveFieldRef } from './fieldRef.ts';
export type { Trigger, RoutingObject, ResolvedField } from './fieldRef.ts';
export { regionOfCountry } from './regionOfCountry.ts';
export { RoundRobinStateSchema, emptyRoundRobinState, pickRoundRobin } from './roundRobin.ts';
export type { RoundRobinState, RoundRobinPick } from './roundRobin.ts';
export { route } from './route.ts';
export type { Decision, PathStep } from './route.ts';
export type { Owner } from './resolveAssignTarget.ts';
export { lintGraph, formatLintIssues } from './lintGraph.ts';
export type { LintResult, LintGraphOptions } from './lintGraph.ts';
export { graphOrgIssues, assertGraphFitsOrg } from './graphOrgIssues.ts';
export { loadGraph, readGraphFile, loadDefaultGraph, DEFAULT_GRAPH_PATH } from './loadGraph.ts';
export { diffGraphs, formatGraphDiff } from './diffGraphs.ts';
export type { GraphChange } from './diffGraphs.ts';
export { graphToMermaid } from './graphToMermaid.ts';
export type { MermaidOptions } from './graphToMermaid.ts';
export { graphJsonSchema, GRAPH_JSON_SCHEMA_PATH } from './graphJsonSchema.ts';
export { renderTest, renderTarget, renderNode } from './renderGraphText.ts';
export { renderPath } from './renderPath.ts';
