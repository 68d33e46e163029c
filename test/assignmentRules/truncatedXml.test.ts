import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAssignmentRules } from '../../src/assignmentRules/readAssignmentRules.ts';

const XML = readFileSync(fileURLToPath(new URL('../../scenarios/assignment-rules/Lead.assignmentRules-meta.xml', import.meta.url)), 'utf8');

function problem(text: string): string {
  try {
    parseAssignmentRules(text, 'Lead.assignmentRules-meta.xml');
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the file to be refused');
}

describe('a truncated assignment rules file is reported where it ends', () => {
  it('names the line and column the text stops at and the elements left open, not line 1, column 1', () => {
    const cut = XML.slice(0, XML.indexOf('<assignedTo>') + '<ass'.length);
    const lines = cut.split('\n');
    expect(problem(cut)).toContain(
      `not well-formed XML: the text ends at line ${lines.length}, column ${lines.at(-1)!.length + 1} with 4 elements still open (<AssignmentRules> > <assignmentRule> > <ruleEntry> > <ass>); the file looks cut off`,
    );
  });

  it('a single open element, after a whole line', () => {
    expect(problem('<AssignmentRules>\n  <assignmentRule><fullName>T</fullName>\n')).toContain('the text ends at line 2, column 41 with 2 elements still open');
    expect(problem('<AssignmentRules>\n')).toContain('the text ends at line 1, column 18 with an element still open (<AssignmentRules>)');
  });

  it('keeps the validator position for other errors', () => {
    expect(problem('<AssignmentRules>\n<a>x</b></AssignmentRules>')).toContain("not well-formed XML at line 2, column 5: Expected closing tag 'a'");
  });
});
