/**
 * The items of a comma-separated CLI option as typed, each trimmed: `"web-form, chat"` → `['web-form', 'chat']`. An
 * empty item (`a,,b`, a trailing comma, an empty value) is kept, for the item's schema to refuse rather than to be
 * dropped without a word.
 */
export function listItems(text: string): string[] {
  return text.split(',').map((item) => item.trim());
}
