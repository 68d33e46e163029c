import { CRM_SCHEMA, type CrmSchema, type SObjectType } from '../schema.ts';
import type { RecordSource, SRecord } from '../recordSource.ts';
import type { CompiledQuery } from './compileQuery.ts';
import { followHop, nameObjectField, type RelationshipHop, type ResolvedField } from './resolveField.ts';

/** A parent-to-child subquery in the SELECT list: `(SELECT Id FROM CampaignMembers)`. */
export interface ChildrenNode {
  readonly kind: 'children';
  /** The canonical child relationship name, the key of the nested result (`CampaignMembers`). */
  readonly relationshipName: string;
  /** The child's reference field pointing at the parent (`LeadId`). */
  readonly field: string;
  /** The subquery, compiled over the child type. */
  readonly query: CompiledQuery;
}

/** How one selected column appears in a result record: a field, a nested relationship object, or child records. */
export type ShapeNode =
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'relationship'; readonly hop: RelationshipHop; readonly children: ShapeNode[] }
  | ChildrenNode;

/** Answers a subquery for one parent record: `{ totalSize, done, records }`, or null when it has no children. */
export type ChildrenReader = (node: ChildrenNode, parent: SRecord) => unknown;

/**
 * Groups the SELECT fields into the nested layout of a REST query record: fields in SELECT order, and fields
 * through the same relationship merged into one nested object placed where the first of them was selected.
 */
export function buildShape(fields: readonly ResolvedField[]): ShapeNode[] {
  const root: ShapeNode[] = [];
  for (const field of fields) {
    let level = root;
    for (const hop of field.hops) {
      let node = level.find((n): n is Extract<ShapeNode, { kind: 'relationship' }> => n.kind === 'relationship' && n.hop.relationshipName === hop.relationshipName);
      if (!node) {
        node = { kind: 'relationship', hop, children: [] };
        level.push(node);
      }
      level = node.children;
    }
    level.push({ kind: 'field', name: field.field });
  }
  return root;
}

function fill(out: Record<string, unknown>, type: SObjectType, record: SRecord, nodes: readonly ShapeNode[], source: RecordSource, apiVersion: string, children: ChildrenReader | undefined, schema: CrmSchema, polymorphic: boolean): void {
  const fields = schema[type];
  for (const node of nodes) {
    if (node.kind === 'children') {
      out[node.relationshipName] = children ? children(node, record) : null;
    } else if (node.kind === 'field') {
      const spec = fields[node.name];
      const value = polymorphic ? nameObjectField(schema, type, record, node.name) : spec ? record[node.name] : undefined;
      // Salesforce checkboxes are never null.
      out[node.name] = value === undefined || value === '' ? (spec?.type === 'boolean' ? false : null) : value;
    } else {
      const target = fields[node.hop.idField] ? followHop(record, node.hop, source) : undefined;
      out[node.hop.relationshipName] = target ? shapeRecord(target.type, target.record, node.children, source, apiVersion, undefined, schema, node.hop.targets.length > 1) : null;
    }
  }
}

/**
 * One record as the REST query endpoint returns it:
 * `{ attributes: { type, url }, <selected fields in order> }`, relationships nested (`Owner: { attributes, Name }`)
 * or null when the reference is empty. Fields are read as the org's `schema` (default: leadsim's own) has them. For a
 * polymorphic target (`polymorphic`), `type` is the referenced record's actual type and its fields read as the `Name`
 * object gives them ({@link nameObjectField}: `Type` is `User` or `Queue`; a field that type lacks is null).
 */
export function shapeRecord(type: SObjectType, record: SRecord, nodes: readonly ShapeNode[], source: RecordSource, apiVersion: string, children?: ChildrenReader, schema: CrmSchema = CRM_SCHEMA, polymorphic = false): Record<string, unknown> {
  const out: Record<string, unknown> = { attributes: { type, url: `/services/data/v${apiVersion}/sobjects/${type}/${record.Id}` } };
  fill(out, type, record, nodes, source, apiVersion, children, schema, polymorphic);
  return out;
}
