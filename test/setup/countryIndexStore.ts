import { countryIndexFileStore } from '../../src/io/countryIndexFileStore.ts';
import { useCountryIndexStore } from '../../src/standardize/countryIndexStore.ts';

// Every test file runs in a fresh process: load the country index from the file cache instead of rebuilding it.
useCountryIndexStore(countryIndexFileStore());
