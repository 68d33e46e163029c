import { z } from 'zod';

/**
 * Round-robin state, plain JSON so scenario files can hold it: per pool key (`SDR:EMEA`, or a named pool), the turns
 * each user has taken. Turns, not a rotating index, so fairness survives users going inactive or out of office:
 * a user who comes back (or joins) is lifted to one turn below the busiest eligible user instead of receiving a
 * burst of catch-up assignments, and the next person goes to the eligible user with the fewest turns.
 */
export const RoundRobinStateSchema = z.record(z.string(), z.record(z.string(), z.number().int().min(0)));
/** Round-robin turns per pool and user (see {@link RoundRobinStateSchema}). */
export type RoundRobinState = z.infer<typeof RoundRobinStateSchema>;

/** The state before any assignment. */
export function emptyRoundRobinState(): RoundRobinState {
  return {};
}

/** The result of one round-robin pick: the chosen user and the next state (the input state is not changed). */
export interface RoundRobinPick {
  readonly userId: string;
  readonly turns: number;
  readonly state: RoundRobinState;
}

/**
 * Picks the next user of `pool` among `eligibleIds` (active, not out of office), or undefined when none is eligible.
 * Pure: the same state and ids give the same pick. Ties go to the smallest user id, so the order the CRM returns
 * users in does not matter. After every pick the eligible users' turns are within one of each other.
 */
export function pickRoundRobin(state: RoundRobinState, pool: string, eligibleIds: readonly string[]): RoundRobinPick | undefined {
  if (eligibleIds.length === 0) return undefined;
  const ids = [...new Set(eligibleIds)].sort();
  const previous = state[pool] ?? {};
  const most = Math.max(...ids.map((id) => previous[id] ?? 0));
  const turns: Record<string, number> = { ...previous };
  for (const id of ids) turns[id] = Math.max(previous[id] ?? 0, most - 1);
  let chosen = ids[0] as string;
  for (const id of ids) if ((turns[id] as number) < (turns[chosen] as number)) chosen = id;
  turns[chosen] = (turns[chosen] as number) + 1;
  return { userId: chosen, turns: turns[chosen] as number, state: { ...state, [pool]: turns } };
}
