import countries from 'i18n-iso-countries';
import type { Region } from '../systems/crm/schema.ts';

// North, Central and South America and the Caribbean.
const AMER = new Set(
  (
    'US CA MX GT BZ SV HN NI CR PA CU DO HT JM PR BS BB TT AG DM GD KN LC VC AW CW SX BQ KY VG VI TC AI MS BM GP MQ BL ' +
    'MF PM GL AR BO BR CL CO EC GY PY PE SR UY VE FK GF UM GS'
  ).split(' '),
);

// East, South-East and South Asia, and Oceania.
const APJ = new Set(
  (
    'JP CN HK MO TW KR KP MN IN PK BD LK NP BT MV SG MY ID TH VN PH KH LA MM BN TL AU NZ PG FJ SB VU NC PF WS TO KI TV ' +
    'NR FM MH PW GU MP AS CK NU TK WF PN NF CX CC HM IO'
  ).split(' '),
);

/**
 * The sales region of an ISO 3166-1 alpha-2 country code: AMER (the Americas), APJ (Asia-Pacific and Japan) or
 * EMEA (every other recognized country: Europe, the Middle East, Africa, Central Asia). Undefined for an empty or
 * unrecognized code, so routing can tell "no region" apart from a region.
 *
 * @example regionOfCountry('DE') // 'EMEA'
 */
export function regionOfCountry(code: unknown): Region | undefined {
  if (typeof code !== 'string' || code.length !== 2) return undefined;
  const upper = code.toUpperCase();
  if (!countries.isValid(upper)) return undefined;
  if (AMER.has(upper)) return 'AMER';
  if (APJ.has(upper)) return 'APJ';
  return 'EMEA';
}
