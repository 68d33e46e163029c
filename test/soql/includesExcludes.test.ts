import { describe, expect, it } from 'vitest';
import { runQuery } from '../../src/systems/crm/soql/index.ts';
import { MemorySource } from './memorySource.ts';

// Multi-select picklists: INCLUDES ('A;B', 'C') is "A and B, or C"; EXCLUDES is its negation (an empty value
// includes nothing). https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_querying_multiselect_picklists.htm
function org() {
  const crm = new MemorySource();
  const both = crm.add('Lead', { LastName: 'Both', Company: 'A', Products_Of_Interest__c: 'Platform;Analytics' });
  const one = crm.add('Lead', { LastName: 'One', Company: 'B', Products_Of_Interest__c: 'Analytics' });
  const three = crm.add('Lead', { LastName: 'Three', Company: 'C', Products_Of_Interest__c: 'Support;Training;Platform' });
  const none = crm.add('Lead', { LastName: 'None', Company: 'D' });
  return { crm, both, one, three, none };
}

function ids(crm: MemorySource, where: string): string[] {
  const result = runQuery(`SELECT Id FROM Lead WHERE ${where} ORDER BY LastName`, crm);
  if (!result.ok) throw new Error(result.message);
  return result.records.map((r) => String(r['Id']));
}

describe('SOQL INCLUDES and EXCLUDES', () => {
  it("INCLUDES: any operand, and 'A;B' means both", () => {
    const f = org();
    expect(ids(f.crm, "Products_Of_Interest__c INCLUDES ('Analytics')")).toEqual([f.both, f.one]);
    expect(ids(f.crm, "Products_Of_Interest__c INCLUDES ('Platform;Analytics')")).toEqual([f.both]);
    expect(ids(f.crm, "Products_Of_Interest__c INCLUDES ('analytics;PLATFORM', 'Training')")).toEqual([f.both, f.three]);
  });

  it('EXCLUDES is the negation, and holds for an empty value', () => {
    const f = org();
    expect(ids(f.crm, "Products_Of_Interest__c EXCLUDES ('Analytics')")).toEqual([f.none, f.three]);
    expect(ids(f.crm, "Products_Of_Interest__c EXCLUDES ('Platform;Analytics')")).toEqual([f.none, f.one, f.three]);
  });

  it('refuses them on a field that is not a multi-select picklist', () => {
    const result = runQuery("SELECT Id FROM Lead WHERE Status INCLUDES ('MQL')", org().crm);
    expect(result).toMatchObject({ ok: false, errorCode: 'MALFORMED_QUERY', message: expect.stringContaining('includes operator only valid on multipicklist field: Status') });
  });
});
