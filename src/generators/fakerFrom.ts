import { allLocales, Faker } from '@faker-js/faker';
import fc from 'fast-check';
import { DEFAULT_EPOCH } from '../core/clock.ts';
import { mersenne53Randomizer } from './mersenne53Randomizer.ts';

/** A faker locale name: 'en', 'de', 'ja', 'pt_BR', ... */
export type FakerLocale = keyof typeof allLocales;

const instances = new Map<FakerLocale, Faker>();

/**
 * The one shared Faker of a locale (falling back to English, then to locale-free data), created on first use with
 * its reference date pinned to {@link DEFAULT_EPOCH} so date helpers never read the wall clock, and faker's
 * randomizer reseeded in place (mersenne53Randomizer.ts: the same numbers, without a new state array per seed).
 * Every draw reuses it: seed it, use it synchronously, let go.
 */
export function fakerFor(locale: FakerLocale = 'en'): Faker {
  let faker = instances.get(locale);
  if (faker === undefined) {
    const chain = locale === 'en' ? [allLocales.en, allLocales.base] : [allLocales[locale], allLocales.en, allLocales.base];
    faker = new Faker({ locale: chain, randomizer: mersenne53Randomizer() });
    faker.setDefaultRefDate(DEFAULT_EPOCH);
    instances.set(locale, faker);
  }
  return faker;
}

/**
 * The shared Faker of `locale`, reseeded with `seed`. The same seed gives the same values. Use it at once: the
 * next call reseeds the same instance.
 */
export function seededFaker(seed: number, locale: FakerLocale = 'en'): Faker {
  const faker = fakerFor(locale);
  faker.seed(seed);
  return faker;
}

/**
 * An arbitrary whose values `draw` makes with a Faker seeded from fast-check's randomness: replayable from the
 * property's seed, and shrinking moves the seed toward 0. `draw` must return plain data, never the Faker itself.
 *
 * @example fakerDraw((f) => f.company.name())
 */
export function fakerDraw<T>(draw: (faker: Faker) => T, locale: FakerLocale = 'en'): fc.Arbitrary<T> {
  // noBias: fast-check's bias toward small integers would repeat seeds, and so repeat people.
  return fc.noBias(fc.integer()).map((seed) => draw(seededFaker(seed, locale)));
}
