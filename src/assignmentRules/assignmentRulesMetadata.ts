import { z } from 'zod';

/**
 * The Metadata API's `AssignmentRules` type, as a `.assignmentRules-meta.xml` file holds it (SFDX:
 * `force-app/main/default/assignmentRules/Lead.assignmentRules-meta.xml`). Source:
 * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_assignmentrule.htm (AssignmentRules →
 * AssignmentRule → RuleEntry → FilterItem) and the metadata WSDL's `FilterOperation` enumeration.
 * Rules are processed in file order; only one rule per object may be active.
 */

/** `FilterItem.operation` values (metadata WSDL `FilterOperation`). `within` is for geolocation fields only. */
export const FILTER_OPERATIONS = [
  'equals',
  'notEqual',
  'lessThan',
  'greaterThan',
  'lessOrEqual',
  'greaterOrEqual',
  'contains',
  'notContain',
  'startsWith',
  'includes',
  'excludes',
  'within',
] as const;
/** One of {@link FILTER_OPERATIONS}. */
export type FilterOperation = (typeof FILTER_OPERATIONS)[number];

/** One criterion of a rule entry: `Lead.Country equals US,USA`. `value` holds comma-separated values. */
export const FilterItemSchema = z.strictObject({
  field: z.string().min(1),
  operation: z.enum(FILTER_OPERATIONS),
  value: z.string().optional(),
  valueField: z.string().optional(),
});
/** A criterion (see {@link FilterItemSchema}). */
export type FilterItem = z.infer<typeof FilterItemSchema>;

/** The RuleEntry elements that decide routing; every other element is a tolerated setting kept as text. */
export const ROUTING_ELEMENTS = ['assignedTo', 'assignedToType', 'booleanFilter', 'criteriaItems', 'formula'] as const;

/**
 * One entry of a rule: who gets the record (`assignedTo`: a username or user id for `User`, a queue's developer
 * name or id for `Queue`) when its criteria match. `criteriaItems` (combined with AND, or by `booleanFilter`) or
 * `formula`, not both. Other elements (`template`, `notifyCcRecipients`, `overrideExistingTeams`, `team`...) do not
 * route and are kept as text.
 */
export const RuleEntrySchema = z
  .object({
    assignedTo: z.string().min(1).optional(),
    assignedToType: z.enum(['User', 'Queue']).optional(),
    booleanFilter: z.string().optional(),
    criteriaItems: z.array(FilterItemSchema).default([]),
    formula: z.string().optional(),
  })
  .catchall(z.union([z.string(), z.array(z.string())]));
/** A rule entry (see {@link RuleEntrySchema}). */
export type RuleEntry = z.infer<typeof RuleEntrySchema>;

/** One named rule of an object. */
export const AssignmentRuleSchema = z.strictObject({
  fullName: z.string().min(1),
  active: z.enum(['true', 'false']).transform((v) => v === 'true'),
  ruleEntry: z.array(RuleEntrySchema).default([]),
});
/** A named rule (see {@link AssignmentRuleSchema}). */
export type AssignmentRule = z.infer<typeof AssignmentRuleSchema>;

/** The whole file: every rule of one object, in order. */
export const AssignmentRulesSchema = z.strictObject({
  assignmentRule: z.array(AssignmentRuleSchema).default([]),
});
/** Every rule of one object, in file order. */
export type AssignmentRules = z.infer<typeof AssignmentRulesSchema>;
