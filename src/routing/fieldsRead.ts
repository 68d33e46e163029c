import { DERIVED_PERSON_FACTS, type RoutingObject } from './fieldRef.ts';
import type { Graph, Test } from './graphSchema.ts';

/** What a graph's conditions read of one record: its fields, and the lookups whose record's name they read. */
export interface FieldsRead {
  /** CRM field API names, in first-read order (a lookup read by name counts its id field, `OwnerId`). */
  readonly fields: readonly string[];
  /** Relationship names read as `<Relationship>.Name` (`Owner`, `RecordType`, `Partner__r`). */
  readonly relationships: readonly string[];
}

/**
 * The fields a graph's conditions read of `record` (`person`, `currentUser`...), derived facts left out. A caller
 * that builds routing contexts reads these from the CRM when its record lacks them.
 */
export function fieldsRead(graph: Graph, record: RoutingObject): FieldsRead {
  const fields = new Set<string>();
  const relationships = new Set<string>();
  const visit = (test: Test): void => {
    if (test.op === 'and' || test.op === 'or') return test.tests.forEach(visit);
    if (test.op === 'not') return visit(test.test);
    if (!test.field.startsWith(`${record}.`)) return;
    const path = test.field.slice(record.length + 1);
    const dot = path.indexOf('.');
    if (dot < 0) {
      if (!(record === 'person' && Object.hasOwn(DERIVED_PERSON_FACTS, path))) fields.add(path);
      return;
    }
    const relationship = path.slice(0, dot);
    relationships.add(relationship);
    fields.add(relationship.endsWith('__r') ? `${relationship.slice(0, -3)}__c` : `${relationship}Id`);
  };
  for (const node of Object.values(graph.nodes)) if (node.kind === 'condition') visit(node.test);
  return { fields: [...fields], relationships: [...relationships] };
}
