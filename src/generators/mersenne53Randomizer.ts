import { generateMersenne53Randomizer, type Randomizer } from '@faker-js/faker';

const N = 624;
const M = 397;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;
const MATRIX_A = 0x9908b0df;

/**
 * Faker's default randomizer (`generateMersenne53Randomizer`: MT19937, 53-bit floats), the same numbers for the same
 * seed, reseeded in place. Faker's own builds a new 624-entry array with `Array.from` on every `seed()`, the main cost
 * of drawing a person (a workload reseeds a shared Faker per person; see fakerFrom.ts): this keeps one Int32Array.
 * Every state word is only ever read through 32-bit operations, so storing it as int32 changes no output (the test
 * compares the two randomizers over many seeds). Array seeds (`init_by_array`) are left to faker's own.
 * Source of the algorithm: Matsumoto & Nishimura, mt19937ar.c (init_genrand, genrand_int32, genrand_res53).
 */
export function mersenne53Randomizer(): Randomizer {
  const state = new Int32Array(N);
  let index = 0;
  let fallback: Randomizer | undefined;

  const twist = (): void => {
    let k = 0;
    for (; k < N - M; k++) {
      const y = (state[k]! & UPPER) | (state[k + 1]! & LOWER);
      state[k] = state[k + M]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    for (; k < N - 1; k++) {
      const y = (state[k]! & UPPER) | (state[k + 1]! & LOWER);
      state[k] = state[k + M - N]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    const y = (state[N - 1]! & UPPER) | (state[0]! & LOWER);
    state[N - 1] = state[M - 1]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
  };

  const nextU32 = (): number => {
    let y = state[index]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    if (++index >= N) {
      twist();
      index = 0;
    }
    return y >>> 0;
  };

  const seed = (value: number | number[]): void => {
    if (typeof value !== 'number') {
      fallback ??= generateMersenne53Randomizer();
      fallback.seed(value);
      return;
    }
    fallback = undefined;
    state[0] = value;
    for (let i = 1; i < N; i++) {
      const prev = state[i - 1]!;
      state[i] = Math.imul(1812433253, prev ^ (prev >>> 30)) + i;
    }
    twist();
    index = 0;
  };

  // Faker seeds it before every use (fakerFrom.ts); MT19937's reference default until then, never the wall clock.
  seed(5489);
  return {
    next: () => {
      if (fallback) return fallback.next();
      const a = nextU32() >>> 5;
      const b = nextU32() >>> 6;
      return (a * 67108864 + b) * (1.0 / 9007199254740992);
    },
    seed,
  };
}
