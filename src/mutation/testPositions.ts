import type { Test } from '../routing/graphSchema.ts';

/** The inner tests of a test, with their positions (`"1"`, `"1.0"`… as `LeafDecision.at`), the root excluded. */
export function innerTests(test: Test, at = ''): { at: string; test: Test }[] {
  const inner = (i: number) => (at === '' ? String(i) : `${at}.${i}`);
  const children = test.op === 'and' || test.op === 'or' ? test.tests : test.op === 'not' ? [test.test] : [];
  return children.flatMap((child, i) => [{ at: inner(i), test: child }, ...innerTests(child, inner(i))]);
}

/** Every test of a test with its position, the root (`""`) first. */
export function allTests(test: Test): { at: string; test: Test }[] {
  return [{ at: '', test }, ...innerTests(test)];
}

/**
 * The test with the test at `at` replaced by `replacement`, or removed from its `and`/`or` when `replacement` is
 * undefined. Returns a new test; the input is not changed.
 */
export function replaceTest(test: Test, at: string, replacement: Test | undefined): Test {
  if (at === '') {
    if (replacement === undefined) throw new RangeError('Failed to remove the root test: a condition needs a test.');
    return replacement;
  }
  const [head, ...rest] = at.split('.');
  const index = Number(head);
  const restAt = rest.join('.');
  if (test.op === 'not') return { op: 'not', test: replaceTest(test.test, restAt, replacement) };
  if (test.op !== 'and' && test.op !== 'or') throw new RangeError(`Failed to find test "${at}": a leaf test has no inner tests.`);
  const tests = test.tests.flatMap((child, i) => {
    if (i !== index) return [child];
    if (restAt === '') return replacement === undefined ? [] : [replacement];
    return [replaceTest(child, restAt, replacement)];
  });
  return { op: test.op, tests };
}
