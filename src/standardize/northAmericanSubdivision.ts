import { countryKey } from './countryKey.ts';

/**
 * US states and DC by USPS code (https://pe.usps.com/text/pub28/28apb.htm), and Canadian provinces and territories
 * by Canada Post code (https://www.canadapost-postescanada.ca/cpc/en/support/kb/sending/general-information/provincial-and-territorial-abbreviations):
 * the "City, ST" tail of an address typed in a country field. US territories with their own ISO code (PR, GU, VI...)
 * are countries to standardization, not states.
 */
const SUBDIVISIONS: Readonly<Record<'US' | 'CA', Readonly<Record<string, string>>>> = {
  US: {
    AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut',
    DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois',
    IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland',
    MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana',
    NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York',
    NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania',
    RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah',
    VT: 'Vermont', VA: 'Virginia', WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
  },
  CA: {
    AB: 'Alberta', BC: 'British Columbia', MB: 'Manitoba', NB: 'New Brunswick', NL: 'Newfoundland and Labrador',
    NS: 'Nova Scotia', NT: 'Northwest Territories', NU: 'Nunavut', ON: 'Ontario', PE: 'Prince Edward Island',
    QC: 'Quebec', SK: 'Saskatchewan', YT: 'Yukon',
  },
};

const EXTRA_NAMES: Readonly<Record<string, 'US' | 'CA'>> = { 'Washington DC': 'US', 'Washington D.C.': 'US', Newfoundland: 'CA', 'Yukon Territory': 'CA' };

const BY_CODE = new Map<string, 'US' | 'CA'>();
const BY_NAME = new Map<string, 'US' | 'CA'>();
for (const country of ['US', 'CA'] as const) {
  for (const [code, name] of Object.entries(SUBDIVISIONS[country])) {
    BY_CODE.set(code, country);
    BY_NAME.set(countryKey(name), country);
  }
}
for (const [name, country] of Object.entries(EXTRA_NAMES)) BY_NAME.set(countryKey(name), country);

/**
 * The country of a US state or Canadian province written as its postal code ("PA", "on") or its name
 * ("Pennsylvania", "Québec"), with a trailing ZIP or postal code allowed ("PA 17042", "ON M5V 3L9"); undefined for
 * anything else. A code that is also an ISO country code (PA, GA, DE) or a name that is also a country's (Georgia)
 * is still matched: the caller decides.
 */
export function northAmericanSubdivision(part: string): 'US' | 'CA' | undefined {
  const bare = part.trim().replace(/\s+(\d{5}(-\d{4})?|[A-Za-z]\d[A-Za-z]\s?\d[A-Za-z]\d)$/, '');
  if (/^[A-Za-z]{2}$/.test(bare)) return BY_CODE.get(bare.toUpperCase());
  return BY_NAME.get(countryKey(bare));
}
