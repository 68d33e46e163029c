import { z } from 'zod';
import { InboundEventSchema } from '../entrypoints/registry.ts';
import { CampaignSpecSchema, OrgSpecSchema } from '../org/orgSpec.ts';
import { USER_STATUSES } from '../simulation/actions/setUserStatus.ts';

/** The scenario file format this leadsim reads and writes. */
export const SCENARIO_VERSION = 1;

/** When an event happens: `"+5m"` after the start, an ISO time, or ms after the start (default: a minute after the previous event). */
const At = z.union([z.string().min(1), z.number().int().nonnegative()]).optional().describe('When: "+5m" after the start, an ISO time, or ms after the start.');
/** A person key: an org person's key, or the key an inbound event gives the person it creates or merges into. */
const PersonKey = z.string().min(1).describe('A person key: from the org, or named by an inbound event\'s "person".');
/** A user key of the org; the rep who makes the change (default: the person's owner when a user, else the org's first user). */
const As = z.string().min(1).optional().describe('The user key of the rep making the change.');
/** CRM field values, by API name; `"@kind:key"` strings are replaced by the record's id. */
const FieldValues = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

const inboundFields = {
  at: At,
  kind: z.literal('inbound'),
  /** The delivery's id (idempotency key), unique within the scenario. */
  id: z.string().min(1),
  /** The key of the person this event creates or merges into, for expectations and later events. */
  person: PersonKey.optional(),
  /** Deliver the webhook twice with the same id (the second must change nothing). */
  repeat: z.boolean().optional(),
};

/** An inbound event: an entry point's vendor payload, delivered the way production delivers it. Payload checked separately. */
export const InboundStepSchema = z.strictObject({ ...inboundFields, entryPoint: z.string().min(1), payload: z.unknown() });
/** A rep edits the person through the CRM REST API. */
export const RepEditStepSchema = z.strictObject({ at: At, kind: z.literal('repEdit'), person: PersonKey, fields: FieldValues, as: As });
/** A rep changes the person's country (Country and CountryCode) and, with `rerun`, sets Rerun_Routing__c (DOMAIN.md rule 7). */
export const CountryChangeStepSchema = z.strictObject({ at: At, kind: z.literal('countryChange'), person: PersonKey, country: z.string().min(1), rerun: z.boolean().default(true), as: As });
/** Ops recall the person from the partner: Partner_Recalled__c, Partner_Recalled_Date__c, and the PRM prospect recalled. */
export const RecallStepSchema = z.strictObject({ at: At, kind: z.literal('recall'), person: PersonKey, as: As });
/** The person's campaign member gets a new status (created when the person is not a member yet). */
export const MemberStatusStepSchema = z.strictObject({ at: At, kind: z.literal('memberStatus'), person: PersonKey, campaign: z.string().min(1), status: z.string().min(1), as: As });
/** A rep converts the lead (a contact from then on; the person key follows it). */
export const ConvertStepSchema = z.strictObject({ at: At, kind: z.literal('convert'), person: PersonKey, as: As });

/** A user key of the org. */
const UserKey = z.string().min(1).describe('A user key of the org.');
/** Sales Systems changes a rep's availability: deactivated, active again, out of office, back in office. */
export const UserStatusStepSchema = z.strictObject({ at: At, kind: z.literal('userStatus'), user: UserKey, status: z.enum(USER_STATUSES) });
/** Sales Systems creates a campaign (the org spec's campaign shape; its key must be new) that later events may name. */
export const CreateCampaignStepSchema = z.strictObject({ at: At, kind: z.literal('createCampaign'), campaign: CampaignSpecSchema });
/** Sales Systems sets an account's BDR (a user key), or clears it with null. */
export const AccountBdrStepSchema = z.strictObject({ at: At, kind: z.literal('accountBdr'), account: z.string().min(1), bdr: UserKey.nullable() });

/** The admin changes a scenario can make mid-run. */
const ADMIN_STEPS = [UserStatusStepSchema, CreateCampaignStepSchema, AccountBdrStepSchema] as const;
/** Every event kind, in the order error messages list them. */
export const SCENARIO_EVENT_KINDS = ['inbound', 'repEdit', 'countryChange', 'recall', 'memberStatus', 'convert', 'userStatus', 'createCampaign', 'accountBdr'] as const;

/** One timed event of a scenario, by `kind`. */
export const ScenarioEventSchema = z.discriminatedUnion('kind', [InboundStepSchema, RepEditStepSchema, CountryChangeStepSchema, RecallStepSchema, MemberStatusStepSchema, ConvertStepSchema, ...ADMIN_STEPS]);

/** What must hold for one person when the scenario ends. Every key is optional; give what matters. */
export const ExpectationSchema = z.strictObject({
  /** A user key, or `queue:<name>` (`queue:Partner Queue`). */
  owner: z.string().min(1).optional(),
  /** CRM field values the person's record ends with (API names; `null` for empty). */
  fields: FieldValues.optional(),
  /** Whether the person ends shared with the partner portal (a prospect that was not recalled). */
  sharedToPrm: z.boolean().optional(),
  /** The person's last inbound event was rejected (or refused before the intake) with a reason containing this. */
  rejected: z.string().min(1).optional(),
});

/** A routing graph: a path relative to the scenario file, or the graph inline. */
const GraphRef = z.union([z.string().min(1), z.record(z.string(), z.unknown())]);

/** The scenario file, without the payload check (done per event, so errors point into the payload). */
export const ScenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(SCENARIO_VERSION),
  name: z.string().min(1),
  description: z.string().optional(),
  /** The run's seed. */
  seed: z.number().int(),
  /** Simulated start (ISO time; default 2026-01-05T09:00:00Z). */
  start: z.iso.datetime({ offset: true }).optional(),
  /** The org as it is before the first event: an org spec, or (in a file) the path of an org spec file relative to it. */
  org: OrgSpecSchema,
  graph: GraphRef.optional(),
  /**
   * Who routes: `graph` (default), the pipeline's route job with the routing graph; `assignment-rules`, Salesforce's
   * active lead assignment rule from `org.assignmentRules`, run by the CRM when the route step asks.
   */
  routing: z.enum(['graph', 'assignment-rules']).optional(),
  events: z.array(ScenarioEventSchema).default([]),
  /** Expectations by person key. */
  expect: z.record(z.string(), ExpectationSchema).default({}),
});

/** A scenario as parsed (defaults applied). */
export type Scenario = z.infer<typeof ScenarioSchema>;
/** A scenario as written in a file. */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type ScenarioEvent = z.infer<typeof ScenarioEventSchema>;
export type Expectation = z.infer<typeof ExpectationSchema>;

/**
 * The same format for the JSON Schema editors use: inbound events listed per entry point, so editors complete and
 * check payloads too. (The loader checks payloads itself, to report errors at their JSON paths.)
 */
export function scenarioSchemaForEditors() {
  const inbound = InboundEventSchema.options.map((o) => o.omit({ receivedAt: true }).extend(inboundFields).strict());
  const events = z.array(z.union([...inbound, RepEditStepSchema, CountryChangeStepSchema, RecallStepSchema, MemberStatusStepSchema, ConvertStepSchema, ...ADMIN_STEPS]));
  const org = z.union([OrgSpecSchema, z.string().min(1).describe('The path of an org spec file (schemas/org.schema.json), relative to the scenario.')]);
  return ScenarioSchema.extend({ org, events: events.optional(), expect: z.record(z.string(), ExpectationSchema).optional() });
}
