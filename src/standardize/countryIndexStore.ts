/** The index as plain data: per key, a code, the candidate codes of an ambiguous key, or null for a former country. */
export type CountryIndexData = [key: string, entry: string | readonly string[] | null][];

/**
 * Where the built country index can be kept between processes (the CLI and the test setup keep it in a file):
 * building it asks ICU for every country in every locale, ≈0.5–1 s of CPU. `signature` changes with anything the
 * index depends on.
 */
export interface CountryIndexStore {
  load(signature: string): CountryIndexData | undefined;
  save(signature: string, data: CountryIndexData): void;
}

let store: CountryIndexStore | undefined;

/** Keeps the country index in `next` from now on (undefined: build it in every process). Light: loads no dataset. */
export function useCountryIndexStore(next: CountryIndexStore | undefined): void {
  store = next;
}

/** The store set by {@link useCountryIndexStore}, if any. */
export function countryIndexStore(): CountryIndexStore | undefined {
  return store;
}
