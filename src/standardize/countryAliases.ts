/**
 * What people type into a CRM's country field that no dataset lists: abbreviations, parts of a country, old and
 * informal names. Spellings as typed; they are looked up by {@link countryKey}, so case, accents, dots and "the"
 * do not matter. A dataset name always wins over an alias with another code (a test checks none disagree).
 */
export const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  // The constituent countries of the United Kingdom are not ISO 3166-1 countries.
  England: 'GB', Scotland: 'GB', Wales: 'GB', 'Northern Ireland': 'GB', Britain: 'GB', 'United Kingdom of Great Britain': 'GB',
  'England, UK': 'GB', 'Great Britain (UK)': 'GB',
  America: 'US', 'United States (USA)': 'US', 'United States of America (USA)': 'US', 'Etats Unis': 'US', 'Stati Uniti': 'US',
  KSA: 'SA', 'Kingdom of Saudi Arabia (KSA)': 'SA',
  'U.A.E.': 'AE', 'Emirates (UAE)': 'AE',
  Holland: 'NL', 'Nederland (Holland)': 'NL',
  'Hong Kong SAR': 'HK', 'Hong Kong S.A.R.': 'HK', 'Hong Kong, China': 'HK', 'HKSAR': 'HK',
  'Macau SAR': 'MO', 'Macao SAR': 'MO', 'Macau, China': 'MO',
  PRC: 'CN', 'P.R. China': 'CN', 'PR China': 'CN', 'Mainland China': 'CN', 'China (Mainland)': 'CN', 'China, PRC': 'CN',
  'Taiwan, ROC': 'TW', 'Taiwan (ROC)': 'TW',
  'Korea, South': 'KR', 'Korea (South)': 'KR', 'S. Korea': 'KR', 'South-Korea': 'KR', ROK: 'KR',
  'Korea, North': 'KP', 'Korea (North)': 'KP', 'N. Korea': 'KP', DPRK: 'KP',
  DRC: 'CD', 'D.R. Congo': 'CD', 'Congo DR': 'CD', 'Congo (DRC)': 'CD', 'Congo, DR': 'CD', 'Congo (Kinshasa)': 'CD', 'Congo-Kinshasa': 'CD',
  'Congo (Brazzaville)': 'CG', 'Congo-Brazzaville': 'CG', 'Congo, Republic': 'CG',
  Oesterreich: 'AT', 'Österreich (Austria)': 'AT',
  'Vatican City': 'VA', Vatican: 'VA', 'Vatican City State': 'VA',
  'Falkland Islands': 'FK', Falklands: 'FK', 'Falkland Islands (Malvinas)': 'FK',
  'Lao PDR': 'LA', 'Lao People’s Democratic Republic': 'LA',
  'Russian Fed.': 'RU', 'Russia (Russian Federation)': 'RU',
  'Czech Rep.': 'CZ', 'Slovak Rep.': 'SK',
  'Bosnia': 'BA', 'Bosnia-Herzegovina': 'BA', 'Trinidad': 'TT', 'Antigua': 'AG', 'St Kitts': 'KN', 'St Vincent': 'VC',
  // Greece's code in EU statistics and VAT numbers.
  EL: 'GR',
};

/**
 * Inputs that name more than one country, with the candidates: left unmapped with a reason, never guessed.
 * Dataset names that two countries share are found on their own; these are the ones no dataset spells that way.
 */
export const AMBIGUOUS_COUNTRY_NAMES: Readonly<Record<string, readonly string[]>> = {
  Korea: ['KR', 'KP'],
  Congo: ['CG', 'CD'],
  Guinea: ['GN', 'GW', 'GQ', 'PG'],
  'Virgin Islands': ['VG', 'VI'],
  'Saint Martin': ['MF', 'SX'],
  'St. Martin': ['MF', 'SX'],
  Timor: ['TL', 'ID'],
};

/** Names of countries that no longer exist: unmapped, with the reason, since the successor depends on the place. */
export const FORMER_COUNTRIES: readonly string[] = ['USSR', 'Soviet Union', 'Yugoslavia', 'Czechoslovakia', 'Serbia and Montenegro', 'Netherlands Antilles'];
