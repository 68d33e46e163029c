import fc from 'fast-check';

/** Strings that break naive code: very long, control characters, lone surrogates, RTL marks, SQL and SOQL quotes. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', "O'Brien\\", '\u0000', '\u202e', '\ud800', '%_', "' OR Id != null --", '{!x}', '__proto__', 'null'),
  fc.nat({ max: 40_000 }).map((n) => 'x'.repeat(n)),
);

/** Any JSON value, with hostile strings in it. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(fc.jsonValue({ maxDepth: 3 }), hostileString, fc.constantFrom(null, true, 0, -1, 1e308, []));

/**
 * Mutations of a JSON value: replace one of its leaves or containers (chosen by `pick`) with a hostile value, delete
 * it, or wrap it `depth` levels deep. Returns a new value; the input is not changed.
 */
export function mutateJson(value: unknown): fc.Arbitrary<unknown> {
  const paths = allPaths(value);
  return fc.record({ path: fc.constantFrom(...paths), action: fc.constantFrom('replace', 'delete', 'wrap'), replacement: hostileJson, depth: fc.integer({ min: 1, max: 3_000 }) }).map(({ path, action, replacement, depth }) => {
    const copy = structuredClone(value);
    if (path.length === 0) return action === 'wrap' ? wrap(copy, depth) : replacement;
    const parent = path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], copy) as Record<string | number, unknown>;
    const last = path[path.length - 1]!;
    if (action === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else parent[last] = action === 'wrap' ? wrap(parent[last], depth) : replacement;
    return copy;
  });
}

function wrap(value: unknown, depth: number): unknown {
  let out = value;
  for (let i = 0; i < depth; i++) out = i % 2 === 0 ? [out] : { v: out };
  return out;
}

function allPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...allPaths(v, [...prefix, i])));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) out.push(...allPaths(v, [...prefix, k]));
  return out;
}
