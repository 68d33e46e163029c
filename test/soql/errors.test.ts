import { describe, expect, it } from 'vitest';
import { runQuery } from '../../src/systems/crm/soql/index.ts';
import { fixture } from './fixture.ts';

const { crm } = fixture();
const run = (soql: string) => runQuery(soql, crm);

describe('MALFORMED_QUERY', () => {
  it('reports the unexpected token with its position, as Salesforce does', () => {
    expect(run('SELECT Id FRM Lead')).toMatchInlineSnapshot(`
      {
        "errorCode": "MALFORMED_QUERY",
        "message": "
      SELECT Id FRM Lead
                    ^
      ERROR at Row:1:Column:15
      unexpected token: 'Lead'",
        "ok": false,
      }
    `);
  });

  it('reports <EOF> for a truncated query', () => {
    const result = run('SELECT Id FROM Lead WHERE');
    expect(result).toMatchObject({ ok: false, errorCode: 'MALFORMED_QUERY' });
    expect(!result.ok && result.message).toMatch(/ERROR at Row:1:Column:26\nunexpected token: <EOF>$/);
  });

  it('reports a bad character and a bad string literal', () => {
    expect(!run('SELECT Id FROM Lead WHERE Email = #').ok && (run('SELECT Id FROM Lead WHERE Email = #') as { message: string }).message).toMatch(
      /Column:35\nunexpected token: '#'$/,
    );
    expect(run("SELECT Id FROM Lead WHERE LastName = 'a\\q'")).toMatchObject({ errorCode: 'MALFORMED_QUERY', message: expect.stringContaining("Illegal character sequence '\\q'") });
  });

  it('rejects a field selected twice', () => {
    expect(run('SELECT Email, email FROM Lead')).toEqual({ ok: false, errorCode: 'MALFORMED_QUERY', message: 'duplicate field selected: Email' });
  });

  it.each([
    ['SELECT Id, (SELECT Id, (SELECT Id FROM CampaignMembers) FROM Contacts) FROM Account', 'A subquery inside a subquery'],
    ["SELECT Id FROM Lead WHERE Id IN (SELECT LeadId FROM CampaignMember)", 'A semi-join subquery in WHERE'],
    ['SELECT TYPEOF Owner WHEN User THEN Name END FROM Lead', 'TYPEOF'],
    ['SELECT Status, COUNT(Id) FROM Lead GROUP BY CUBE(Status)', 'GROUP BY CUBE'],
  ])('says the simulator does not support %s', (soql, feature) => {
    const result = run(soql);
    expect(result).toMatchObject({ ok: false, errorCode: 'MALFORMED_QUERY' });
    expect(!result.ok && result.message).toEqual(
      expect.stringMatching(new RegExp(`^Failed to run query ".*": ${feature.replace(/[()]/g, '\\$&')} is not supported by the leadsim Salesforce simulator\\. .+\\.$`)),
    );
  });

  it('explains unsupported features with the standard message template', () => {
    expect(run('SELECT TYPEOF Owner WHEN User THEN Name END FROM Lead')).toMatchInlineSnapshot(`
      {
        "errorCode": "MALFORMED_QUERY",
        "message": "Failed to run query "SELECT TYPEOF Owner WHEN User THEN Name END FROM Lead": TYPEOF is not supported by the leadsim Salesforce simulator. Select the relationship fields directly (Owner.Name).",
        "ok": false,
      }
    `);
  });
});

describe('NOT, AND and OR as Salesforce parses them', () => {
  // Salesforce refuses these with MALFORMED_QUERY at the offending token (jetstreamapp/soql-parser-js#201, #237;
  // apex-dml-mocking#50); the grammar is documented on whereTree in src/systems/crm/soql/whereTree.ts.
  it.each([
    ["SELECT Id FROM Lead WHERE Email != null AND NOT Email LIKE 'x%'", 45, 'NOT'],
    ["SELECT Id FROM Lead WHERE NOT Email LIKE 'x%' AND Email != null", 47, 'AND'],
    ["SELECT Id FROM Lead WHERE NOT NOT Email = 'a'", 31, 'NOT'],
    ["SELECT Id FROM Lead WHERE NOT (NOT Email = 'a' AND Status = 'MQL')", 48, 'AND'],
    ["SELECT Id FROM Lead WHERE Email = 'a' AND Status = 'MQL' OR Status = 'Nurture'", 58, 'OR'],
  ])('refuses %s with unexpected token at its position', (soql, column, token) => {
    expect(run(soql)).toEqual({
      ok: false,
      errorCode: 'MALFORMED_QUERY',
      message: `\n${soql}\n${' '.repeat(column - 1)}^\nERROR at Row:1:Column:${column}\nunexpected token: '${token}'`,
    });
  });

  it('answers NOT chains and parentheses to any depth', () => {
    const ids = (soql: string) => {
      const result = run(soql);
      if (!result.ok) throw new Error(result.message);
      return result.records.map((r) => r['LastName']);
    };
    expect(ids("SELECT LastName FROM Lead WHERE NOT (NOT (NOT Email = 'x@y.com'))")).toEqual(['One', 'Two', 'Three']);
    expect(ids("SELECT LastName FROM Lead WHERE NOT ((NOT ((NOT (NOT (Email = 'x@y.com'))))))")).toEqual(['four_%']);
    expect(ids("SELECT LastName FROM Lead WHERE ((NOT Email = 'x@y.com') AND (Status != 'MQL' OR (NOT (NOT (NOT Status = 'Nurture')))))")).toEqual(['One', 'Two', 'Three']);
  });
});

describe('INVALID_FIELD', () => {
  it('names the unknown column and the entity', () => {
    expect(run('SELECT Id, Foo FROM Lead')).toMatchInlineSnapshot(`
      {
        "errorCode": "INVALID_FIELD",
        "message": "No such column 'Foo' on entity 'Lead'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.",
        "ok": false,
      }
    `);
  });

  it('checks fields in WHERE and ORDER BY too', () => {
    expect(run("SELECT Id FROM Lead WHERE Partner_Type__c = 'Alliance'")).toMatchObject({ errorCode: 'INVALID_FIELD', message: expect.stringMatching(/^No such column 'Partner_Type__c' on entity 'Lead'\./) });
    expect(run('SELECT Id FROM Lead ORDER BY Bar')).toMatchObject({ errorCode: 'INVALID_FIELD', message: expect.stringMatching(/^No such column 'Bar' on entity 'Lead'\./) });
  });

  it('names the target entity for an unknown field through a relationship', () => {
    expect(run('SELECT Account.Foo FROM Contact')).toMatchObject({ errorCode: 'INVALID_FIELD', message: expect.stringMatching(/^No such column 'Foo' on entity 'Account'\./) });
  });

  it('rejects an unknown relationship', () => {
    expect(run('SELECT Manager.Name FROM Lead')).toMatchInlineSnapshot(`
      {
        "errorCode": "INVALID_FIELD",
        "message": "Didn't understand relationship 'Manager' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.",
        "ok": false,
      }
    `);
  });
});

describe('INVALID_TYPE', () => {
  it('names the unknown object', () => {
    expect(run('SELECT Id FROM Foo')).toMatchInlineSnapshot(`
      {
        "errorCode": "INVALID_TYPE",
        "message": "sObject type 'Foo' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.",
        "ok": false,
      }
    `);
  });
});
