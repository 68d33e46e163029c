/**
 * Values close to a literal that a careless graph edit or a careless record tells apart from it: the other case,
 * a trailing space, the literal run on without a space (`"Partner - TrialX"`), cut short by one character, and, for
 * text, the literal continued as real names continue it (`"Partner - Trial - Example"`: a prefix that matches but is
 * not equal). Numbers get their neighbours; booleans their opposite. The literal itself is not included.
 * @example nearMisses('MQL') // ['mql', 'MQL ', 'MQLX', 'MQ', 'MQL - Example']
 */
export function nearMisses(literal: unknown): unknown[] {
  if (typeof literal === 'boolean') return [!literal];
  if (typeof literal === 'number') return [literal - 1, literal + 1];
  if (typeof literal !== 'string' || literal === '') return [];
  const otherCase = literal.toLowerCase() === literal ? literal.toUpperCase() : literal.toLowerCase();
  const candidates = [otherCase, `${literal} `, `${literal}X`, literal.slice(0, -1), `${literal} - Example`];
  return [...new Set(candidates)].filter((c) => c !== literal && c !== '');
}
