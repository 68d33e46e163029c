import { z } from 'zod';
import { REGIONS, USER_ROLES } from '../systems/crm/schema.ts';
import { SchemaExtensionSchema } from '../systems/crm/schemaExtension.ts';

/** A node id: a letter, then letters, digits or underscores (so it is also a valid Mermaid id). */
export const NodeIdSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'Invalid node id: use a letter, then letters, digits or underscores')
  .meta({ description: 'A node id (a letter, then letters, digits or underscores).' });

const FieldRefSchema = z.string().min(1).meta({
  description:
    'A field reference: person.<Lead field>, campaign.<Campaign field>, campaignMember.<CampaignMember field>, ' +
    'account.<Account field> (the matched account), partnerAccount.<Account field>, currentUser.<User field> (the user ' +
    'whose write triggered routing, when known), person.region, person.ownerIsUser, person.isSalesCreated or trigger. ' +
    'Field names are CRM API names.',
  examples: ['person.Status', 'campaign.MDF_Funding__c', 'partnerAccount.Partner_Type__c', 'trigger'],
});

const ScalarSchema = z.union([z.string(), z.number(), z.boolean()]);

/** A reference to a value list in the graph's settings, e.g. `$settings.partnerEngagementStatuses`. */
export const SettingsRefSchema = z.string().regex(/^\$settings\.[A-Za-z][A-Za-z0-9_]*$/, 'Invalid settings reference: use $settings.<name>');

/**
 * A test a condition node makes; `and`/`or` short-circuit, so a later test may rely on an earlier one.
 *
 * Leaf tests read one field. `equals`, `in`, `startsWith` and `empty`/`notEmpty` are the original vocabulary; the
 * others mirror the operations of Salesforce filter criteria (Metadata API `FilterItem.operation`, used by lead
 * assignment rules: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_assignmentrule.htm),
 * so rules imported from a metadata file keep their meaning:
 * - `notIn`: the field equals none of the values (a blank field passes), Salesforce `notEqual`;
 * - `lessThan`, `greaterThan`, `lessOrEqual`, `greaterOrEqual`: numbers compare as numbers, dates and text as
 *   text; a blank field fails;
 * - `contains` / `notContains`: the text contains any / none of the values (a blank field fails / passes);
 * - `startsWith` takes one prefix or a list of them (any);
 * - `includes` / `excludes`: a multi-select picklist has all the `;`-separated selections of any / none of the values.
 * `ignoreCase: true` compares text without regard to case, as Salesforce filter criteria do ("Filtering isn't
 * case sensitive"); without it, text compares exactly.
 */
export type Test =
  | { op: 'equals'; field: string; value: string | number | boolean; ignoreCase?: boolean | undefined }
  | { op: 'in'; field: string; values: (string | number | boolean)[] | string; ignoreCase?: boolean | undefined }
  | { op: 'notIn'; field: string; values: (string | number | boolean)[] | string; ignoreCase?: boolean | undefined }
  | { op: 'startsWith'; field: string; value: string | string[]; ignoreCase?: boolean | undefined }
  | { op: ComparisonOp; field: string; value: string | number }
  | { op: 'contains' | 'notContains'; field: string; values: string[]; ignoreCase?: boolean | undefined }
  | { op: 'includes' | 'excludes'; field: string; values: string[] }
  | { op: 'empty'; field: string }
  | { op: 'notEmpty'; field: string }
  | { op: 'and'; tests: Test[] }
  | { op: 'or'; tests: Test[] }
  | { op: 'not'; test: Test };

/** The ordering comparisons a test can make. */
export const COMPARISON_OPS = ['lessThan', 'greaterThan', 'lessOrEqual', 'greaterOrEqual'] as const;
/** One of {@link COMPARISON_OPS}. */
export type ComparisonOp = (typeof COMPARISON_OPS)[number];
/** A test that reads one field (every op but `and`, `or`, `not`). */
export type LeafTest = Exclude<Test, { op: 'and' | 'or' | 'not' }>;

