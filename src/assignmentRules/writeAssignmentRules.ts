import type { ExportedEntry, ExportedRule } from './graphToAssignmentRule.ts';

const INDENT = '    ';

/**
 * The Metadata API file for `rules`, laid out as Salesforce retrieves it (`sf project retrieve start`): UTF-8
 * declaration, the metadata namespace, four-space indentation, `fullName` and `active` first, each entry's elements
 * in alphabetical order (the order of the WSDL's RuleEntry sequence), criteria as field, operation, value.
 */
export function writeAssignmentRules(rules: readonly ExportedRule[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<AssignmentRules xmlns="http://soap.sforce.com/2006/04/metadata">'];
  for (const rule of rules) {
    lines.push(`${INDENT}<assignmentRule>`, element(2, 'fullName', rule.fullName), element(2, 'active', String(rule.active)));
    for (const entry of rule.ruleEntry) lines.push(`${INDENT.repeat(2)}<ruleEntry>`, ...entryLines(entry), `${INDENT.repeat(2)}</ruleEntry>`);
    lines.push(`${INDENT}</assignmentRule>`);
  }
  lines.push('</AssignmentRules>');
  return `${lines.join('\n')}\n`;
}

function entryLines(entry: ExportedEntry): string[] {
  const parts: [string, string[]][] = [
    ['assignedTo', entry.assignedTo === undefined ? [] : [element(3, 'assignedTo', entry.assignedTo)]],
    ['assignedToType', entry.assignedToType === undefined ? [] : [element(3, 'assignedToType', entry.assignedToType)]],
    ['criteriaItems', entry.criteriaItems.flatMap((item) => [
      `${INDENT.repeat(3)}<criteriaItems>`,
      element(4, 'field', item.field),
      element(4, 'operation', item.operation),
      ...(item.value === undefined ? [] : [element(4, 'value', item.value)]),
      `${INDENT.repeat(3)}</criteriaItems>`,
    ])],
  ];
  if (entry.booleanFilter !== undefined) parts.push(['booleanFilter', [element(3, 'booleanFilter', entry.booleanFilter)]]);
  if (entry.formula !== undefined) parts.push(['formula', [element(3, 'formula', entry.formula)]]);
  for (const [name, value] of Object.entries(entry.extras)) parts.push([name, (typeof value === 'string' ? [value] : value).map((v) => element(3, name, v))]);
  return parts.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flatMap(([, lines]) => lines);
}

function element(depth: number, name: string, text: string): string {
  return `${INDENT.repeat(depth)}<${name}>${escapeXml(text)}</${name}>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
