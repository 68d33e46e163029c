/**
 * Round robin that stays fair while reps come and go: the next lead goes to the eligible rep with the fewest leads
 * so far (ties: the first by id). Counts are kept per world, so a fresh environment starts a fresh rotation.
 */
export class RoundRobin {
  readonly #counts = new Map<number, Map<string, number>>();

  /** Takes the turn among `eligible` (user ids); undefined when nobody is eligible. */
  next(world: number, eligible: readonly string[]): string | undefined {
    const counts = this.#counts.get(world) ?? new Map<string, number>();
    this.#counts.set(world, counts);
    const pick = [...eligible].sort().reduce<string | undefined>((best, id) => (best === undefined || (counts.get(id) ?? 0) < (counts.get(best) ?? 0) ? id : best), undefined);
    if (pick !== undefined) counts.set(pick, (counts.get(pick) ?? 0) + 1);
    return pick;
  }
}