const ignoreCase = z.boolean().optional().meta({ description: 'Compare text without regard to case (as Salesforce filter criteria do).' });
const TextValuesSchema = z.array(z.string().min(1)).min(1);
const ValueListSchema = z.union([z.array(ScalarSchema).min(1), SettingsRefSchema]);

/** The zod schema of a {@link Test}. */
export const TestSchema: z.ZodType<Test> = z.lazy(() =>
  z.discriminatedUnion('op', [
    z.strictObject({ op: z.literal('equals'), field: FieldRefSchema, value: ScalarSchema, ignoreCase }),
    z.strictObject({ op: z.literal('in'), field: FieldRefSchema, values: ValueListSchema, ignoreCase }),
    z.strictObject({ op: z.literal('notIn'), field: FieldRefSchema, values: ValueListSchema, ignoreCase }),
    z.strictObject({ op: z.literal('startsWith'), field: FieldRefSchema, value: z.union([z.string().min(1), TextValuesSchema]), ignoreCase }),
    ...COMPARISON_OPS.map((op) => z.strictObject({ op: z.literal(op), field: FieldRefSchema, value: z.union([z.string().min(1), z.number()]) })),
    z.strictObject({ op: z.literal('contains'), field: FieldRefSchema, values: TextValuesSchema, ignoreCase }),
    z.strictObject({ op: z.literal('notContains'), field: FieldRefSchema, values: TextValuesSchema, ignoreCase }),
    z.strictObject({ op: z.literal('includes'), field: FieldRefSchema, values: TextValuesSchema }),
    z.strictObject({ op: z.literal('excludes'), field: FieldRefSchema, values: TextValuesSchema }),
    z.strictObject({ op: z.literal('empty'), field: FieldRefSchema }),
    z.strictObject({ op: z.literal('notEmpty'), field: FieldRefSchema }),
    z.strictObject({ op: z.literal('and'), tests: z.array(TestSchema).min(1) }),
    z.strictObject({ op: z.literal('or'), tests: z.array(TestSchema).min(1) }),
    z.strictObject({ op: z.literal('not'), test: TestSchema }),
  ]),
).meta({ id: 'Test', description: 'A test over the routing context.' });

const PERSON_REGION = '$person.region';
const RegionRefSchema = z.union([z.enum(REGIONS), z.literal(PERSON_REGION)]);

/** A round-robin pool: the active, not out-of-office users of a role in a region, or an explicit list of users. */
export const PoolSpecSchema = z.union([
  z.strictObject({ role: z.enum(USER_ROLES), region: RegionRefSchema }),
  z.strictObject({ users: z.array(z.string().min(1)).min(1).meta({ description: 'User Ids or Names.' }) }),
]);
/** A round-robin pool (see {@link PoolSpecSchema}). */
export type PoolSpec = z.infer<typeof PoolSpecSchema>;

/** Who an assign node gives the person to. */
export const AssignTargetSchema = z
  .union([
    z.strictObject({ queue: z.string().min(1).meta({ description: 'A queue Name, DeveloperName or Id, e.g. "Partner Queue".' }) }),
    z.strictObject({ user: z.string().min(1).meta({ description: 'A user Id, Name or Username.' }) }),
    z.strictObject({ accountBdr: z.literal(true) }),
    z.strictObject({ accountOwner: z.literal(true) }),
    z.strictObject({ keepCurrentOwner: z.literal(true) }),
    z.strictObject({ roundRobin: z.strictObject({ pool: z.union([z.string().min(1), PoolSpecSchema]) }) }),
  ])
  .meta({ id: 'AssignTarget' });
/** An assign node's target (see {@link AssignTargetSchema}). */
export type AssignTarget = z.infer<typeof AssignTargetSchema>;

