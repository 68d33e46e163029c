import { createHmac } from 'node:crypto';
import { Rng } from './random.ts';

/**
 * Mints the simulated vendors' secrets (access and refresh tokens): each is HMAC-SHA256 of a purpose and a counter
 * under a 256-bit key drawn from the run's seeded {@link Rng}. Tokens differ from seed to seed, are the same for the
 * same seed (runs replay byte for byte), and cannot be guessed from one another or from the counter, unlike the
 * counters they replace. A world snapshot keeps only the counters: the same seed mints the same tokens again.
 * @example
 * const mint = new TokenMint(new Rng(42).fork('tokens'));
 * mint.base64url('salesforce-access', 1); // 43 characters of [A-Za-z0-9_-]
 */
export class TokenMint {
  readonly #key: Buffer;

  constructor(rng: Rng) {
    this.#key = Buffer.from(Array.from({ length: 32 }, () => rng.int(0, 255)));
  }

  /** 32 bytes for `purpose` and `n`, as 64 lower-case hex digits. */
  hex(purpose: string, n: number): string {
    return this.#digest(purpose, n).toString('hex');
  }

  /** 32 bytes for `purpose` and `n`, as 43 base64url characters (`[A-Za-z0-9_-]`). */
  base64url(purpose: string, n: number): string {
    return this.#digest(purpose, n).toString('base64url');
  }

  #digest(purpose: string, n: number): Buffer {
    return createHmac('sha256', this.#key).update(`${purpose}\n${n}`).digest();
  }
}

/** The mint of a system built without a world (unit tests): the key of seed 0. */
export function defaultTokenMint(): TokenMint {
  return new TokenMint(new Rng(0).fork('tokens'));
}
