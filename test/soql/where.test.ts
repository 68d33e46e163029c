import { describe, expect, it } from 'vitest';
import { runQuery } from '../../src/systems/crm/soql/index.ts';
import { fixture } from './fixture.ts';
import { MemorySource } from './memorySource.ts';

const { crm } = fixture();

/** LastNames of the leads a WHERE clause selects, in result order. */
function names(where: string, options: { now?: number } = {}): string[] {
  const result = runQuery(`SELECT LastName FROM Lead WHERE ${where}`, crm, options);
  if (!result.ok) throw new Error(result.message);
  return result.records.map((r) => r['LastName'] as string);
}

describe('WHERE comparisons', () => {
  it('matches strings with = case-insensitively', () => {
    expect(names("Email = 'jane.doe@example.com'")).toEqual(['One']);
    expect(names("email = 'JANE.DOE@EXAMPLE.COM'")).toEqual(['One']);
    expect(names("Email = 'jane'")).toEqual([]);
  });

  it('treats != and <> alike, and includes nulls in them', () => {
    expect(names("Email != 'x@y.com'")).toEqual(['One', 'Two', 'Three']);
    expect(names("Email <> 'X@Y.COM'")).toEqual(['One', 'Two', 'Three']);
  });

  it('decodes backslash escapes in string literals', () => {
    expect(names("Email = 'o\\'brien@example.org'")).toEqual(['Two']);
  });

  it('compares numbers with < > <= >=', () => {
    expect(names('NumberOfEmployees > 5')).toEqual(['One', 'four_%']);
    expect(names('NumberOfEmployees >= 5')).toEqual(['One', 'Two', 'four_%']);
    expect(names('NumberOfEmployees < 50')).toEqual(['Two']);
    expect(names('NumberOfEmployees <= 50.0')).toEqual(['One', 'Two']);
  });

  it('compares text ranges case-insensitively', () => {
    expect(names("LastName < 'o'")).toEqual(['four_%']);
    expect(names("LastName >= 'THREE'")).toEqual(['Two', 'Three']);
  });

  it('tests null with = null and != null', () => {
    expect(names('Email = null')).toEqual(['Three']);
    expect(names('Email != null')).toEqual(['One', 'Two', 'four_%']);
    expect(names('NumberOfEmployees = null')).toEqual(['Three']);
    expect(names("Email = ''")).toEqual(['Three']);
    expect(names("Email IN ('', 'x@y.com')")).toEqual(['Three', 'four_%']);
  });

  it('compares booleans, treating a missing checkbox as false', () => {
    expect(names('High_Priority__c = true')).toEqual(['One']);
    expect(names('High_Priority__c = false')).toEqual(['Two', 'Three', 'four_%']);
  });

  it('supports IN and NOT IN, case-insensitively and with null', () => {
    expect(names("Status IN ('mql', 'Nurture')")).toEqual(['One', 'Three']);
    expect(names("Status NOT IN ('MQL', 'Nurture')")).toEqual(['Two', 'four_%']);
    expect(names("Email IN (null, 'x@y.com')")).toEqual(['Three', 'four_%']);
  });

  it('supports LIKE with % and _ wildcards, case-insensitively, and escaped wildcards', () => {
    expect(names("Email LIKE '%@example.%'")).toEqual(['One', 'Two']);
    expect(names("Email LIKE 'JANE%'")).toEqual(['One']);
    expect(names("LastName LIKE 'T_o'")).toEqual(['Two']);
    expect(names("LastName LIKE 'four\\_\\%'")).toEqual(['four_%']);
    expect(names("LastName LIKE 'fou\\_%'")).toEqual([]);
    expect(names("Email LIKE 'a.b'")).toEqual([]);
  });

  it('compares datetimes with datetime literals', () => {
    expect(names('CreatedDate > 2026-01-05T09:00:00Z')).toEqual(['Three']);
    expect(names('CreatedDate >= 2026-01-05T09:00:00Z')).toEqual(['One', 'Three']);
    expect(names('CreatedDate < 2026-01-04T23:59:59.500Z')).toEqual(['Two', 'four_%']);
    expect(names('CreatedDate = 2026-01-05T10:00:00+01:00')).toEqual(['One']);
  });

  it('evaluates TODAY, YESTERDAY and LAST_N_DAYS against the given simulated now', () => {
    const now = Date.parse('2026-01-05T15:00:00Z');
    expect(names('CreatedDate = TODAY', { now })).toEqual(['One']);
    expect(names('CreatedDate = YESTERDAY', { now })).toEqual(['Two']);
    expect(names('CreatedDate > TODAY', { now })).toEqual(['Three']);
    expect(names('CreatedDate < YESTERDAY', { now })).toEqual(['four_%']);
    expect(names('CreatedDate = LAST_N_DAYS:1', { now })).toEqual(['One', 'Two']);
  });

  it('refuses TODAY without a simulated now', () => {
    const result = runQuery('SELECT Id FROM Lead WHERE CreatedDate = TODAY', crm);
    expect(result).toMatchObject({ ok: false, errorCode: 'MALFORMED_QUERY' });
    expect(!result.ok && result.message).toContain('Pass options.now');
  });

  it('compares ids given in 15 or 18 characters', () => {
    const { l2 } = fixture();
    expect(names(`Id = '${l2}'`)).toEqual(['Two']);
    expect(names(`Id = '${l2.slice(0, 15)}'`)).toEqual(['Two']);
    expect(names(`Id IN ('${l2.slice(0, 15)}')`)).toEqual(['Two']);
  });
});

