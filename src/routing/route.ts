import { evaluateTest, type LeafDecision } from './evaluateTest.ts';
import type { Graph, NodeKind } from './graphSchema.ts';
import { isCompound } from './leafTests.ts';
import { resolveAssignTarget, type Owner } from './resolveAssignTarget.ts';
import type { RoundRobinState } from './roundRobin.ts';
import { withDerivedFacts, type RoutingContext } from './routingContext.ts';

/**
 * One node a routing run passed: a condition carries its result (and, when its test has inner tests, what each leaf
 * test it evaluated decided); `detail` says what was read or done. Routing coverage is counted from these steps.
 */
export interface PathStep {
  readonly node: string;
  readonly kind: NodeKind;
  readonly result?: boolean;
  readonly tests?: readonly LeafDecision[];
  readonly detail?: string;
}

/**
 * What routing decided. `ok: true`: the owner, the Lead field updates to write, whether to share the person to the
 * PRM, the path taken and the next round-robin state. `ok: false`: why no owner could be decided (e.g. the context
 * lacks a record a condition needs), the path up to there, and the round-robin state unchanged by the failed run.
 */
export type Decision =
  | {
      readonly ok: true;
      readonly owner: Owner;
      readonly fieldUpdates: Readonly<Record<string, unknown>>;
      readonly sharePrm: boolean;
      readonly path: readonly PathStep[];
      readonly roundRobin: RoundRobinState;
    }
  | { readonly ok: false; readonly reason: string; readonly path: readonly PathStep[]; readonly roundRobin: RoundRobinState };

/**
 * Runs `graph` for one person: a pure interpreter, (graph, context, round-robin state) → decision. Deterministic,
 * and it never throws on a graph that {@link lintGraph} accepted. Field updates are applied to the person as the run
 * goes, so later conditions see them; derived facts the context leaves out are derived (see `withDerivedFacts`).
 *
 * @example
 * const decision = route(loadDefaultGraph(), context, emptyRoundRobinState());
 * if (decision.ok) console.log(decision.owner.name);
 */
export function route(graph: Graph, context: RoutingContext, rrState: RoundRobinState): Decision {
  let person = withDerivedFacts(context.person);
  const fieldUpdates: Record<string, unknown> = {};
  const path: PathStep[] = [];
  let owner: Owner | undefined;
  let sharePrm = false;
  let roundRobin = rrState;
  const fail = (reason: string): Decision => ({ ok: false, reason, path, roundRobin: rrState });

  let current = graph.start;
  const limit = Object.keys(graph.nodes).length;
  for (let steps = 0; steps <= limit; steps++) {
    const node = Object.hasOwn(graph.nodes, current) ? graph.nodes[current] : undefined;
    if (node === undefined) return fail(`the graph has no node "${current}"`);
    const here = current;
    switch (node.kind) {
      case 'condition': {
        const leaves: LeafDecision[] = [];
        const outcome = evaluateTest(node.test, { ...context, person }, graph.settings, [], leaves);
        const tests = isCompound(node.test) ? { tests: leaves } : {};
        if (!outcome.ok) {
          path.push({ node: here, kind: node.kind, ...tests, detail: outcome.reason });
          return fail(`condition "${here}" could not be decided: ${outcome.reason}`);
        }
        path.push({ node: here, kind: node.kind, result: outcome.value, ...tests, detail: outcome.observed.join('; ') });
        current = outcome.value ? node.then : node.else;
        break;
      }
      case 'update':
        person = { ...person, ...node.fields };
        Object.assign(fieldUpdates, node.fields);
        path.push({ node: here, kind: node.kind, detail: Object.entries(node.fields).map(([f, v]) => `${f} = ${JSON.stringify(v)}`).join(', ') });
        current = node.next;
        break;
      case 'assign': {
        const resolution = resolveAssignTarget(node.target, { ...context, person }, graph.settings, roundRobin);
        if (!resolution.ok) {
          if (node.fallback === undefined) {
            path.push({ node: here, kind: node.kind, detail: resolution.reason });
            return fail(`assign "${here}" ${resolution.reason}`);
          }
          path.push({ node: here, kind: node.kind, detail: `${resolution.reason}; falling back to "${node.fallback}"` });
          current = node.fallback;
          break;
        }
        owner = resolution.owner;
        roundRobin = resolution.roundRobin;
        path.push({ node: here, kind: node.kind, detail: resolution.detail });
        current = node.next;
        break;
      }
      case 'sharePrm':
        sharePrm = true;
        path.push({ node: here, kind: node.kind });
        current = node.next;
        break;
      case 'end':
        path.push({ node: here, kind: node.kind });
        if (owner === undefined) return fail(`the run reached end "${here}" without an owner`);
        return { ok: true, owner, fieldUpdates, sharePrm, path, roundRobin };
    }
  }
  return fail(`the run passed more nodes than the graph has (${limit}): the graph has a cycle; lint it with "leadsim graph lint"`);
}
