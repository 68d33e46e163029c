import { http, type HttpHandler } from 'msw';
import { jsonResponse } from '../jsonResponse.ts';
import { unknownPathHandlers, type UnknownPathOptions, type UnknownPathResponder } from '../unknownPath.ts';
import { formatIssue } from '../../src/core/errors.ts';
import { ENTRY_POINTS } from '../../src/model/entryPointId.ts';
import type { Intake } from '../../src/pipeline/intake.ts';

/**
 * The pipeline's intake webhook: `POST /intake/{entryPoint}` with the vendor payload as the JSON body and an
 * optional `Idempotency-Key` header. Answers 202 `{eventId, duplicate}`; 400 `{error, issues}` for a payload that
 * does not fit its entry point; 404 for an unknown entry point (listing the known ones).
 */
export function intakeHandlers(intake: Intake, unknownPaths: UnknownPathOptions = {}): HttpHandler[] {
  return [
    http.post('*/intake/:entryPoint', async ({ request, params }) => {
      const entryPoint = String(params['entryPoint']);
      let payload: unknown;
      try {
        payload = await request.json();
      } catch {
        return jsonResponse({ error: 'INVALID_JSON', message: 'Failed to read the webhook body: it is not JSON. Send the vendor payload as application/json.' }, { status: 400 });
      }
      const key = request.headers.get('idempotency-key');
      const receipt = intake.receive(entryPoint, payload, key ? { id: key } : {});
      if (receipt.ok) return jsonResponse({ eventId: receipt.duplicate ? receipt.eventId : receipt.event.id, duplicate: receipt.duplicate }, { status: 202 });
      const unknown = receipt.error.code === 'UNKNOWN_ENTRY_POINT';
      return jsonResponse(
        { error: receipt.error.code, message: receipt.error.message, issues: receipt.error.issues.map(formatIssue), ...(unknown ? { entryPoints: ENTRY_POINTS } : {}) },
        { status: unknown ? 404 : 400 },
      );
    }),
    ...unknownPathHandlers({ intake: intakeNotFound }, unknownPaths),
  ];
}

/** The intake's answer to a path it does not know: 404 naming the entry points. */
export const intakeNotFound: UnknownPathResponder = (request, url) =>
  jsonResponse({ error: 'NOT_FOUND', message: `No intake resource at ${request.method} ${url.pathname}: post the vendor payload to /intake/{entryPoint}.`, entryPoints: ENTRY_POINTS }, { status: 404 });
