import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import type * as SoqlParserJs from 'soql-parser-js';
import { parseSoql } from '../../src/systems/crm/soql/parseSoql.ts';

const { parseQuery } = createRequire(import.meta.url)('soql-parser-js') as typeof SoqlParserJs;

describe('parseSoql parses queries that differ only in literals once, with the same AST', () => {
  const queries = [
    "SELECT Id FROM Lead WHERE Email = 'ada@example.com' AND IsConverted = false",
    "SELECT Id FROM Lead WHERE Email = 'bob@example.com' AND IsConverted = false",
    "SELECT Id FROM Lead WHERE LastName = 'O\\'Brien'",
    "SELECT Id FROM Lead WHERE Name LIKE 'a\\_b%' OR Name IN ('x', 'y', '__leadsim_literal_0__')",
    "SELECT Id FROM Contact WHERE AccountId IN (SELECT Id FROM Account WHERE Name = 'Acme')",
    "SELECT Id FROM Lead WHERE Company = '' AND CreatedDate > 2026-01-01T00:00:00Z",
    "SELECT Id FROM Lead WHERE Title = 'line\\nbreak'",
    'SELECT Id FROM Lead',
  ];
  for (const soql of queries) test(soql, () => expect(parseSoql(soql)).toEqual(parseQuery(soql)));

  test('a malformed query still fails with the parser position', () => {
    expect(() => parseSoql("SELECT Id FROM Lead WHERE Email = 'x' AND")).toThrow(/ERROR at Row:1/);
  });
});
