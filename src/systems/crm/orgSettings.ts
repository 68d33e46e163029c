import { z } from 'zod';

/**
 * What a duplicate rule does when a lead or contact matches an existing one:
 * - `block`: the save is refused with DUPLICATES_DETECTED, whatever the request says;
 * - `alert`: refused with DUPLICATES_DETECTED (`allowSave: true` in the verdict) unless the request sends
 *   `Sforce-Duplicate-Rule-Header: allowSave=true`, in which case it is saved;
 * - `off`: the rule is inactive.
 * Source: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_duplicaterules.htm
 * ("allowSave — true: allow the user to acknowledge the alert and save the duplicate record. Applicable if an alert
 * is enabled for the action.")
 */
export const DUPLICATE_RULE_ACTIONS = ['block', 'alert', 'off'] as const;
export type DuplicateRuleAction = (typeof DUPLICATE_RULE_ACTIONS)[number];

/**
 * Org-level settings of the simulated Salesforce org, the switches an admin flips in Setup:
 * - `duplicateRules`: the action of the standard Lead and Contact duplicate rules (default `block`);
 * - `stateAndCountryPicklists`: State and Country/Territory Picklists on (default off): country codes must be ISO
 *   codes, country names must be a country's integration value, and the two are kept in sync (see
 *   countryPicklist.ts).
 */
export const OrgSettingsSchema = z.strictObject({
  duplicateRules: z
    .strictObject({
      Lead: z.enum(DUPLICATE_RULE_ACTIONS).default('block'),
      Contact: z.enum(DUPLICATE_RULE_ACTIONS).default('block'),
    })
    .default({ Lead: 'block', Contact: 'block' }),
  stateAndCountryPicklists: z.boolean().default(false),
  /**
   * Users the duplicate rules do not apply to (a rule's condition "Current User is not the integration user", as orgs
   * set for an integration profile): their saves are never checked (default none).
   */
  duplicateRuleBypassUsers: z.array(z.string()).default([]),
});

/** The org settings, every field set. */
export type OrgSettings = z.output<typeof OrgSettingsSchema>;
/** Org settings as given: every field optional. */
export type OrgSettingsInput = z.input<typeof OrgSettingsSchema>;

/** The settings of a new org: duplicate rules block, picklists off. */
export const DEFAULT_ORG_SETTINGS: OrgSettings = OrgSettingsSchema.parse({});
