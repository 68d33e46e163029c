import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputError, LeadsimError, parseInput } from '../core/errors.ts';
import { AssignmentRulesSchema, type AssignmentRules } from './assignmentRulesMetadata.ts';

/** Objects Salesforce has assignment rules for; a file named after one of them holds that object's rules. */
const ASSIGNABLE_OBJECTS = new Set(['Lead', 'Case', 'Account']);
const REPEATED = new Set(['assignmentRule', 'ruleEntry', 'criteriaItems', 'team']);

/** A parsed metadata file: its rules and the object they route (from the file name, `Lead` by default). */
export interface AssignmentRulesFile {
  readonly file: string;
  /** `Case` for `Case.assignmentRules-meta.xml`; `Lead` for `Lead.…` and any file not named after an object. */
  readonly object: string;
  readonly rules: AssignmentRules;
}

/**
 * Parses the text of an `.assignmentRules-meta.xml` (or `.assignmentRules`) file: well-formed XML with an
 * `<AssignmentRules>` root, then the Metadata API shape (see assignmentRulesMetadata.ts), at most one active rule.
 * Throws an {@link InputError} (INVALID_ASSIGNMENT_RULES) naming the file, the line or element path, what was
 * expected and what was found.
 */
export function parseAssignmentRules(text: string, file: string): AssignmentRulesFile {
  const fail = (path: (string | number)[], message: string, expected?: string): never => {
    throw new InputError('INVALID_ASSIGNMENT_RULES', {
      action: 'read assignment rules',
      file,
      issues: [{ path, message, ...(expected ? { expected } : {}) }],
      hint: 'The file must be Metadata API AssignmentRules XML, as `sf project retrieve start -m AssignmentRules:Lead` writes it.',
    });
  };
  const valid = XMLValidator.validate(text);
  if (valid !== true) fail([], `not well-formed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`, 'an XML document');
  const parser = new XMLParser({
    ignoreAttributes: true,
    ignoreDeclaration: true,
    removeNSPrefix: true,
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => REPEATED.has(name),
  });
  const doc = parser.parse(text) as Record<string, unknown>;
  const root = doc['AssignmentRules'];
  if (root === undefined) fail([], `the root element is <${Object.keys(doc)[0] ?? 'nothing'}>`, '<AssignmentRules xmlns="http://soap.sforce.com/2006/04/metadata">');
  const rules = parseInput(AssignmentRulesSchema, root === '' ? {} : root, {
    action: 'read assignment rules',
    file,
    code: 'INVALID_ASSIGNMENT_RULES',
    hint: 'See the AssignmentRules type of the Metadata API for the elements each rule entry takes.',
  });
  const active = rules.assignmentRule.flatMap((r, i) => (r.active ? [i] : []));
  if (active.length > 1) {
    fail(['assignmentRule', active[1]!, 'active'], `rules ${active.map((i) => JSON.stringify(rules.assignmentRule[i]!.fullName)).join(' and ')} are both active`, 'at most one active rule per object, as Salesforce allows');
  }
  const name = basename(file);
  const prefix = /^([A-Za-z][A-Za-z0-9_]*)\.assignmentRules(-meta\.xml)?$/.exec(name)?.[1];
  const object = prefix !== undefined && ASSIGNABLE_OBJECTS.has(prefix) ? prefix : 'Lead';
  return { file, object, rules };
}

/** Reads and parses a metadata file (see {@link parseAssignmentRules}); a missing file throws FILE_NOT_FOUND. */
export function readAssignmentRules(file: string): AssignmentRulesFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new LeadsimError('FILE_NOT_FOUND', `Failed to read assignment rules "${file}": ${code === 'ENOENT' ? 'the file does not exist' : `the file cannot be read (${code})`}. Check the path.`, { cause: error });
  }
  return parseAssignmentRules(text, file);
}
