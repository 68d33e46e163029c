/**
 * Prints the locale ids this Node's ICU has its own region names for, as src/standardize/cldrLocales.ts lists them:
 * every two- and three-letter language, then each with a script and each with a region, kept when ICU resolves the
 * tag to itself (not to a parent). Takes a few seconds; run it when Node's ICU moves to a new CLDR release:
 *
 *   npx tsx scripts/listIcuLocales.ts > /tmp/locales.txt
 */
const letters = 'abcdefghijklmnopqrstuvwxyz';
const resolves = (tag: string) => new Intl.DisplayNames([tag], { type: 'region' }).resolvedOptions().locale === tag;
const languages: string[] = [];
for (const a of letters) for (const b of letters) languages.push(a + b, ...[...letters].map((c) => a + b + c));
const base = Intl.DisplayNames.supportedLocalesOf(languages).filter((tag) => !tag.includes('-') && resolves(tag));
const scripts = 'Adlm Arab Armn Beng Cakm Cans Cher Cyrl Deva Dsrt Ethi Geor Grek Gujr Guru Hans Hant Hebr Hmnp Jpan Khmr Knda Kore Laoo Latn Mlym Mong Mtei Mymr Nkoo Olck Orya Osge Rohg Shaw Sinh Sund Syrc Taml Telu Tfng Thaa Thai Tibt Vaii Yiii'.split(' ');
const withScript = [...base, ...base.flatMap((l) => scripts.map((s) => `${l}-${s}`)).filter(resolves)];
const regions = ['001', '150', '419', ...[...letters.toUpperCase()].flatMap((a) => [...letters.toUpperCase()].map((b) => a + b))];
const all = new Set([...withScript, ...withScript.flatMap((l) => regions.map((r) => `${l}-${r}`)).filter(resolves)]);
process.stdout.write([...all].sort().join(' ') + '\n');
