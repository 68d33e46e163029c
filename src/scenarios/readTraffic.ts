import { describeValue, formatPath, InputError, type InputIssue } from '../core/errors.ts';
import { isEntryPoint, parsePayload } from '../entrypoints/registry.ts';
import { ENTRY_POINTS } from '../model/entryPointId.ts';
import { parseListUploadCsv } from '../entrypoints/parseListUploadCsv.ts';

/** One inbound payload read from real traffic, with its entry point and, when the log has one, its time. */
export interface TrafficEvent {
  readonly entryPoint: string;
  readonly payload: unknown;
  readonly id?: string;
  /** Epoch ms, from the log. */
  readonly time?: number;
}

/** One entry left out by `skipInvalid`: where it is (`line 7`, or a JSON path in a HAR file) and why. */
export interface SkippedEntry {
  readonly where: string;
  readonly reason: string;
}

/**
 * What a traffic reader found: the events; how many entries it skipped (not an inbound request, or invalid with
 * skipInvalid); each invalid one it left out, with where and why; and notes on how it read the file (encoding,
 * delimiter, header mapping, blank lines).
 */
export interface TrafficRead {
  readonly events: TrafficEvent[];
  readonly skipped: number;
  readonly invalid: readonly SkippedEntry[];
  readonly notes: readonly string[];
}

/** Options of the traffic readers. */
export interface ReadTrafficOptions {
  /** Names the file in errors. */
  readonly file?: string;
  /** Skip payloads that do not fit their entry point instead of failing (default false). */
  readonly skipInvalid?: boolean;
  /** CSV bytes: their encoding, instead of detecting it. */
  readonly encoding?: string;
}

/**
 * Webhook payload logs, one JSON object a line: either `{ "entryPoint", "payload", "id"?, "receivedAt"? }`, or the
 * bare payload of `entryPoint`. Problems are reported by line (`$[line]`).
 */
export function readJsonlTraffic(text: string, entryPoint: string | undefined, options: ReadTrafficOptions = {}): TrafficRead {
  const issues: InputIssue[] = [];
  const events: TrafficEvent[] = [];
  const lines: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      issues.push({ path: [i + 1], message: `invalid JSON on line ${i + 1}: ${(error as Error).message}`, expected: 'one JSON object per line' });
      return;
    }
    const wrapped = typeof json === 'object' && json !== null && 'payload' in json && 'entryPoint' in json ? (json as { entryPoint: unknown; payload: unknown; id?: unknown; receivedAt?: unknown }) : undefined;
    const ep = wrapped ? String(wrapped.entryPoint) : entryPoint;
    if (ep === undefined) {
      issues.push({ path: [i + 1], message: 'no entry point', expected: '{ "entryPoint", "payload" } lines, or --entry-point for bare payloads', got: describeValue(json) });
      return;
    }
    const time = wrapped && typeof wrapped.receivedAt === 'number' ? wrapped.receivedAt : undefined;
    lines.push(i + 1);
    events.push({ entryPoint: ep, payload: wrapped ? wrapped.payload : json, ...(wrapped && typeof wrapped.id === 'string' ? { id: wrapped.id } : {}), ...(time !== undefined ? { time } : {}) });
  });
  return finish(events, issues, options, (i) => [lines[i]!], (path) => `line ${path[0]}`);
}

/**
 * An event CSV (list upload), as text or as the file's bytes (encoding detected, see parseListUploadCsv): one
 * list-upload payload per row, for `campaign` with `memberStatus`. Notes say how the file was read.
 */
export function readCsvTraffic(input: string | Uint8Array, upload: { campaign: string; memberStatus: string; partnerAccountId?: string }, options: ReadTrafficOptions = {}): TrafficRead {
  const parsed = parseListUploadCsv(input, { ...(options.file !== undefined ? { file: options.file } : {}), ...(options.encoding !== undefined ? { encoding: options.encoding } : {}), skipInvalid: options.skipInvalid ?? false });
  if (!parsed.ok) throw parsed.error;
  const file = options.file?.split('/').at(-1);
  const events = parsed.rows.map(({ line, row }) => ({
    entryPoint: 'list-upload',
    payload: { ...(file ? { file } : {}), line, campaign: upload.campaign, memberStatus: upload.memberStatus, ...(upload.partnerAccountId ? { partnerAccountId: upload.partnerAccountId } : {}), row },
  }));
  const read = finish(events, [], options, (i) => [parsed.rows[i]!.line], (path) => `line ${path[0]}`);
  const mapped = parsed.headers.filter((h) => h.column !== undefined && (h.column !== h.header || h.column === 'Full Name')).map((h) => `"${h.header}" → ${h.column === 'Full Name' ? 'First Name + Last Name' : h.column}`);
  const extra = parsed.headers.filter((h) => h.key !== undefined).map((h) => `"${h.header}"${h.key !== h.header ? ` (as ${h.key})` : ''}`);
  const delimiter = parsed.delimiter === '\t' ? 'tab' : `"${parsed.delimiter}"`;
  const notes = [
    `read as ${parsed.encoding}, ${delimiter}-separated, ${parsed.rows.length} rows`,
    ...(mapped.length ? [`columns: ${mapped.join(', ')}`] : []),
    ...(extra.length ? [`kept as extra columns (not used by the pipeline): ${extra.join(', ')}`] : []),
    ...(parsed.blankLines.length ? [`ignored ${parsed.blankLines.length} blank line${parsed.blankLines.length === 1 ? '' : 's'} (${parsed.blankLines.join(', ')})`] : []),
  ];
  const invalid = [...parsed.skipped.map((s) => ({ where: `line ${s.line}`, reason: s.reason })), ...read.invalid];
  return { events: read.events, skipped: read.skipped + parsed.skipped.length, invalid, notes };
}

