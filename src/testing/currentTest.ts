/** What a test runner's `expect` knows about the running test (vitest's and jest's `expect.getState()`). */
interface ExpectState {
  readonly currentTestName?: string | undefined;
  readonly testPath?: string | undefined;
}

/** An `expect` as `installLeadsimMatchers` receives it. */
export interface ExpectLike {
  extend(matchers: Record<string, unknown>): void;
  getState?: () => ExpectState;
}

let installed: ExpectLike | undefined;

/** Remembers the test runner's `expect`, so replay commands can name the running test (called by `installLeadsimMatchers`). */
export function rememberExpect(expect: ExpectLike): void {
  installed = expect;
}

/** The running test, as far as the remembered `expect` knows it: its file and its full name (vitest's `a > b > name`). */
export function currentTest(): ExpectState {
  return installed?.getState?.() ?? {};
}
