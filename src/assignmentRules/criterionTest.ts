import type { InputIssue } from '../core/errors.ts';
import { isTextLike } from '../routing/checkFieldValue.ts';
import type { LeafTest } from '../routing/graphSchema.ts';
import { orgSnippet } from './orgAdditions.ts';
import type { FilterItem } from './assignmentRulesMetadata.ts';
import { criterionValue } from './criterionValue.ts';
import { splitCriteriaValues } from './criteriaValues.ts';
import type { RuleOrgCatalog } from './ruleOrgCatalog.ts';
import type { RuleDirectory } from './ruleTargets.ts';

/** The records lead assignment rule criteria read, and the routing record each one is. */
export const CRITERIA_RECORDS = { Lead: 'person', User: 'currentUser', Campaign: 'campaign' } as const;
/** One of the objects criteria may name. */
export type CriteriaObject = keyof typeof CRITERIA_RECORDS;

/** Where a criterion sits, and how to report on it. */
export interface CriterionPlace {
  readonly path: readonly (string | number)[];
  /** `rule "R" entry 2: criterion 1` */
  readonly who: string;
  readonly issues: InputIssue[];
  readonly warnings: string[];
  readonly catalog: RuleOrgCatalog;
  readonly directory: RuleDirectory | undefined;
  /** Declare what the org lacks instead of failing. */
  readonly declare: boolean;
  /** Users named by lookup criteria that the directory lacks (collected for the org additions). */
  readonly missingUserNames: Set<string>;
}

const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const ID_PREFIXES = new Set(['005', '00G', '012']);
/** Operations whose values are picklist values (the others match parts of the text). */
const PICKS_VALUES: ReadonlySet<string> = new Set(['equals', 'notEqual', 'includes', 'excludes']);

/** `Lead.Country` → its object and field; undefined parts when the name has no dot. */
export function splitCriterionField(field: string): { readonly object: string; readonly name: string } {
  const dot = field.indexOf('.');
  return dot < 0 ? { object: '', name: field } : { object: field.slice(0, dot), name: field.slice(dot + 1) };
}

/**
 * One criterion as a leaf test, read as Salesforce reads it: `Lead.*` over the person, `User.*` over the current
 * user, `Campaign.*` over the lead's campaign; comma-separated values (any of them), text compared ignoring case,
 * a blank value meaning "is blank", typed values for checkboxes, numbers and dates (see criterionValue.ts); a
 * lookup (`OwnerId`, `CreatedById`, `RecordTypeId`, a custom lookup) compared by the name of the record it holds,
 * as the criteria editor shows it, or by id when the values are ids. Picklist values, record types and users the
 * org lacks are noted (an issue for a restricted picklist, a warning otherwise) unless `place.declare`.
 */
export function criterionTest(item: FilterItem, place: CriterionPlace): LeafTest | undefined {
  const { who, issues } = place;
  const at = (...rest: string[]) => [...place.path, ...rest];
  const fail = (path: (string | number)[], message: string, expected?: string, got?: string) => {
    issues.push({ path, message: `${who}: ${message}`, ...(expected ? { expected } : {}), ...(got ? { got } : {}) });
  };
  const { object, name } = splitCriterionField(item.field);
  if (!Object.hasOwn(CRITERIA_RECORDS, object)) return void fail(at('field'), unknownObjectMessage(object, item.field), 'Lead.<field>, User.<field> (the current user) or Campaign.<field>', JSON.stringify(item.field));
  const sobject = object as CriteriaObject;
  const record = CRITERIA_RECORDS[sobject];
  const field = place.catalog.field(sobject, name);
  if (field === undefined) return void fail(at('field'), `unknown field ${JSON.stringify(item.field)}`, `a ${sobject} field name`, JSON.stringify(item.field));
  if (field.missing && !place.declare) {
    const declaration = place.catalog.additions().fields[field.key];
    fail(at('field'), `the org has no field ${field.key}`, `the org spec to declare it: ${orgSnippet('fields', { [field.key]: declaration })}`, JSON.stringify(item.field));
  }
  if (item.valueField !== undefined) return void fail(at('valueField'), 'compares with another field (valueField), which leadsim does not run', 'a value');
  if (item.operation === 'within') return void fail(at('operation'), '"within" is for geolocation fields', 'another operation');
  const { spec } = field;
  const texts = splitCriteriaValues(item.value);
  let ref = `${record}.${field.key.slice(field.key.indexOf('.') + 1)}`;
  let values: (string | number | boolean)[] = [];
  let text = isTextLike(spec);
  if (spec.type === 'reference') {
    // A blank value tests the lookup itself (empty or not); ids compare as ids; anything else is a name.
    const byId = texts.length === 0 || texts.every((t) => SALESFORCE_ID.test(t) && ID_PREFIXES.has(t.slice(0, 3)));
    if (!byId && spec.relationshipName !== undefined) {
      ref = `${record}.${spec.relationshipName}.Name`;
      text = true;
      for (const t of texts) checkLookupName(field.key, spec.referenceTo ?? [], t, place, at('value'));
    }
    values = texts;
  } else {
    let bad = false;
    for (const t of texts) {
      const read = criterionValue(spec, t);
      if (!read.ok) {
        fail(at('value'), `${JSON.stringify(t)} is not a ${spec.type} value for ${item.field}`, read.expected, JSON.stringify(t));
        bad = true;
        continue;
      }
      values.push(read.value);
      if ((spec.type === 'picklist' || spec.type === 'multipicklist') && PICKS_VALUES.has(item.operation) && typeof read.value === 'string') checkPickValue(field.key, spec, read.value, place, at('value'));
    }
    if (bad) return undefined;
  }
  return leafFor(item, ref, values, text, (message, expected, got) => fail(at('value'), message, expected, got));
}

