import { describeValue, type InputIssue } from '../core/errors.ts';
import { CRM_SCHEMA, type CrmSchema, type FieldSpec } from '../systems/crm/schema.ts';
import { extendSchema } from '../systems/crm/schemaExtension.ts';
import { checkFieldValue, isTextLike } from './checkFieldValue.ts';
import { resolveFieldRef } from './fieldRef.ts';
import type { Graph, Test } from './graphSchema.ts';

type Path = (string | number)[];

/**
 * Checks what the schema cannot: every field reference names a CRM field of that object, every value fits its
 * field's type, `$settings` lists exist, named pools exist, and updates only write writable Lead fields.
 */
export function checkNodeFields(graph: Graph): InputIssue[] {
  const issues: InputIssue[] = [];
  const schema = extendSchema(graph.orgSchema);
  graph.settings.partnerEngagementStatuses.forEach((status, i) => {
    const mismatch = checkFieldValue(CRM_SCHEMA.CampaignMember['Status'] as FieldSpec, status);
    if (mismatch) issues.push({ path: ['settings', 'partnerEngagementStatuses', i], message: 'not a CampaignMember Status value', ...mismatch });
  });
  for (const [id, node] of Object.entries(graph.nodes)) {
    const at = (...rest: Path): Path => ['nodes', id, ...rest];
    const say = (message: string) => `node "${id}": ${message}`;
    if (node.kind === 'condition') checkTest(node.test, at('test'), say, graph, issues, schema);
    if (node.kind === 'update') {
      for (const [field, value] of Object.entries(node.fields)) {
        const spec = Object.hasOwn(schema.Lead, field) ? schema.Lead[field] : undefined;
        if (spec === undefined) {
          issues.push({ path: at('fields', field), message: say(`unknown field "${field}" on Lead`), expected: 'a Lead field API name', got: JSON.stringify(field) });
        } else if (spec.readOnly || field === 'OwnerId') {
          issues.push({
            path: at('fields', field),
            message: say(`field "${field}" cannot be updated by routing`),
            expected: field === 'OwnerId' ? 'an assign node to change the owner' : 'a writable Lead field',
            got: JSON.stringify(field),
          });
        } else if (value !== null) {
          const mismatch = checkFieldValue(spec, value);
          if (mismatch) issues.push({ path: at('fields', field), message: say(`wrong value for Lead.${field} (${spec.type})`), ...mismatch });
        }
      }
    }
    if (node.kind === 'assign' && 'roundRobin' in node.target) {
      const pool = node.target.roundRobin.pool;
      if (typeof pool === 'string' && !Object.hasOwn(graph.settings.pools ?? {}, pool)) {
        issues.push({
          path: at('target', 'roundRobin', 'pool'),
          message: say(`unknown round-robin pool "${pool}"`),
          expected: `a pool defined under $.settings.pools${graph.settings.pools ? ` (${Object.keys(graph.settings.pools).join(', ')})` : ''}`,
          got: JSON.stringify(pool),
        });
      }
    }
  }
  return issues;
}

function checkTest(test: Test, path: Path, say: (message: string) => string, graph: Graph, issues: InputIssue[], schema: CrmSchema): void {
  switch (test.op) {
    case 'and':
    case 'or':
      test.tests.forEach((inner, i) => checkTest(inner, [...path, 'tests', i], say, graph, issues, schema));
      return;
    case 'not':
      checkTest(test.test, [...path, 'test'], say, graph, issues, schema);
      return;
    default:
      break;
  }
  const field = resolveFieldRef(test.field, schema);
  if (!field.ok) {
    issues.push({ path: [...path, 'field'], message: say(field.message), expected: field.expected, got: field.got });
    return;
  }
  const { spec } = field;
  const valueIssue = (valuePath: Path, value: unknown) => {
    const mismatch = checkFieldValue(spec, value);
    if (mismatch) issues.push({ path: valuePath, message: say(`wrong value type for ${test.field} (${spec.type})`), ...mismatch });
  };
  const needs = (ok: boolean, what: string, expected: string) => {
    if (!ok) issues.push({ path: [...path, 'op'], message: say(`"${test.op}" needs ${what}, and ${test.field} is ${spec.type}`), expected, got: spec.type });
  };
  switch (test.op) {
    case 'equals':
      valueIssue([...path, 'value'], test.value);
      return;
    case 'startsWith':
    case 'contains':
    case 'notContains':
      needs(isTextLike(spec), 'a text field', 'a text or picklist field');
      return;
    case 'includes':
    case 'excludes':
      needs(spec.type === 'multipicklist', 'a multi-select picklist field', 'a multipicklist field');
      if (spec.type === 'multipicklist') test.values.forEach((value, i) => valueIssue([...path, 'values', i], value));
      return;
    case 'lessThan':
    case 'greaterThan':
    case 'lessOrEqual':
    case 'greaterOrEqual':
      needs(spec.type !== 'boolean' && spec.type !== 'multipicklist', 'a field with an order', 'a number, date or text field');
      if (spec.type !== 'boolean' && spec.type !== 'multipicklist') valueIssue([...path, 'value'], test.value);
      return;
    case 'in':
    case 'notIn':
      if (typeof test.values === 'string') {
        const name = test.values.slice('$settings.'.length);
        const list = (graph.settings as Record<string, unknown>)[name];
        if (!Array.isArray(list)) {
          issues.push({ path: [...path, 'values'], message: say(`unknown settings list "${test.values}"`), expected: 'a value list defined under $.settings', got: describeValue(test.values) });
        } else list.forEach((value, i) => valueIssue(['settings', name, i], value));
      } else test.values.forEach((value, i) => valueIssue([...path, 'values', i], value));
      return;
    case 'empty':
    case 'notEmpty':
      return;
  }
}
