import type { Graph } from '../routing/graphSchema.ts';
import type { EventTrace } from '../pipeline/trace.ts';
import type { World } from '../world/world.ts';

/** An entry-point action that never reached the intake because a system refused it (e.g. a rep's duplicate lead). */
export interface BlockedAction {
  readonly entryPoint: string;
  readonly reason: string;
  readonly at: number;
}

/**
 * Everything a run leaves behind for the invariants and the report: the world as it ended (CRM, MAP, PRM with
 * their field histories), every event's trace in the order the events were received, the deliveries the intake
 * refused or ignored as duplicates, and the graph that routed them.
 */
export interface RunRecord {
  readonly seed: number;
  readonly world: World;
  readonly graph: Graph;
  /** One trace per accepted event, in receive order. */
  readonly traces: readonly EventTrace[];
  /** Routing re-runs (rule 7) after a rep set `Rerun_Routing__c`, in order: routings, but not inbound events. */
  readonly reruns?: readonly EventTrace[];
  /** Actions a system refused before the intake (they are not inbound events, but they are not lost either). */
  readonly blocked: readonly BlockedAction[];
  /** Event ids delivered more than once (the intake ignored the repeats). */
  readonly redelivered: readonly string[];
  /** The simulated time the run started (records created before it were seeded). */
  readonly startedAt: number;
  /**
   * The pipeline of yours that handled the deliveries (how reports name it); absent when the reference pipeline
   * did, whose traces then add the invariants' trace forms.
   */
  readonly pipelineUnderTest?: string;
}