/**
 * Captured HTTP (a HAR file): every POST to `/intake/{entryPoint}` (the pipeline's webhook), and every Marketo
 * `submitForm.json` (each input a web-form payload). Other requests are skipped and listed in a note (index, method,
 * URL). An intake POST naming an unknown entry point, or an inbound POST without a JSON body, is an error naming the
 * entry's JSON path (with skipInvalid: left out and listed with its reason), as a bad line of a JSONL log is.
 */
export function readHarTraffic(text: string, options: ReadTrafficOptions = {}): TrafficRead {
  let har: { log?: { entries?: unknown[] } };
  try {
    har = JSON.parse(text) as typeof har;
  } catch (error) {
    throw new InputError('INVALID_INPUT', { action: 'read the HAR file', ...(options.file ? { file: options.file } : {}), issues: [{ path: [], message: `invalid JSON: ${(error as Error).message}`, expected: 'a HAR 1.2 file' }] });
  }
  const entries = har.log?.entries;
  if (!Array.isArray(entries)) throw new InputError('INVALID_INPUT', { action: 'read the HAR file', ...(options.file ? { file: options.file } : {}), issues: [{ path: ['log', 'entries'], message: 'no entries', expected: 'a HAR 1.2 file with log.entries' }] });
  const events: TrafficEvent[] = [];
  const paths: (string | number)[][] = [];
  const issues: InputIssue[] = [];
  const refused: SkippedEntry[] = [];
  const other: string[] = [];
  // An inbound request leadsim cannot read is an error (or, with skipInvalid, left out and listed), as in a JSONL log.
  const bad = (issue: InputIssue) => (options.skipInvalid ? refused.push({ where: formatPath(issue.path), reason: `${issue.message}${issue.expected ? ` (expected ${issue.expected})` : ''}` }) : issues.push(issue));
  entries.forEach((entry, i) => {
    const e = entry as { startedDateTime?: string; request?: { method?: string; url?: string; postData?: { text?: string }; headers?: { name: string; value: string }[] } };
    const req = e.request;
    const url = (() => {
      try {
        return new URL(req?.url ?? '');
      } catch {
        return undefined;
      }
    })();
    const intake = url ? /\/intake\/([^/]+)\/?$/.exec(url.pathname) : null;
    const submitForm = url !== undefined && /\/rest\/v1\/leads\/submitForm\.json$/.test(url.pathname);
    if (req?.method !== 'POST' || !url || (!intake && !submitForm)) return void other.push(`[${i}] ${req?.method ?? '?'} ${req?.url ?? '(no url)'}`);
    if (intake && !isEntryPoint(intake[1]!)) {
      return void bad({ path: ['log', 'entries', i, 'request', 'url'], message: `POST ${url.pathname} names an unknown entry point`, expected: `one of ${ENTRY_POINTS.join(', ')}`, got: JSON.stringify(intake[1]) });
    }
    const time = e.startedDateTime ? Date.parse(e.startedDateTime) : Number.NaN;
    const at = Number.isNaN(time) ? {} : { time };
    const path = ['log', 'entries', i, 'request', 'postData', 'text'];
    let body: unknown;
    try {
      body = JSON.parse(req.postData?.text ?? '');
    } catch (error) {
      return void bad({ path, message: `POST ${url.pathname} has no JSON body (${req.postData?.text === undefined ? 'no postData.text' : (error as Error).message})`, expected: 'the request body as JSON text' });
    }
    if (intake) {
      const key = req.headers?.find((h) => h.name.toLowerCase() === 'idempotency-key')?.value;
      events.push({ entryPoint: intake[1]!, payload: body, ...(key ? { id: key } : {}), ...at });
      paths.push(path);
      return;
    }
    const form = body as { formId?: unknown; input?: { leadFormFields?: unknown; visitorData?: unknown }[] };
    (form.input ?? []).forEach((input, j) => {
      events.push({ entryPoint: 'web-form', payload: { formId: form.formId, leadFormFields: input.leadFormFields, ...(input.visitorData ? { visitorData: input.visitorData } : {}) }, ...at });
      paths.push([...path, 'input', j]);
    });
  });
  const read = finish(events, issues, options, (i) => paths[i] ?? [], formatPath);
  const shown = other.slice(0, 5).join(', ');
  const notes = other.length ? [`skipped ${other.length} ${other.length === 1 ? 'entry that is' : 'entries that are'} not inbound requests (not a POST to /intake/{entryPoint} or Marketo submitForm.json): ${shown}${other.length > 5 ? `, and ${other.length - 5} more` : ''}`] : [];
  return { ...read, skipped: read.skipped + refused.length + other.length, invalid: [...refused, ...read.invalid], notes: [...read.notes, ...notes] };
}

/** Checks every payload against its entry point; throws all problems at once unless skipInvalid. */
function finish(events: TrafficEvent[], issues: InputIssue[], options: ReadTrafficOptions, where: (index: number) => (string | number)[], label: (path: (string | number)[]) => string): TrafficRead {
  const kept: TrafficEvent[] = [];
  const invalid: SkippedEntry[] = [];
  events.forEach((event, i) => {
    const parsed = parsePayload(event.entryPoint, event.payload, { path: where(i) });
    if (parsed.ok) kept.push(event);
    else if (options.skipInvalid) invalid.push({ where: label(where(i)), reason: parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join('; ') });
    else issues.push(...parsed.error.issues);
  });
  if (issues.length > 0) {
    throw new InputError('INVALID_PAYLOAD', { action: 'import the traffic', ...(options.file ? { file: options.file } : {}), issues, hint: 'Fix or remove those entries, or pass --skip-invalid to leave them out.' });
  }
  return { events: kept, skipped: invalid.length, invalid, notes: [] };
}