/** The leaf test for an operation over `ref` with the criterion's values. */
function leafFor(item: FilterItem, field: string, values: (string | number | boolean)[], text: boolean, fail: (message: string, expected: string, got?: string) => void): LeafTest | undefined {
  const ignoreCase = text ? { ignoreCase: true } : {};
  const strings = values.map(String);
  const needsValues = () => {
    if (values.length === 0) fail(`"${item.operation}" needs a value`, 'a value, or several separated by commas');
  };
  switch (item.operation) {
    case 'equals':
      return values.length === 0 ? { op: 'empty', field } : values.length === 1 ? { op: 'equals', field, value: values[0]!, ...ignoreCase } : { op: 'in', field, values, ...ignoreCase };
    case 'notEqual':
      return values.length === 0 ? { op: 'notEmpty', field } : { op: 'notIn', field, values, ...ignoreCase };
    case 'lessThan':
    case 'greaterThan':
    case 'lessOrEqual':
    case 'greaterOrEqual': {
      if (values.length !== 1) return void fail(`"${item.operation}" takes one value`, 'one value', `${values.length} values`);
      const value = values[0]!;
      return { op: item.operation, field, value: typeof value === 'boolean' ? String(value) : value };
    }
    case 'startsWith':
      needsValues();
      return values.length === 0 ? undefined : { op: 'startsWith', field, value: strings.length === 1 ? strings[0]! : strings, ...ignoreCase };
    case 'contains':
    case 'notContain':
      needsValues();
      return values.length === 0 ? undefined : { op: item.operation === 'contains' ? 'contains' : 'notContains', field, values: strings, ...ignoreCase };
    case 'includes':
    case 'excludes':
      needsValues();
      return values.length === 0 ? undefined : { op: item.operation, field, values: strings };
    case 'within':
      return undefined;
  }
}

function checkPickValue(key: string, spec: Parameters<RuleOrgCatalog['pickValue']>[1], value: string, place: CriterionPlace, path: (string | number)[]): void {
  const standing = place.catalog.pickValue(key, spec, value);
  if (standing === 'known' || place.declare) return;
  const declared = place.catalog.additions();
  const snippet = declared.fields[key] ? orgSnippet('fields', { [key]: declared.fields[key] }) : orgSnippet('picklistValues', { [key]: declared.picklistValues[key] ?? [value] });
  if (standing === 'missing') {
    place.issues.push({ path, message: `${place.who}: the org has no ${key} value ${JSON.stringify(value)}`, expected: `the org spec to declare it: ${snippet}`, got: JSON.stringify(value) });
  } else {
    place.warnings.push(`${place.who}: ${key} has no value ${JSON.stringify(value)} in the org spec (an unrestricted picklist takes it anyway); declare it with ${snippet}`);
  }
}

/** Checks a lookup criterion's value names a record the org has: a record type, a user, or a queue. */
function checkLookupName(key: string, targets: readonly string[], name: string, place: CriterionPlace, path: (string | number)[]): void {
  if (targets.includes('RecordType')) {
    if (!place.catalog.recordType(name) && !place.declare) {
      const snippet = orgSnippet('recordTypes', { Lead: [name] });
      place.issues.push({ path, message: `${place.who}: the org has no Lead record type ${JSON.stringify(name)}`, expected: `the org spec to declare it: ${snippet}`, got: JSON.stringify(name) });
    }
    return;
  }
  const directory = place.directory;
  if (directory === undefined || !(targets.includes('User') || targets.includes('Group'))) return;
  const lower = name.toLowerCase();
  const known = (targets.includes('User') && directory.users.some((u) => u.Name.toLowerCase() === lower)) || (targets.includes('Group') && directory.queues.some((q) => q.Name.toLowerCase() === lower));
  if (known) return;
  place.missingUserNames.add(name);
  if (!place.declare) {
    const kinds = targets.includes('Group') ? 'user or queue' : 'user';
    place.issues.push({ path, message: `${place.who}: ${key} names ${JSON.stringify(name)}, and the org has no ${kinds} of that name`, expected: `a user (FirstName and LastName) or queue named so in the org spec`, got: JSON.stringify(name) });
  }
}

function unknownObjectMessage(object: string, field: string): string {
  if (object === 'Case') return `criteria on Case fields (${JSON.stringify(field)}): these are Case assignment rules, and leadsim runs Lead assignment rules only`;
  if (object === 'ScoreIntelligence') return `${JSON.stringify(field)} is an Einstein Lead Scoring score, which the simulated CRM does not compute; rewrite the entry on a Lead field that holds the score`;
  return `unknown object in field ${JSON.stringify(field)}`;
}
