import type { LeafTest, Test } from './graphSchema.ts';

/** Whether a test has inner tests (`and`, `or`, `not`). */
export function isCompound(test: Test): test is Extract<Test, { op: 'and' | 'or' | 'not' }> {
  return test.op === 'and' || test.op === 'or' || test.op === 'not';
}

/**
 * The leaf tests of a test with their positions, depth first: `""` for a leaf root, `"1.0"` for the first inner test
 * of the second (a `not`'s inner test is `0`), as the interpreter's `LeafDecision.at` names them.
 */
export function leafTests(test: Test, at = ''): { at: string; test: LeafTest }[] {
  const inner = (i: number) => (at === '' ? String(i) : `${at}.${i}`);
  if (test.op === 'and' || test.op === 'or') return test.tests.flatMap((t, i) => leafTests(t, inner(i)));
  if (test.op === 'not') return leafTests(test.test, inner(0));
  return [{ at, test }];
}