/**
 * The settings of a Salesforce assignment rule entry that do not route (`template`, `notifyCcRecipients`,
 * `overrideExistingTeams`, `team`...), kept by `leadsim graph import` and written back by `leadsim graph export`.
 * Element name → its text, or the texts of a repeated element. Routing ignores them.
 */
export const RuleEntryExtrasSchema = z
  .record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), z.union([z.string(), z.array(z.string())]))
  .meta({ description: 'Salesforce rule entry settings that do not route (template, notifyCcRecipients...), kept for export.' });

const label = z.string().optional().meta({ description: 'What the node does, for people (shown by `leadsim graph show`).' });

/** The node kinds of a routing graph. */
export const NodeSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('condition'), label, test: TestSchema, then: z.string(), else: z.string() }),
    z.strictObject({
      kind: z.literal('update'),
      label,
      fields: z.record(z.string(), z.union([ScalarSchema, z.null()])).meta({ description: 'Lead fields to set (null clears).' }),
      next: z.string(),
    }),
    z.strictObject({
      kind: z.literal('assign'),
      label,
      target: AssignTargetSchema,
      next: z.string(),
      fallback: z.string().optional().meta({ description: 'Where to go when the target cannot take the person.' }),
      ruleEntry: RuleEntryExtrasSchema.optional(),
    }),
    z.strictObject({ kind: z.literal('sharePrm'), label, next: z.string() }),
    z.strictObject({ kind: z.literal('end'), label }),
  ])
  .meta({ id: 'Node' });
/** One node of a routing graph. */
export type GraphNode = z.infer<typeof NodeSchema>;
/** The kinds of node: condition, update, assign, sharePrm, end. */
export type NodeKind = GraphNode['kind'];

/** Graph-wide settings: value lists conditions refer to as `$settings.<name>`, and named round-robin pools. */
export const GraphSettingsSchema = z.strictObject({
  partnerEngagementStatuses: z
    .array(z.string())
    .meta({ description: 'CampaignMember Status values that count as engaging with a partner (rule 3).' }),
  pools: z.record(NodeIdSchema, PoolSpecSchema).optional(),
});
/** Graph-wide settings (see {@link GraphSettingsSchema}). */
export type GraphSettings = z.infer<typeof GraphSettingsSchema>;

/** A routing graph file (version 1). Nodes are keyed by id so that a diff of the file reads node by node. */
export const GraphSchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(1),
    name: z.string().min(1),
    description: z.string().optional(),
    start: z.string(),
    settings: GraphSettingsSchema,
    nodes: z.record(NodeIdSchema, NodeSchema),
    assignmentRule: z
      .strictObject({ fullName: z.string().min(1), active: z.boolean() })
      .optional()
      .meta({ description: 'Set when the graph is a Salesforce lead assignment rule (leadsim graph import): its name and whether it is the active rule.' }),
    orgSchema: SchemaExtensionSchema.optional().meta({
      description:
        'The org\'s own fields, picklist values and record types the graph reads, beyond leadsim\'s CRM schema (the org spec keys of the same names); leadsim graph import writes the ones a rule uses.',
    }),
  })
  .meta({ title: 'leadsim routing graph', description: 'Routing as data: conditions, field updates and assignments.' });
/** A valid routing graph, as `lintGraph` returns it. */
export type Graph = z.infer<typeof GraphSchema>;

/** The edges leaving a node, by name (`then`, `else`, `next`, `fallback`), in a stable order. */
export function nodeEdges(node: GraphNode): [edge: 'then' | 'else' | 'next' | 'fallback', target: string][] {
  switch (node.kind) {
    case 'condition':
      return [['then', node.then], ['else', node.else]];
    case 'assign':
      return node.fallback === undefined ? [['next', node.next]] : [['next', node.next], ['fallback', node.fallback]];
    case 'update':
    case 'sharePrm':
      return [['next', node.next]];
    case 'end':
      return [];
  }
}