describe('WHERE logic', () => {
  it('combines with AND, OR, NOT and parentheses', () => {
    expect(names("Status = 'MQL' OR Status = 'Nurture'")).toEqual(['One', 'Three']);
    expect(names("Email != null AND NumberOfEmployees > 10")).toEqual(['One', 'four_%']);
    expect(names("NOT Status = 'MQL'")).toEqual(['Two', 'Three', 'four_%']);
    expect(names("NOT (Status = 'MQL' OR Status = 'Nurture')")).toEqual(['Two', 'four_%']);
    expect(names("(Status = 'MQL' OR Status = 'Nurture') AND (NOT Email = null)")).toEqual(['One']);
    expect(names("(NOT Status = 'MQL') AND (NOT Status = 'Nurture')")).toEqual(['Two', 'four_%']);
    expect(names("((Status = 'Inquiry'))")).toEqual(['Two']);
    expect(names("(NOT (Status = 'MQL' OR Status = 'Inquiry')) AND Email = null")).toEqual(['Three']);
  });

  it('rejects AND and OR mixed without parentheses, as Salesforce does', () => {
    expect(runQuery("SELECT Id FROM Lead WHERE Status = 'MQL' AND Email = null OR Email = 'x'", crm)).toMatchInlineSnapshot(`
      {
        "errorCode": "MALFORMED_QUERY",
        "message": "
      SELECT Id FROM Lead WHERE Status = 'MQL' AND Email = null OR Email = 'x'
                                                                ^
      ERROR at Row:1:Column:59
      unexpected token: 'OR'",
        "ok": false,
      }
    `);
  });
});

describe('WHERE on relationship fields', () => {
  it('filters through Owner to a User or a Group, by the referenced record', () => {
    expect(names("Owner.Name = 'ada lovelace'")).toEqual(['One']);
    expect(names("Owner.Name = 'Partner Queue'")).toEqual(['Two']);
    expect(names("Owner.Region__c = 'AMER'")).toEqual(['Three']);
    expect(names('Owner.IsActive = false')).toEqual(['Three']);
    expect(names('Owner.Name = null')).toEqual(['four_%']);
  });

  it('filters through a custom relationship', () => {
    expect(names("Impartner_Partner_Account__r.Partner_Type__c = 'Alliance'")).toEqual(['One']);
    expect(names("Impartner_Partner_Account__r.Partner_Type__c != 'Alliance'")).toEqual(['Two', 'Three', 'four_%']);
  });
});

describe('WHERE literal types', () => {
  it.each([
    ["Email = 5", "value of filter criterion for field 'Email' must be of type string and should be enclosed in quotes"],
    ["High_Priority__c = 'true'", "value of filter criterion for field 'High_Priority__c' must be of type boolean and should not be enclosed in quotes"],
    ["CreatedDate > '2026-01-01'", "value of filter criterion for field 'CreatedDate' must be of type dateTime and should not be enclosed in quotes"],
    ["NumberOfEmployees > '5'", "value of filter criterion for field 'NumberOfEmployees' must be of type double and should not be enclosed in quotes"],
  ])('rejects %s with INVALID_FIELD', (where, message) => {
    expect(runQuery(`SELECT Id FROM Lead WHERE ${where}`, crm)).toEqual({ ok: false, errorCode: 'INVALID_FIELD', message });
  });
});

describe('LIKE escapes', () => {
  it('tells an escaped backslash before % from an escaped %', () => {
    const src = new MemorySource();
    const id = src.add('Lead', { LastName: '_%' });
    const slash = src.add('Lead', { LastName: '_\\x' });
    const ids = (pattern: string) => {
      const r = runQuery(`SELECT Id FROM Lead WHERE LastName LIKE '${pattern}'`, src);
      return r.ok ? r.records.map((x) => x['Id']) : r.message;
    };
    expect(ids('\\_\\%')).toEqual([id]);
    expect(ids('\\_\\\\%')).toEqual([slash]);
  });
});
