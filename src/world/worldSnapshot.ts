import type { CrmState } from '../systems/crm/crm.ts';
import type { MarketoState } from '../systems/map/marketo.ts';
import type { ImpartnerState } from '../systems/prm/impartner.ts';
import type { IntakeState } from '../pipeline/intake.ts';
import type { World } from './world.ts';

/**
 * Everything a world holds, copied: the CRM (records, ids, history, sessions, API usage, org settings), Marketo
 * (leads, activities, lists, programs, folders, tokens, limits), Impartner, the intake queue, the connectors'
 * refusals, and how far the request and delivery logs had come. Not the clock (simulated time never runs backwards) and not the random streams.
 */
export interface WorldSnapshot {
  /** The seed of the world it was taken from. */
  readonly seed: number;
  /** Simulated time when it was taken, epoch ms. */
  readonly takenAt: number;
  readonly crm: CrmState;
  readonly marketo: MarketoState;
  readonly impartner: ImpartnerState;
  readonly intake: IntakeState;
  readonly connectorRefusals: World['connectorRefusals'];
  /** The request log and the delivery log (the evidence of what happened before it). */
  readonly evidence: { readonly requests: ReturnType<World['requests']['snapshot']>; readonly deliveries: ReturnType<World['deliveries']['snapshot']> };
}

/** Copies a world's state. Cheap: records are immutable, so only the tables are copied. */
export function snapshotWorld(world: World): WorldSnapshot {
  return {
    seed: world.seed,
    takenAt: world.clock.now(),
    crm: world.crm.snapshot(),
    marketo: world.marketo.snapshot(),
    impartner: world.impartner.snapshot(),
    intake: world.intake.snapshot(),
    connectorRefusals: [...world.connectorRefusals],
    evidence: { requests: world.requests.snapshot(), deliveries: world.deliveries.snapshot() },
  };
}

/**
 * Puts a snapshot's state back into a world, in place: its handlers, listeners and wiring keep working. The
 * snapshot stays valid and can be restored again. Throws when it was taken from a world of another seed (restore
 * it into a world created from that seed instead).
 */
export function restoreWorld(world: World, snapshot: WorldSnapshot): void {
  if (snapshot.seed !== world.seed) {
    throw new RangeError(`Failed to restore a snapshot of seed ${snapshot.seed} into the world of seed ${world.seed}: create a world from seed ${snapshot.seed} first.`);
  }
  world.crm.restore(snapshot.crm);
  world.marketo.restore(snapshot.marketo);
  world.impartner.restore(snapshot.impartner);
  world.intake.restore(snapshot.intake);
  world.connectorRefusals.length = 0;
  world.connectorRefusals.push(...snapshot.connectorRefusals);
  world.requests.restore(snapshot.evidence.requests);
  world.deliveries.restore(snapshot.evidence.deliveries);
}
