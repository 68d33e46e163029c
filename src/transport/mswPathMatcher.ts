/** The params a matched handler path yields, as msw's `matchRequestUrl` gives them (decoded). */
export type PathParams = Record<string, string>;

/** Matches a request's clean URL (origin + pathname) against one handler path; undefined when it does not match. */
export type PathMatcher = (cleanUrl: string) => PathParams | undefined;

const NAME_CHAR = /[0-9A-Za-z_]/;
const UNSUPPORTED = /[()?+{}\\#]|:\/\//;

function escape(text: string): string {
  return text.replace(/([.+*?=^!:${}()[\]|/\\])/g, '\\$1');
}

/**
 * Compiles an msw 2.x handler path that starts with `*` (any origin) into a matcher built once, instead of msw
 * compiling it again for every request and every handler. The regular expression is the one msw builds (its
 * `coercePath`, then path-to-regexp 6 with its defaults: case-insensitive, optional trailing delimiter): `*` is the
 * unnamed group `(.*)` (params "0", "1", …), `/:name` a segment `[^/#?]+?`, with the `/` or `.` before it as prefix.
 * Returns undefined for any other path syntax (optional or repeated params, custom groups, absolute URLs): those
 * keep msw's own matching. test/transport pins the equivalence with msw's `matchRequestUrl`.
 */
export function compileMswPath(path: string): PathMatcher | undefined {
  if (!path.startsWith('*') || UNSUPPORTED.test(path)) return undefined;
  let source = '';
  const keys: string[] = [];
  let unnamed = 0;
  let pending = '';
  const flushPrefix = (): string => {
    const last = pending.at(-1);
    const prefix = last === '/' || last === '.' ? last : '';
    source += escape(prefix === '' ? pending : pending.slice(0, -1));
    pending = '';
    return prefix;
  };
  for (let i = 0; i < path.length; i++) {
    const c = path[i] as string;
    if (c === '*') {
      // msw turns `name*` into `name(.*)` and keeps `:name*` (a repeated param): only a bare `*` is handled here.
      if (pending !== '' && pending.at(-1) !== '/') return undefined;
      if (path[i + 1] === '*') return undefined;
      const prefix = flushPrefix();
      source += prefix === '' ? '(.*)' : `(?:${escape(prefix)}(.*))`;
      keys.push(String(unnamed++));
    } else if (c === ':') {
      let name = '';
      while (i + 1 < path.length && NAME_CHAR.test(path[i + 1] as string)) name += path[++i];
      if (name === '' || path[i + 1] === '*') return undefined;
      const prefix = flushPrefix();
      source += `(?:${escape(prefix)}([^\\/#\\?]+?))`;
      keys.push(name);
    } else pending += c;
  }
  source += escape(pending);
  const re = new RegExp(`^${source}[\\/#\\?]?$`, 'i');
  return (cleanUrl) => {
    const m = re.exec(cleanUrl);
    if (!m) return undefined;
    const params: PathParams = Object.create(null) as PathParams;
    for (let k = 0; k < keys.length; k++) {
      const value = m[k + 1];
      if (value !== undefined) params[keys[k] as string] = decodeURIComponent(value);
    }
    return params;
  };
}
