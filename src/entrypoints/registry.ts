import { z } from 'zod';
import { InputError, issuesFromZod } from '../core/errors.ts';
import { ENTRY_POINTS, type EntryPoint, isEntryPoint } from '../model/entryPointId.ts';
import type { StandardLead } from '../model/inboundLead.ts';
import { adVendor } from './adVendor.ts';
import { chat } from './chat.ts';
import type { EntryPointDefinition } from './entryPointDefinition.ts';
import { listUpload } from './listUpload.ts';
import { partnerPortal } from './partnerPortal.ts';
import { salesCreated } from './salesCreated.ts';
import { trialSignUp } from './trialSignUp.ts';
import { webForm } from './webForm.ts';

export { ENTRY_POINTS, type EntryPoint, isEntryPoint };

/** Every entry point's definition by id, in {@link ENTRY_POINTS} order. */
export const ENTRY_POINT_DEFINITIONS = {
  'web-form': webForm,
  chat,
  'ad-vendor': adVendor,
  'list-upload': listUpload,
  'sales-created': salesCreated,
  'partner-portal': partnerPortal,
  'trial-sign-up': trialSignUp,
} as const satisfies { readonly [K in EntryPoint]: EntryPointDefinition };

type Definitions = typeof ENTRY_POINT_DEFINITIONS;

/** The validated vendor payload of entry point `K`. */
export type PayloadOf<K extends EntryPoint> = z.output<Definitions[K]['payloadSchema']>;

/** The definition (schema, transform, labels) of one entry point. Throws UNKNOWN_ENTRY_POINT for any other id. */
export function entryPoint<K extends EntryPoint>(id: K): Definitions[K];
export function entryPoint(id: string): Definitions[EntryPoint];
export function entryPoint(id: string): Definitions[EntryPoint] {
  if (!isEntryPoint(id)) throw unknownEntryPoint(id, {});
  return ENTRY_POINT_DEFINITIONS[id];
}

function unknownEntryPoint(id: string, options: PayloadSource): InputError {
  // The entry point id sits beside the payload in an event (`…payload` → `…entryPoint`).
  const payloadPath = options.path ?? [];
  const path = payloadPath.at(-1) === 'payload' ? [...payloadPath.slice(0, -1), 'entryPoint'] : [...payloadPath];
  return new InputError('UNKNOWN_ENTRY_POINT', {
    action: 'read the inbound event',
    issues: [{ path, message: 'unknown entry point', expected: `one of ${ENTRY_POINTS.join(', ')}`, got: JSON.stringify(id) }],
    ...(options.file !== undefined ? { file: options.file } : {}),
    hint: `Use one of the ${ENTRY_POINTS.length} entry point ids.`,
  });
}

/** A payload that passed its entry point's schema, tagged with the entry point. */
export type ParsedPayload = { [K in EntryPoint]: { entryPoint: K; payload: PayloadOf<K> } }[EntryPoint];

/**
 * Where a payload came from, for error messages: the file, and the JSON path of the payload inside it. When that
 * path ends in `payload` (an event), an unknown entry point is reported at the sibling `entryPoint`.
 */
export interface PayloadSource {
  file?: string;
  /** Path of the payload inside `file`, e.g. `['events', 3, 'payload']`; issue paths are appended to it. */
  path?: readonly (string | number)[];
}

/**
 * Validates a vendor payload against its entry point's schema, once, at the boundary. Errors are data: an
 * {@link InputError} with code UNKNOWN_ENTRY_POINT (listing the valid ids) or INVALID_PAYLOAD (each issue with its
 * JSON path, what was expected and what was found).
 */
export function parsePayload(
  entryPointId: string,
  payload: unknown,
  source: PayloadSource = {},
): ({ ok: true } & ParsedPayload) | { ok: false; error: InputError } {
  if (!isEntryPoint(entryPointId)) return { ok: false, error: unknownEntryPoint(entryPointId, source) };
  const definition: EntryPointDefinition = ENTRY_POINT_DEFINITIONS[entryPointId];
  const result = definition.payloadSchema.safeParse(payload, { reportInput: true });
  if (result.success) return { ok: true, entryPoint: entryPointId, payload: result.data } as { ok: true } & ParsedPayload;
  const prefix = source.path ?? [];
  return {
    ok: false,
    error: new InputError('INVALID_PAYLOAD', {
      action: `read the ${entryPointId} payload`,
      issues: issuesFromZod(result.error).map((issue) => ({ ...issue, path: [...prefix, ...issue.path] })),
      ...(source.file !== undefined ? { file: source.file } : {}),
      hint: `Fix the payload to the ${entryPointId} shape: ${definition.description}`,
    }),
  };
}

function eventSchema<const K extends EntryPoint, S extends z.ZodType>(id: K, payload: S) {
  return z.object({
    /** The event's id, unique within its scenario or run. */
    id: z.string().min(1),
    entryPoint: z.literal(id),
    payload,
    /** Simulated time (epoch ms) the intake received it; the runner's clock decides when absent. */
    receivedAt: z.number().int().optional(),
  });
}

/**
 * An inbound event as scenario files embed it: `{ id, entryPoint, payload, receivedAt? }`, the payload checked
 * against its own entry point's schema (a discriminated union on `entryPoint`).
 */
export const InboundEventSchema = z.discriminatedUnion('entryPoint', [
  eventSchema('web-form', webForm.payloadSchema),
  eventSchema('chat', chat.payloadSchema),
  eventSchema('ad-vendor', adVendor.payloadSchema),
  eventSchema('list-upload', listUpload.payloadSchema),
  eventSchema('sales-created', salesCreated.payloadSchema),
  eventSchema('partner-portal', partnerPortal.payloadSchema),
  eventSchema('trial-sign-up', trialSignUp.payloadSchema),
]);

/** An inbound event: an entry point's vendor payload with an id and an optional receive time. */
export type InboundEvent = z.infer<typeof InboundEventSchema>;

/**
 * The transform job for any entry point: vendor payload → {@link StandardLead}. `at` is the simulated receive
 * time (an event's own `receivedAt` is the caller's to prefer).
 */
export function transformPayload(parsed: ParsedPayload, at: number): StandardLead {
  // The union ties each payload to its entry point, so the definition's transform accepts it.
  const definition = ENTRY_POINT_DEFINITIONS[parsed.entryPoint] as EntryPointDefinition;
  return definition.transform(parsed.payload, at);
}
