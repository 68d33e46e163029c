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
    if (path.length === 0) return action === 'wrap' ? wrap(value, depth) : replacement;
    const copy = copyAlong(value, path);
    const parent = path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], copy) as Record<string | number, unknown>;
    const last = path[path.length - 1]!;
    if (action === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else parent[last] = action === 'wrap' ? wrap(parent[last], depth) : replacement;
    return copy;
  });
}

/**
 * Mutations that keep a value's shape: one of its string leaves replaced with a hostile string (most files stay
 * loadable, so what runs after loading is fuzzed too).
 */
export function mutateStrings(value: unknown): fc.Arbitrary<unknown> {
  const paths = allPaths(value).filter((p) => p.length > 0 && typeof valueAt(value, p) === 'string');
  if (paths.length === 0) return fc.constant(value);
  return fc.record({ path: fc.constantFrom(...paths), replacement: hostileString }).map(({ path, replacement }) => {
    const copy = copyAlong(value, path);
    const parent = valueAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
    parent[path[path.length - 1]!] = replacement;
    return copy;
  });
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Record<string | number, unknown>)[k] : undefined), value);
}

/** A copy of `value` in which only the containers along `path` are new (shallow copies): the rest is shared, unchanged. */
function copyAlong(value: unknown, path: readonly (string | number)[]): unknown {
  const root = shallowCopy(value);
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    node[key] = shallowCopy(node[key]);
    node = node[key] as Record<string | number, unknown>;
  }
  return root;
}

function shallowCopy(value: unknown): unknown {
  if (Array.isArray(value)) return [...value];
  return typeof value === 'object' && value !== null ? { ...value } : value;
}

function wrap(value: unknown, depth: number): unknown {
  let out = value;
  for (let i = 0; i < depth; i++) out = i % 2 === 0 ? [out] : { v: out };
  return out;
}

/** Every path into `value` down to 50 levels (iterative: a value already wrapped 3,000 deep is walked safely). */
function allPaths(value: unknown): (string | number)[][] {
  const out: (string | number)[][] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    out.push(path);
    if (path.length >= 50 || typeof v !== 'object' || v === null) continue;
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((item, i) => [i, item]) : Object.entries(v);
    for (const [k, item] of entries.reverse()) stack.push({ value: item, path: [...path, k] });
  }
  return out;
}
