import { CRM_SCHEMA, REGIONS, type CrmSchema, type FieldSpec, type SObjectType } from '../systems/crm/schema.ts';

/**
 * What triggered a routing run: a new person, an existing person engaging again, `Rerun_Routing__c` (rule 7), or a
 * partner recall of a lead the Partner Queue holds (`Partner_Recalled__c`: the partner no longer works it).
 */
export const TRIGGERS = ['new', 'engagement', 'rerun', 'recall'] as const;
/** One of {@link TRIGGERS}. */
export type Trigger = (typeof TRIGGERS)[number];

/** The records a condition can read, and the CRM object each one is. */
export const ROUTING_OBJECTS = {
  person: 'Lead',
  campaign: 'Campaign',
  campaignMember: 'CampaignMember',
  account: 'Account',
  partnerAccount: 'Account',
  /** The user whose write triggered routing (Salesforce's "Current User" in rule criteria, `User.*` in metadata). */
  currentUser: 'User',
} as const satisfies Record<string, SObjectType>;
/** A record name a field reference starts with (`person`, `campaign`...). */
export type RoutingObject = keyof typeof ROUTING_OBJECTS;

/** Facts about the person that the routing context derives (they are not CRM fields). */
export const DERIVED_PERSON_FACTS: Readonly<Record<string, FieldSpec>> = {
  region: { type: 'picklist', values: REGIONS, restricted: true },
  ownerIsUser: { type: 'boolean' },
  isSalesCreated: { type: 'boolean' },
};

const TRIGGER_SPEC: FieldSpec = { type: 'picklist', values: TRIGGERS, restricted: true };

/**
 * A field reference such as `person.Status`, resolved against the CRM schema. `idField` is set for the name of a
 * referenced record (`person.Owner.Name`: the name of the user or queue `OwnerId` holds).
 */
export type ResolvedField =
  | { readonly ok: true; readonly object: RoutingObject | 'trigger'; readonly field: string; readonly spec: FieldSpec; readonly derived: boolean; readonly idField?: string }
  | { readonly ok: false; readonly message: string; readonly expected: string; readonly got: string };

/** The text spec of a referenced record's name (`person.Owner.Name`). */
const NAME_SPEC: FieldSpec = { type: 'string', length: 255 };

/**
 * Resolves `person.<Lead field>`, `campaign.<Campaign field>`, `campaignMember.<CampaignMember field>`,
 * `account.<Account field>`, `partnerAccount.<Account field>`, `currentUser.<User field>`, the name of a record a
 * lookup holds (`person.Owner.Name`, `person.RecordType.Name`, `person.Partner__r.Name`: Salesforce filter criteria
 * compare lookups by name), the derived facts `person.region`, `person.ownerIsUser`, `person.isSalesCreated`, and
 * `trigger`, in `schema` (default: leadsim's own; a graph's `orgSchema` extends it).
 */
export function resolveFieldRef(ref: string, schema: CrmSchema = CRM_SCHEMA): ResolvedField {
  if (ref === 'trigger') return { ok: true, object: 'trigger', field: 'trigger', spec: TRIGGER_SPEC, derived: true };
  const dot = ref.indexOf('.');
  const objectName = dot < 0 ? ref : ref.slice(0, dot);
  const field = dot < 0 ? '' : ref.slice(dot + 1);
  if (!Object.hasOwn(ROUTING_OBJECTS, objectName)) {
    return {
      ok: false,
      message: `unknown record "${objectName}" in field reference "${ref}"`,
      expected: `"trigger" or <record>.<field> with record one of ${Object.keys(ROUTING_OBJECTS).join(', ')}`,
      got: JSON.stringify(ref),
    };
  }
  const object = objectName as RoutingObject;
  const sobject = ROUTING_OBJECTS[object];
  if (object === 'person' && Object.hasOwn(DERIVED_PERSON_FACTS, field)) {
    return { ok: true, object, field, spec: DERIVED_PERSON_FACTS[field] as FieldSpec, derived: true };
  }
  const fields = schema[sobject];
  const hop = field.indexOf('.');
  if (hop > 0) {
    const relationship = field.slice(0, hop);
    const idField = Object.keys(fields).find((name) => fields[name]?.relationshipName === relationship && fields[name]?.type === 'reference');
    if (idField !== undefined && field.slice(hop + 1) === 'Name') return { ok: true, object, field, spec: NAME_SPEC, derived: false, idField };
    return {
      ok: false,
      message: `unknown relationship field "${field}" on ${sobject} (${object})`,
      expected: `<relationship>.Name for a lookup of ${sobject}, e.g. ${object}.Owner.Name`,
      got: JSON.stringify(field),
    };
  }
  const spec = Object.hasOwn(fields, field) ? fields[field] : undefined;
  if (spec === undefined) {
    const extra = object === 'person' ? ` or a derived fact (${Object.keys(DERIVED_PERSON_FACTS).join(', ')})` : '';
    return {
      ok: false,
      message: `unknown field "${field}" on ${sobject} (${object})`,
      expected: `a ${sobject} field API name${extra}`,
      got: JSON.stringify(field),
    };
  }
  return { ok: true, object, field, spec, derived: false };
}
