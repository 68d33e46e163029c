/**
 * Splits a criteria value the way Salesforce reads filter values: commas separate values (any of them matches),
 * a value in double quotes may hold commas, and `""` inside quotes is one quote; surrounding spaces are dropped.
 * "These are the same rules that are applied to filters everywhere in the system" (list views, reports, workflow
 * and assignment rule criteria): https://help.salesforce.com/s/articleView?id=analytics.filter_operators.htm
 * @example splitCriteriaValues('US, "Washington, D.C.",CA') // ['US', 'Washington, D.C.', 'CA']
 */
export function splitCriteriaValues(text: string | undefined): string[] {
  if (text === undefined) return [];
  const values: string[] = [];
  let i = 0;
  while (i <= text.length) {
    while (text[i] === ' ') i++;
    let value = '';
    if (text[i] === '"') {
      i++;
      for (; i < text.length; i++) {
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i++;
        } else if (text[i] === '"') {
          i++;
          break;
        } else value += text[i];
      }
      while (i < text.length && text[i] !== ',') i++;
    } else {
      const end = text.indexOf(',', i);
      value = (end < 0 ? text.slice(i) : text.slice(i, end)).trim();
      i = end < 0 ? text.length : end;
    }
    if (value !== '') values.push(value);
    i++;
  }
  return values;
}

/** The inverse of {@link splitCriteriaValues}: values joined with commas, quoted where they hold a comma or quote. */
export function joinCriteriaValues(values: readonly string[]): string {
  return values.map((v) => (/[,"]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',');
}
