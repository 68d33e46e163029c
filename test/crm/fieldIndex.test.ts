import { describe, expect, it } from 'vitest';
import { FieldIndex } from '../../src/systems/crm/fieldIndex.ts';
import { makeId } from '../../src/systems/crm/ids.ts';
import type { SRecord } from '../../src/systems/crm/recordSource.ts';
import { indexKey } from '../../src/systems/crm/soql/indexedRecordSource.ts';
import { fieldSpec } from '../../src/systems/crm/schema.ts';

describe('FieldIndex', () => {
  const store = new Map<string, SRecord>();
  const index = new FieldIndex((id) => {
    const record = store.get(id);
    return record && { type: 'Lead', record };
  });
  const put = (record: SRecord): void => {
    const prev = store.get(record.Id);
    store.set(record.Id, record);
    index.update('Lead', prev, record);
  };
  const byId = (id: string) => index.lookup('Lead', 'Id', indexKey(fieldSpec('Lead', 'Id')!, id))?.map((r) => r.Id);

  it('finds leads by Id, whether the CRM made the id or not, and forgets deleted ones', () => {
    const made = makeId('00Q', 7);
    const sameKeyOtherCase = `${made.slice(0, 4)}M${made.slice(5, 15)}XYZ`;
    const foreign = '00Q000000000042AAA';
    put({ Id: made, Email: 'a@x.test' } as SRecord);
    put({ Id: sameKeyOtherCase } as SRecord);
    put({ Id: foreign } as SRecord);
    expect(byId(made)).toEqual([sameKeyOtherCase, made].sort());
    expect(byId(made.slice(0, 15).toLowerCase())).toEqual([sameKeyOtherCase, made].sort());
    expect(byId(foreign)).toEqual([foreign]);
    expect(byId(makeId('00Q', 8))).toEqual([]);
    put({ Id: made, IsDeleted: true } as SRecord);
    expect(byId(made)).toEqual([sameKeyOtherCase]);
    expect(index.lookup('Lead', 'Email', 'a@x.test')).toEqual([]);
  });

  it('hands out the newest record after a write that keeps the key, and finds exact values with holding()', () => {
    const first = makeId('00Q', 20);
    const second = makeId('00Q', 21);
    put({ Id: first, Email: 'b@x.test', Title: 'old' } as SRecord);
    put({ Id: second, Email: 'B@x.test' } as SRecord);
    put({ Id: first, Email: 'b@x.test', Title: 'new' } as SRecord);
    expect(index.lookup('Lead', 'Email', 'b@x.test')?.map((r) => [r.Id, r['Title']])).toEqual([
      [first, 'new'],
      [second, undefined],
    ]);
    expect(index.holding('Lead', 'Email', 'B@x.test')?.map((r) => r.Id)).toEqual([second]);
    expect(index.holding('Lead', 'Email', '')).toEqual([]);
    expect(index.holding('Lead', 'Title', 'new')).toBeUndefined();
    put({ Id: first, Email: 'c@x.test' } as SRecord);
    expect(index.lookup('Lead', 'Email', 'b@x.test')?.map((r) => r.Id)).toEqual([second]);
  });
});
