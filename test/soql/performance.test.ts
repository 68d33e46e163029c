import { describe, expect, it } from 'vitest';
import { compileCached, runQuery } from '../../src/systems/crm/soql/index.ts';
import { QueryCache } from '../../src/systems/crm/soql/queryCache.ts';
import { fixture } from './fixture.ts';

describe('query cache', () => {
  it('compiles a query text once and reuses it', () => {
    const soql = "SELECT Id FROM Lead WHERE Email = 'cache@test'";
    expect(compileCached(soql)).toBe(compileCached(soql));
  });

  it('evicts the least recently used entry', () => {
    const cache = new QueryCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([1, undefined, 3, 2]);
  });

  it('gives the same results from the cache, for another source', () => {
    const soql = "SELECT LastName FROM Lead WHERE Status = 'MQL'";
    const first = runQuery(soql, fixture().crm);
    const second = runQuery(soql, fixture().crm);
    expect(second).toEqual(first);
  });
});

describe('index fast path', () => {
  it('uses lookup for Email = literal and Email IN (...), with the same results as a scan', () => {
    const scan = fixture();
    const indexed = fixture({ indexed: ['Email'] });
    for (const soql of [
      "SELECT Id, Email, OwnerId FROM Lead WHERE Email = 'JANE.DOE@example.com'",
      "SELECT Id, Email FROM Lead WHERE Email IN ('x@y.com', 'jane.doe@example.com', 'nobody@x')",
      "SELECT Id FROM Lead WHERE Email = 'x@y.com' AND Status = 'MQL'",
    ]) {
      const before = indexed.crm.lookups;
      expect(runQuery(soql, indexed.crm)).toEqual(runQuery(soql, scan.crm));
      expect(indexed.crm.lookups).toBeGreaterThan(before);
    }
  });

  it('uses the first conjunct the source has an index for', () => {
    const indexed = fixture({ indexed: ['Email'] });
    const soql = "SELECT Id FROM Lead WHERE LastName = 'four_%' AND Email = 'X@Y.com'";
    expect(runQuery(soql, indexed.crm)).toEqual(runQuery(soql, fixture().crm));
    expect(indexed.crm.lookups).toBe(1);
  });

  it('scans when the source has no index for the field, or for queryAll', () => {
    const indexed = fixture({ indexed: ['Email'] });
    expect(runQuery("SELECT Id FROM Lead WHERE LastName = 'One'", indexed.crm)).toMatchObject({ totalSize: 1 });
    indexed.crm.deleted.add(indexed.l4);
    expect(runQuery("SELECT Id FROM Lead WHERE Email = 'x@y.com'", indexed.crm, { includeDeleted: true })).toMatchObject({ totalSize: 1 });
    expect(indexed.crm.lookups).toBe(0);
  });
});
