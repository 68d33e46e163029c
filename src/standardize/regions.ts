import type { Region } from '../systems/crm/schema.ts';

/**
 * Sales region of every ISO 3166-1 alpha-2 country: a data table, because neither i18n-iso-countries nor
 * libphonenumber-js ships continents. Americas → AMER; Europe, the Middle East, Africa and Central Asia → EMEA;
 * South Asia, East and South-East Asia and Oceania → APJ. Territories follow their geography, not their
 * sovereign (PR and UM with AMER, GU with APJ, RE with EMEA); the uninhabited southern islands follow their ocean.
 */
const REGION_TABLE: Readonly<Record<Region, string>> = {
  AMER:
    'AG AI AR AW BB BL BM BO BQ BR BS BZ CA CL CO CR CU CW DM DO EC FK GD GF GL GP GS GT GY HN HT JM KN KY LC MF MQ ' +
    'MS MX NI PA PE PM PR PY SR SV SX TC TT UM US UY VC VE VG VI',
  EMEA:
    'AD AE AF AL AM AO AT AX AZ BA BE BF BG BH BI BJ BV BW BY CD CF CG CH CI CM CV CY CZ DE DJ DK DZ EE EG EH ER ES ' +
    'ET FI FO FR GA GB GE GG GH GI GM GN GQ GR GW HR HU IE IL IM IQ IR IS IT JE JO KE KG KM KW KZ LB LI LR LS LT LU ' +
    'LV LY MA MC MD ME MG MK ML MR MT MU MW MZ NA NE NG NL NO OM PL PS PT QA RE RO RS RU RW SA SC SD SE SH SI SJ SK ' +
    'SL SM SN SO SS ST SY SZ TD TF TG TJ TM TN TR TZ UA UG UZ VA XK YE YT ZA ZM ZW',
  APJ:
    'AQ AS AU BD BN BT CC CK CN CX FJ FM GU HK HM ID IN IO JP KH KI KP KR LA LK MH MM MN MO MP MV MY NC NF NP NR NU ' +
    'NZ PF PG PH PK PN PW SB SG TH TK TL TO TV TW VN VU WF WS',
};

/** Region by alpha-2 code, built once from {@link REGION_TABLE}. */
export const REGION_BY_COUNTRY: ReadonlyMap<string, Region> = new Map(
  (Object.entries(REGION_TABLE) as [Region, string][]).flatMap(([region, codes]) => codes.split(' ').map((code) => [code, region] as const)),
);

/**
 * The sales region (AMER, EMEA, APJ) of a standardized country, or undefined when `code` is not an ISO 3166-1
 * alpha-2 code as standardization writes it (upper case). Never standardizes: pass `standardizeCountry(raw).code`.
 *
 * @example regionOf('DE') // 'EMEA'
 */
export function regionOf(code: string | undefined): Region | undefined {
  return code === undefined ? undefined : REGION_BY_COUNTRY.get(code);
}
