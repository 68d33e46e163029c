/**
 * A copy of `text` that keeps no other string alive. V8 keeps a slice of a longer string (`url.pathname`,
 * `substring`) or a concatenation as a view onto its sources: a request path cut from its URL holds the whole URL,
 * about twice its own size. JSON.parse makes a flat string of its own (measured: 272 → 140 bytes per logged
 * Salesforce query path). Meant for strings a log keeps for the whole run.
 */
export function detachedString(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
