import { CRM_SCHEMA, type CrmSchema, type FieldSpec, type SObjectType } from '../systems/crm/schema.ts';
import { extendSchema, splitKey, type DeclaredField, type SchemaExtension } from '../systems/crm/schemaExtension.ts';
import { canonicalField } from '../systems/crm/validateFields.ts';
import type { FilterItem, FilterOperation } from './assignmentRulesMetadata.ts';
import { splitCriteriaValues } from './criteriaValues.ts';
import { inferDeclaredField } from './inferDeclaredField.ts';
import { emptyAdditions, type OrgAdditions } from './orgAdditions.ts';

/** What a value of a picklist criterion is to the org: one of its values, or one it lacks. */
export type ValueStanding = 'known' | 'missing' | 'missingUnrestricted';

/**
 * The org's schema as one rule import sees it: leadsim's CRM schema, the org's own additions (an org spec's
 * `fields`, `picklistValues`, `recordTypes`), and, for fields the org does not declare, a declaration inferred
 * from how the rule's criteria use them. Remembers what the rule reads (for the graph's `orgSchema`) and what the
 * org lacks (for the error, or for `--declare-missing`).
 *
 * Use: {@link observe} every criterion first, then {@link settle}, then read fields and values.
 */
export class RuleOrgCatalog {
  readonly #org: SchemaExtension;
  readonly #evidence = new Map<string, { operations: Set<FilterOperation>; values: string[] }>();
  readonly #inferred = new Map<string, DeclaredField>();
  readonly #missingValues = new Map<string, Set<string>>();
  readonly #missingRecordTypes = new Set<string>();
  readonly #used = new Set<string>();
  #usesRecordTypes = false;
  #schema: CrmSchema;

  constructor(org: SchemaExtension = {}) {
    this.#org = org;
    this.#schema = extendSchema(org);
  }

  /** The schema fields resolve in: leadsim's, the org's additions and the inferred declarations. */
  get schema(): CrmSchema {
    return this.#schema;
  }

  /** Notes how a criterion on `object.field` (a field the org may lack) uses it. */
  observe(object: SObjectType, field: string, item: FilterItem): void {
    if (canonicalField(object, field, this.#schema) !== undefined || (object === 'Lead' && field.toLowerCase() === 'recordtypeid')) return;
    const key = `${object}.${field}`;
    const evidence = this.#evidence.get(key) ?? { operations: new Set<FilterOperation>(), values: [] };
    evidence.operations.add(item.operation);
    evidence.values.push(...splitCriteriaValues(item.value));
    this.#evidence.set(key, evidence);
  }

  /** Infers a declaration for every observed field the org lacks, and extends the schema with them. */
  settle(): void {
    for (const [key, evidence] of this.#evidence) this.#inferred.set(key, inferDeclaredField(evidence));
    this.#schema = this.#extended();
  }

  /**
   * The field a criterion reads, in canonical case: its key (`Lead.Territory__c`), its spec, and whether the org
   * lacks it (a declaration was inferred). `Lead.RecordTypeId` exists whenever the org or the rule names record types.
   */
  field(object: SObjectType, name: string): { readonly key: string; readonly spec: FieldSpec; readonly missing: boolean } | undefined {
    if (object === 'Lead' && name.toLowerCase() === 'recordtypeid') {
      this.#usesRecordTypes = true;
      return { key: 'Lead.RecordTypeId', spec: { type: 'reference', referenceTo: ['RecordType'], relationshipName: 'RecordType' }, missing: false };
    }
    const canonical = canonicalField(object, name, this.#schema);
    if (canonical === undefined) return undefined;
    const key = `${object}.${canonical}`;
    this.#used.add(key);
    return { key, spec: this.#schema[object][canonical] as FieldSpec, missing: this.#inferred.has(key) };
  }

  /** Whether the org has `value` for a picklist (or multi-select picklist) field; notes it when it does not. */
  pickValue(key: string, spec: FieldSpec, value: string): ValueStanding {
    const parts = spec.type === 'multipicklist' ? value.split(';').map((v) => v.trim()) : [value];
    const lacking = parts.filter((part) => !(spec.values ?? []).some((v) => v.toLowerCase() === part.toLowerCase()));
    if (lacking.length === 0) return 'known';
    const missing = this.#missingValues.get(key) ?? new Set<string>();
    for (const part of lacking) missing.add(part);
    this.#missingValues.set(key, missing);
    return spec.restricted ? 'missing' : 'missingUnrestricted';
  }

  /** Whether the org has a Lead record type of this name; notes it when it does not. */
  recordType(name: string): boolean {
    const known = (this.#org.recordTypes?.Lead ?? []).some((r) => r.toLowerCase() === name.toLowerCase());
    if (!known) this.#missingRecordTypes.add(name);
    return known;
  }

  /** What the org lacks for this rule: inferred declarations, picklist values, record types. */
  additions(): OrgAdditions {
    const out = emptyAdditions();
    for (const [key, declared] of this.#inferred) out.fields[key] = declared;
    for (const [key, values] of this.#missingValues) {
      const declared = this.#org.fields?.[key];
      if (this.#inferred.has(key)) continue;
      if (declared) out.fields[key] = { ...declared, values: [...(declared.values ?? []), ...values] };
      else out.picklistValues[key] = [...values];
    }
    if (this.#missingRecordTypes.size > 0) out.recordTypes['Lead'] = [...this.#missingRecordTypes];
    return out;
  }

  /**
   * The part of the org's schema the rule reads, with what it lacks added (a graph's `orgSchema`): declarations of
   * the non-standard fields it uses, the extra values of the standard picklists it uses, the Lead record types.
   */
  graphSchema(): SchemaExtension {
    const additions = this.additions();
    const fields: Record<string, DeclaredField> = {};
    const picklistValues: Record<string, string[]> = {};
    for (const key of [...this.#used].sort()) {
      const [object, field] = splitKey(key);
      if (Object.hasOwn(CRM_SCHEMA[object], field)) {
        const values = [...(this.#org.picklistValues?.[key] ?? []), ...(additions.picklistValues[key] ?? [])];
        if (values.length > 0) picklistValues[key] = [...new Set(values)];
      } else {
        const declared = additions.fields[key] ?? this.#org.fields?.[key];
        if (declared) fields[key] = declared;
      }
    }
    const recordTypes = this.#usesRecordTypes ? [...new Set([...(this.#org.recordTypes?.Lead ?? []), ...(additions.recordTypes['Lead'] ?? [])])] : [];
    return {
      ...(Object.keys(fields).length > 0 ? { fields } : {}),
      ...(Object.keys(picklistValues).length > 0 ? { picklistValues } : {}),
      ...(recordTypes.length > 0 ? { recordTypes: { Lead: recordTypes } } : {}),
    };
  }

  #extended(): CrmSchema {
    const fields = { ...(this.#org.fields ?? {}), ...Object.fromEntries(this.#inferred) };
    return extendSchema({ ...this.#org, ...(Object.keys(fields).length > 0 ? { fields } : {}) });
  }
}
