import { CRM_SCHEMA, SOBJECT_TYPES, type CrmSchema, type FieldSpec, type SObjectType } from '../schema.ts';
import type { RecordSource, SRecord } from '../recordSource.ts';
import { noSuchColumn, unknownRelationship, unsupportedType } from './soqlError.ts';

/** One step through a reference field: `OwnerId`, written `Owner` in a field path. */
export interface RelationshipHop {
  /** Canonical reference field holding the id (`OwnerId`). */
  readonly idField: string;
  /** Canonical relationship name (`Owner`), the key of the nested object in query results. */
  readonly relationshipName: string;
  /** Types the reference may point to (several for a polymorphic reference). */
  readonly targets: readonly SObjectType[];
}

/** A field path resolved against the schema, in canonical casing. */
export interface ResolvedField {
  /** Reference fields to follow, outermost first; empty for a field of the queried object. */
  readonly hops: readonly RelationshipHop[];
  /** Canonical name of the last field (`Name` in `Owner.Name`). */
  readonly field: string;
  /** Its spec, from the first target type that has it. */
  readonly spec: FieldSpec;
  /** The canonical dotted path (`Owner.Name`). */
  readonly path: string;
  /** The org's schema it was resolved in. */
  readonly schema: CrmSchema;
}

interface SchemaNames {
  readonly fields: Map<SObjectType, Map<string, string>>;
  readonly relationships: Map<SObjectType, Map<string, string>>;
}

const lowerTypes = new Map<string, SObjectType>(SOBJECT_TYPES.map((t) => [t.toLowerCase(), t]));
const namesBySchema = new WeakMap<CrmSchema, SchemaNames>();

/** Lower-cased field and relationship names of each object of `schema`, computed once per schema. */
function namesOf(schema: CrmSchema): SchemaNames {
  let names = namesBySchema.get(schema);
  if (!names) {
    names = {
      fields: new Map(SOBJECT_TYPES.map((t) => [t, new Map(Object.keys(schema[t]).map((f) => [f.toLowerCase(), f]))])),
      relationships: new Map(
        SOBJECT_TYPES.map((t) => [t, new Map(Object.entries(schema[t]).flatMap(([f, spec]) => (spec.relationshipName ? [[spec.relationshipName.toLowerCase(), f] as const] : [])))]),
      ),
    };
    namesBySchema.set(schema, names);
  }
  return names;
}

/** The canonical object type for a name in any casing (`lead` → `Lead`); INVALID_TYPE when unknown. */
export function resolveObject(name: string): SObjectType {
  const type = lowerTypes.get(name.toLowerCase());
  if (!type) throw unsupportedType(name);
  return type;
}

/**
 * Resolves a field path such as `email`, `Owner.Name` or `Impartner_Partner_Account__r.Partner_Type__c` on `type`,
 * in the org's `schema` (default: leadsim's own).
 * Names are case-insensitive; a polymorphic reference (Lead `Owner`: User or Group) accepts a field that any of its
 * targets has. `alias` is the query's object alias, stripped from the front of the path. Throws INVALID_FIELD.
 */
export function resolveField(type: SObjectType, dottedPath: string, alias?: string, schema: CrmSchema = CRM_SCHEMA): ResolvedField {
  const names = namesOf(schema);
  let parts = dottedPath.split('.');
  if (alias && parts.length > 1 && parts[0]?.toLowerCase() === alias.toLowerCase()) parts = parts.slice(1);
  const hops: RelationshipHop[] = [];
  let current: readonly SObjectType[] = [type];
  for (const rel of parts.slice(0, -1)) {
    const hop = findRelationship(current, rel, schema, names);
    if (!hop) throw unknownRelationship(rel);
    hops.push(hop);
    current = hop.targets;
  }
  const name = parts[parts.length - 1] ?? '';
  for (const t of current) {
    const field = names.fields.get(t)?.get(name.toLowerCase());
    const spec = field === undefined ? undefined : schema[t][field];
    if (field !== undefined && spec) {
      return { hops, field, spec, path: [...hops.map((h) => h.relationshipName), field].join('.'), schema };
    }
  }
  // Salesforce names a polymorphic relationship's target entity `Name`.
  throw noSuchColumn(name, current.length === 1 ? (current[0] ?? type) : 'Name');
}

function findRelationship(types: readonly SObjectType[], rel: string, schema: CrmSchema, names: SchemaNames): RelationshipHop | undefined {
  for (const t of types) {
    const idField = names.relationships.get(t)?.get(rel.toLowerCase());
    const spec = idField === undefined ? undefined : schema[t][idField];
    if (idField !== undefined && spec?.relationshipName) {
      return { idField, relationshipName: spec.relationshipName, targets: spec.referenceTo ?? [] };
    }
  }
  return undefined;
}

/** Follows one hop: the referenced record and its actual type, or undefined when the reference is empty or dangling. */
export function followHop(record: SRecord, hop: RelationshipHop, source: RecordSource): { type: SObjectType; record: SRecord } | undefined {
  const id = record[hop.idField];
  if (typeof id !== 'string' || id === '') return undefined;
  return source.byId(id);
}

/**
 * Reads a resolved field from a record of the queried type, following relationships. A field missing on a
 * polymorphic target's actual type (a Group owner has no `Region__c`), and any field through an empty or dangling
 * reference, reads as null (not undefined: a checkbox there is null, not false).
 */
export function readField(record: SRecord, field: ResolvedField, source: RecordSource): unknown {
  if (field.hops.length === 0) return record[field.field];
  let current = record;
  let type: SObjectType | undefined;
  for (const hop of field.hops) {
    const next = followHop(current, hop, source);
    if (!next) return null;
    current = next.record;
    type = next.type;
  }
  if (type === undefined) return null;
  const last = field.hops[field.hops.length - 1]!;
  return last.targets.length > 1 ? nameObjectField(field.schema, type, current, field.field) : field.schema[type][field.field] ? current[field.field] : null;
}

/**
 * A field of a polymorphic reference's target (Lead `Owner`: User or Group) as Salesforce's `Name` object gives it:
 * `Type` is the target's entity, `User` for a user and the group's type (`Queue`) for a queue; any other field is the
 * actual record's, or null when its type lacks it (a queue has no `Email` here).
 * Source: "Name" object, https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_name.htm
 */
export function nameObjectField(schema: CrmSchema, type: SObjectType, record: SRecord, field: string): unknown {
  if (field === 'Type') return type === 'Group' ? (record['Type'] ?? null) : type;
  return schema[type][field] ? record[field] : null;
}
