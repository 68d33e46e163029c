/**
 * One stretch of time during which a vendor's limit refused requests: from the first refusal until a request was
 * admitted again (or the end of the run), with how many were refused. Simulated epoch ms.
 */
export interface LimitEpisode {
  readonly reachedAt: number;
  readonly lastRefusedAt: number;
  readonly refused: number;
}

/**
 * The log of a limit's episodes, so a report can say when a limit was hit and for how long. A refusal opens an
 * episode or extends the open one; an admitted request closes it.
 */
export class LimitLog {
  #episodes: { reachedAt: number; lastRefusedAt: number; refused: number }[] = [];
  #open = false;

  /** A request the limit refused at `at`. */
  refused(at: number): void {
    const last = this.#episodes[this.#episodes.length - 1];
    if (this.#open && last) {
      last.lastRefusedAt = at;
      last.refused += 1;
    } else {
      this.#episodes.push({ reachedAt: at, lastRefusedAt: at, refused: 1 });
      this.#open = true;
    }
  }

  /** A request the limit admitted: the open episode, if any, is over. */
  admitted(): void {
    this.#open = false;
  }

  /** Every episode so far, oldest first, copied. */
  episodes(): LimitEpisode[] {
    return this.#episodes.map((e) => ({ ...e }));
  }

  /** Puts back what {@link episodes} returned (a closed log: the next refusal opens a new episode). */
  restore(episodes: readonly LimitEpisode[]): void {
    this.#episodes = episodes.map((e) => ({ ...e }));
    this.#open = false;
  }
}
