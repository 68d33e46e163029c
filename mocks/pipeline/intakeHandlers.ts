import { safeParse as parseContentType } from 'fast-content-type-parse';
import type { HttpHandler } from 'msw';
import { http } from '../inProcessHttp.ts';
import { jsonResponse } from '../jsonResponse.ts';
import { unknownPathHandlers, type UnknownPathOptions, type UnknownPathResponder } from '../unknownPath.ts';
import { formatIssue, formatPath } from '../../src/core/errors.ts';
import { ENTRY_POINTS } from '../../src/model/entryPointId.ts';
import type { Intake } from '../../src/pipeline/intake.ts';
import { INTAKE_LIMITS } from '../../src/pipeline/intakeLimits.ts';
import { carriedBodySize, carriedJson } from '../../src/core/inProcessBody.ts';

/** The intake's error body: a stable code, a sentence, and each issue on one line (`$.path: what (expected, got)`). */
export interface IntakeErrorBody {
  readonly error: string;
  readonly message: string;
  readonly issues: readonly string[];
  readonly [extra: string]: unknown;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function refuse(status: number, body: IntakeErrorBody): Response {
  return jsonResponse(body, { status });
}

/** Whether a Content-Type names JSON in UTF-8 (`application/json`, or a `+json` type; no other charset). */
function isJson(header: string | null): boolean {
  if (header === null) return false;
  const { type, parameters } = parseContentType(header);
  const charset = parameters['charset']?.toLowerCase();
  return (type === 'application/json' || type.endsWith('+json')) && (charset === undefined || charset === 'utf-8');
}

/**
 * The pipeline's intake webhook: `POST /intake/{entryPoint}` with the vendor payload as a JSON body
 * (`Content-Type: application/json`, UTF-8) and an optional `Idempotency-Key` (scoped to the entry point).
 * Answers 202 `{eventId, duplicate}`. Everything it will not process is refused here, with nothing queued, as
 * {@link IntakeErrorBody}:
 * - 415 `UNSUPPORTED_MEDIA_TYPE`: the body is not declared as JSON (a browser form or `text/plain` post);
 * - 413 `PAYLOAD_TOO_LARGE`: over {@link INTAKE_LIMITS.maxBodyBytes};
 * - 400 `INVALID_JSON` (not UTF-8 JSON), `INVALID_IDEMPOTENCY_KEY`, `PAYLOAD_TOO_DEEP`, `INVALID_PAYLOAD` (the
 *   payload does not fit its entry point's schema);
 * - 404 `UNKNOWN_ENTRY_POINT`, with `entryPoints` listing the known ones;
 * - 409 `IDEMPOTENCY_KEY_REUSED`: the key already names an event with another payload; `eventId`, `key`,
 *   `receivedAt` and `differences` (`{path, first, now}`) name both deliveries.
 */
export function intakeHandlers(intake: Intake, unknownPaths: UnknownPathOptions = {}): HttpHandler[] {
  return [
    http.post('*/intake/:entryPoint', async ({ request, params }) => {
      const entryPoint = String(params['entryPoint']);
      const contentType = request.headers.get('content-type');
      if (!isJson(contentType)) {
        return refuse(415, {
          error: 'UNSUPPORTED_MEDIA_TYPE',
          message: `Failed to read the webhook body: its Content-Type is ${contentType === null ? 'missing' : JSON.stringify(contentType)}. Send the vendor payload as application/json (UTF-8).`,
          issues: [],
        });
      }
      const tooLarge = (bytes: number) =>
        refuse(413, { error: 'PAYLOAD_TOO_LARGE', message: `Failed to read the webhook body: it is ${bytes} bytes, more than the intake's ${INTAKE_LIMITS.maxBodyBytes}. Send one lead's payload per request.`, issues: [] });
      let payload: unknown;
      const carried = carriedJson(request);
      if (carried) {
        // A body carried beside the request (the dispatch transport): its size is that of its JSON text.
        const size = carriedBodySize(request) ?? 0;
        if (size > INTAKE_LIMITS.maxBodyBytes) return tooLarge(size);
        payload = carried.value;
      } else {
        const declared = Number(request.headers.get('content-length') ?? 0);
        if (declared > INTAKE_LIMITS.maxBodyBytes) return tooLarge(declared);
        const bytes = new Uint8Array(await request.arrayBuffer());
        if (bytes.byteLength > INTAKE_LIMITS.maxBodyBytes) return tooLarge(bytes.byteLength);
        try {
          payload = JSON.parse(decoder.decode(bytes));
        } catch (error) {
          return refuse(400, { error: 'INVALID_JSON', message: `Failed to read the webhook body: it is not UTF-8 JSON (${(error as Error).message}). Send the vendor payload as application/json.`, issues: [] });
        }
      }
      const key = request.headers.get('idempotency-key');
      // Errors name what was sent: "request body $.data.email: …".
      const receipt = intake.receive(entryPoint, payload, { file: 'request body', ...(key === null ? {} : { key }) });
      if (receipt.ok) return jsonResponse({ eventId: receipt.duplicate ? receipt.eventId : receipt.event.id, duplicate: receipt.duplicate }, { status: 202 });
      const { error, conflict } = receipt;
      const body = { error: error.code, message: error.message, issues: error.issues.map(formatIssue) };
      if (conflict) {
        return refuse(409, {
          ...body,
          eventId: conflict.eventId,
          key: conflict.key,
          receivedAt: new Date(conflict.receivedAt).toISOString(),
          differences: conflict.differences.map((d) => ({ path: formatPath(d.path), first: d.first, now: d.now })),
        });
      }
      if (error.code === 'UNKNOWN_ENTRY_POINT') return refuse(404, { ...body, entryPoints: ENTRY_POINTS });
      return refuse(400, body);
    }),
    ...unknownPathHandlers({ intake: intakeNotFound }, unknownPaths),
  ];
}

/** The intake's answer to a path it does not know: 404 naming the entry points. */
export const intakeNotFound: UnknownPathResponder = (request, url) =>
  refuse(404, { error: 'NOT_FOUND', message: `Failed to find an intake resource at ${request.method} ${url.pathname}: post the vendor payload to /intake/{entryPoint}.`, issues: [], entryPoints: ENTRY_POINTS });
