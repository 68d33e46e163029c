import type { PathStep } from './route.ts';

/** A routing path on one line: conditions with their answer, then the node names, e.g. `isMql(no) → assignInquiryQueue → done`. */
export function renderPath(path: readonly PathStep[]): string {
  return path.map((s) => (s.kind === 'condition' && s.result !== undefined ? `${s.node}(${s.result ? 'yes' : 'no'})` : s.node)).join(' → ');
}
