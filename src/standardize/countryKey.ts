/** Letters that Unicode does not decompose into a base letter and an accent, folded by hand. */
const FOLDS: Readonly<Record<string, string>> = { ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', ł: 'l', ı: 'i', þ: 'th', ħ: 'h', ŀ: 'l' };
const FOLD_RE = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'g');

/** Abbreviations typed into country fields, as whole words: "St. Lucia", "Dem. Rep. of the Congo". */
const WORDS: Readonly<Record<string, string>> = { st: 'saint', ste: 'sainte', rep: 'republic', dem: 'democratic', us: 'united states', uk: 'united kingdom' };

/**
 * An inverted name as ISO and CRM picklists write it ("Korea, Republic of", "Iran (Islamic Republic of)",
 * "Congo, The Democratic Republic of the", "Bahamas, The") put back in reading order.
 */
function uninvert(raw: string): string {
  const paren = /^(.*?)\s*\(([^()]*?\b(?:of|of the|the))\)\s*$/i.exec(raw);
  if (paren) return `${paren[2]} ${paren[1]}`;
  const comma = /^([^,]+),\s*([^,]*?\b(?:of|of the|the))\s*$/i.exec(raw) ?? GOVERNMENT_SUFFIX.exec(raw);
  if (comma) return `${comma[2]} ${comma[1]}`;
  return raw;
}

/** A form of government after a comma, as the World Bank and UN lists write it: "Korea, Rep.", "Congo, Dem. Rep.", "Egypt, Arab Rep.". */
const GOVERNMENT_SUFFIX = /^([^,]+),\s*((?:(?:rep|republic|dem|democratic|people[’']?s|islamic|arab|federal|federative|socialist|united|plurinational|bolivarian|kingdom|of|the)\.?\s*)+)$/i;

/**
 * The lookup key of a typed country name; two spellings with the same key name the same thing:
 * - inverted names put back in order ("Korea, Republic of", "Iran (Islamic Republic of)", "Korea, Rep.");
 * - compatibility forms unified (full-width letters, ligatures: NFKD); Latin accents and Hebrew and Arabic vowel
 *   points dropped; ß, ø, æ, ł… folded; lower case;
 * - apostrophes dropped ("Côte d’Ivoire" = "Cote dIvoire"); "&" read as "and"; the words "the" and "of" dropped;
 *   "St", "Rep", "Dem", "US", "UK" spelled out; runs of single letters joined ("U. S. A." = "USA");
 * - every other run of punctuation or space one space.
 * Marks of other scripts (Devanagari vowel signs, …) are kept: they are letters there. Empty for a value with no
 * letter or digit.
 *
 * @example countryKey('Korea, Rep.') // 'republic korea'
 * @example countryKey('St. Kitts & Nevis') // 'saint kitts and nevis'
 */
export function countryKey(raw: string): string {
  const words = uninvert(raw.trim())
    .normalize('NFKD')
    // Latin accents, and the optional vowel points of Hebrew and Arabic ("יִשְׂרָאֵל" = "ישראל").
    .replace(/[\u0300-\u036f\u0591-\u05c7\u064b-\u065f\u0670]/g, '')
    .toLowerCase()
    .replace(FOLD_RE, (c) => FOLDS[c]!)
    .replace(/['’ʼ`´‘]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '' && w !== 'the' && w !== 'of');
  // Runs of single Latin letters are one abbreviation: "u s a" → "usa".
  const out: string[] = [];
  let run = false;
  for (const word of words) {
    const single = /^[a-z]$/.test(word);
    if (single && run) out[out.length - 1] += word;
    else out.push(word);
    run = single;
  }
  return out.map((w) => WORDS[w] ?? w).join(' ');
}
