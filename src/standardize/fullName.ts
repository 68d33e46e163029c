/** A full name split in two, either part possibly missing. */
export interface NameParts {
  firstName?: string;
  lastName?: string;
}

/**
 * Splits a full name typed in one field: "Ada Lovelace" → Ada / Lovelace, "Lovelace, Ada" → Ada / Lovelace,
 * "Jean Paul Sartre" → Jean / Paul Sartre (the first word is the first name), "Madonna" → last name only
 * (the CRM requires a last name, not a first name). Spaces are collapsed; an empty or missing name gives `{}`.
 */
export function splitFullName(full: string | undefined): NameParts {
  const clean = (full ?? '').replace(/\s+/g, ' ').trim();
  if (clean === '') return {};
  const comma = clean.indexOf(',');
  if (comma > 0) {
    const last = clean.slice(0, comma).trim();
    const first = clean.slice(comma + 1).trim();
    return first === '' ? { lastName: last } : { firstName: first, lastName: last };
  }
  const space = clean.indexOf(' ');
  if (space < 0) return { lastName: clean };
  return { firstName: clean.slice(0, space), lastName: clean.slice(space + 1) };
}
