import type { EventTrace } from '../../pipeline/trace.ts';

/** A lead or contact an action works on: its CRM type and id. */
export interface PersonRef {
  readonly type: 'Lead' | 'Contact';
  readonly id: string;
}

/**
 * What one action did. `ok`: a line saying what changed, the user who acted, the routing traces it caused (re-runs),
 * the person its key names afterwards (a conversion moves it to the contact) and the id of a record it created.
 * Not `ok`: `refused` when a system refused the change itself (its error as text), else what else kept the action
 * from finishing (nothing to act on, a re-run that was skipped or failed), with the traces it left.
 */
export type ActionResult =
  | {
      readonly ok: true;
      readonly detail: string;
      readonly as: string;
      readonly traces: readonly EventTrace[];
      readonly person?: PersonRef;
      readonly createdId?: string;
    }
  | { readonly ok: false; readonly refused: boolean; readonly problem: string; readonly as: string; readonly traces: readonly EventTrace[] };

/** A finished action. */
export function actionDone(as: string, detail: string, extra: { traces?: readonly EventTrace[]; person?: PersonRef; createdId?: string } = {}): ActionResult {
  return { ok: true, detail, as, traces: extra.traces ?? [], ...(extra.person ? { person: extra.person } : {}), ...(extra.createdId ? { createdId: extra.createdId } : {}) };
}

/** An action a system refused: `problem` says what was refused and the system's answer. */
export function actionRefused(as: string, problem: string): ActionResult {
  return { ok: false, refused: true, problem, as, traces: [] };
}

/** An action that could not finish for another reason than a refusal (nothing to act on, a re-run skipped). */
export function actionProblem(as: string, problem: string, traces: readonly EventTrace[] = []): ActionResult {
  return { ok: false, refused: false, problem, as, traces };
}
