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
 * How one entry-point action ended, counted once: it reached the intake (`accepted`, whatever its sender heard: a
 * rep whose create got no answer still made a lead and its change event), the intake refused it at the door
 * (`refused`), a system refused it before the intake (`blocked`), or a native integration wrote it straight to the
 * CRM (`native`: switched on, it bypasses the pipeline).
 */
export interface ActionRecord {
  readonly entryPoint: string;
  readonly outcome: 'accepted' | 'refused' | 'blocked' | 'native';
  /** The events the action put on the intake (one; none unless accepted). */
  readonly eventIds: readonly string[];
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
  /**
   * Actions that never became an inbound event, with the reason: refused by a system before the intake, or by the
   * intake at its door (they are not events, but they are not lost either).
   */
  readonly blocked: readonly BlockedAction[];
  /**
   * Every entry-point action delivered, in order, with how it ended (absent for runs not made of actions). A harness's
   * record makes the array anew on each read (it keeps the actions by column): read it once per pass.
   */
  readonly actions?: readonly ActionRecord[];
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
