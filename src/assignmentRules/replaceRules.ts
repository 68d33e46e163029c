import type { AssignmentRule, RuleEntry } from './assignmentRulesMetadata.ts';
import { ROUTING_ELEMENTS } from './assignmentRulesMetadata.ts';
import type { ExportedEntry, ExportedRule } from './graphToAssignmentRule.ts';

/** A rule as a metadata file holds it, in the form export writes (formula entries and every setting kept). */
export function metadataRule(rule: AssignmentRule): ExportedRule {
  return { fullName: rule.fullName, active: rule.active, ruleEntry: rule.ruleEntry.map(metadataEntry) };
}

function metadataEntry(entry: RuleEntry): ExportedEntry {
  const extras: Record<string, string | readonly string[]> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (!(ROUTING_ELEMENTS as readonly string[]).includes(key) && (typeof value === 'string' || Array.isArray(value))) extras[key] = value as string | string[];
  }
  return {
    ...(entry.assignedTo === undefined ? {} : { assignedTo: entry.assignedTo }),
    ...(entry.assignedToType === undefined ? {} : { assignedToType: entry.assignedToType }),
    ...(entry.booleanFilter === undefined ? {} : { booleanFilter: entry.booleanFilter }),
    ...(entry.formula === undefined ? {} : { formula: entry.formula }),
    criteriaItems: entry.criteriaItems,
    extras,
  };
}

/** The rules of a file after {@link replaceRules}, and the rules it deactivated. */
export interface ReplacedRules {
  readonly rules: readonly ExportedRule[];
  /** Rules that were active and are not any more, because an exported rule is active (one active rule per object). */
  readonly deactivated: readonly string[];
}

/**
 * The rules of an existing file with `exported` written into it: each exported rule replaces the rule of the same
 * `fullName` where it stands, or comes after the others; every other rule is kept as it is. When an exported rule
 * is active, the file's other active rule is deactivated, as activating a rule in Setup does.
 */
export function replaceRules(existing: readonly AssignmentRule[], exported: readonly ExportedRule[]): ReplacedRules {
  const byName = new Map(exported.map((r) => [r.fullName, r]));
  const activating = exported.some((r) => r.active);
  const deactivated: string[] = [];
  const kept = existing.map((rule): ExportedRule => {
    const replacement = byName.get(rule.fullName);
    if (replacement) return replacement;
    if (activating && rule.active) {
      deactivated.push(rule.fullName);
      return { ...metadataRule(rule), active: false };
    }
    return metadataRule(rule);
  });
  const names = new Set(existing.map((r) => r.fullName));
  return { rules: [...kept, ...exported.filter((r) => !names.has(r.fullName))], deactivated };
}
