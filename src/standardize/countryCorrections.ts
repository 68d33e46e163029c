import type { CountryNameSource } from './countryNameSources.ts';

/**
 * A name a dependency gives the wrong country: the index leaves it out, so the name maps to the country it really
 * names (or stays ambiguous). Each entry is pinned by a test in test/standardize/countryDatasets.test.ts.
 */
export interface CountryNameCorrection {
  readonly source: CountryNameSource;
  /** The name exactly as the dataset spells it. */
  readonly name: string;
  /** The code the dataset wrongly gives it. */
  readonly wrong: string;
  /** The country the name names, when it names one; absent when it is ambiguous on its own. */
  readonly right?: string;
  readonly why: string;
}

/** Wrong codes found in the country packages (i18n-iso-countries 7.14, world-countries 5.1) by the dataset test. */
export const COUNTRY_NAME_CORRECTIONS: readonly CountryNameCorrection[] = [
  { source: 'i18n-iso-countries', name: 'República Democrática do Congo', wrong: 'CG', right: 'CD', why: 'pt lists the Democratic Republic of the Congo under the Republic of the Congo' },
  { source: 'i18n-iso-countries', name: 'Eýran', wrong: 'IQ', right: 'IR', why: 'tk gives Iraq the Turkmen name of Iran (Iraq is Yrak)' },
  { source: 'i18n-iso-countries', name: 'މެލޭޝިޔާ', wrong: 'MW', right: 'MY', why: 'dv gives Malawi the name of Malaysia' },
  { source: 'i18n-iso-countries', name: 'މޮންގޯލިއާ', wrong: 'MC', right: 'MN', why: 'dv gives Monaco the name of Mongolia' },
  { source: 'i18n-iso-countries', name: 'މޮރޮކޯ', wrong: 'MS', right: 'MA', why: 'dv gives Montserrat the name of Morocco' },
  { source: 'world-countries', name: 'Guyana', wrong: 'GF', right: 'GY', why: 'the nld and slk official name of French Guiana is the name of Guyana' },
  { source: 'world-countries', name: 'Gvajana', wrong: 'GF', right: 'GY', why: 'the srp official name of French Guiana is the name of Guyana' },
  { source: 'world-countries', name: 'گیانا', wrong: 'GF', right: 'GY', why: 'the urd official name of French Guiana is the name of Guyana' },
  { source: 'world-countries', name: 'Guayana', wrong: 'GF', right: 'GY', why: 'the spa official name of French Guiana is a name of Guyana (French Guiana is Guayana Francesa)' },
  { source: 'world-countries', name: 'Sudan', wrong: 'SS', right: 'SD', why: 'the pol name of South Sudan is Sudan Południowy' },
  { source: 'world-countries', name: 'Republika Sudanu', wrong: 'SS', right: 'SD', why: 'the pol official name of South Sudan is Republika Sudanu Południowego' },
  { source: 'world-countries', name: 'Szamoa', wrong: 'AS', right: 'WS', why: 'the hun name of American Samoa is Amerikai Szamoa' },
  { source: 'world-countries', name: 'Tádzsikisztán', wrong: 'TZ', right: 'TJ', why: 'hun gives Tanzania the name of Tajikistan' },
  { source: 'world-countries', name: 'Tádzsik Köztársaság', wrong: 'TZ', right: 'TJ', why: 'hun gives Tanzania the name of Tajikistan' },
  { source: 'world-countries', name: '도미니카 공화국', wrong: 'DM', right: 'DO', why: 'kor gives Dominica the name of the Dominican Republic (Dominica is 도미니카 연방)' },
  { source: 'world-countries', name: '多米尼加共和国', wrong: 'DM', right: 'DO', why: 'zho gives Dominica the name of the Dominican Republic (Dominica is 多米尼克)' },
  { source: 'world-countries', name: '多米尼加', wrong: 'DM', right: 'DO', why: 'zho gives Dominica the short name of the Dominican Republic (Dominica is 多米尼克)' },
  { source: 'world-countries', name: '조지아', wrong: 'GS', right: 'GE', why: 'kor gives South Georgia the name of Georgia' },
  { source: 'world-countries', name: '인도', wrong: 'IO', right: 'IN', why: 'kor gives the British Indian Ocean Territory the name of India' },
  { source: 'world-countries', name: '인도 공화국', wrong: 'IO', right: 'IN', why: 'kor gives the British Indian Ocean Territory the official name of India' },
  { source: 'world-countries', name: 'WybrzeŻe Kości Słoniowej', wrong: 'CM', right: 'CI', why: 'pol gives Cameroon the name of Côte d’Ivoire' },
  { source: 'world-countries', name: 'Republika WybrzeŻa Kości Słoniowej', wrong: 'CM', right: 'CI', why: 'pol gives Cameroon the official name of Côte d’Ivoire' },
  { source: 'world-countries', name: 'پاپوآ گینه نو', wrong: 'GN', right: 'PG', why: 'per gives Guinea the name of Papua New Guinea' },
];
