import { HashIndex } from '../../core/hashIndex.ts';
import type { PrmObjectName } from './prmSchema.ts';
import type { PrmRecord } from './prmValues.ts';
import { normalizePrmEmail } from './prospectRules.ts';

/**
 * The fields the portal indexes, with the key each value is filed under: the pipeline finds prospects and partner
 * accounts by `CrmId` (a THQL `=` compares text case-insensitively, so the key is lower-cased), and the duplicate
 * prospect rule matches emails trimmed and lower-cased.
 */
const INDEXED: Readonly<Partial<Record<PrmObjectName, Readonly<Record<string, (value: unknown) => string | undefined>>>>> = {
  Prospect: { CrmId: lowerCased, Email: normalizePrmEmail as (value: unknown) => string | undefined },
  Account: { CrmId: lowerCased },
};

function lowerCased(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value.toLowerCase() : undefined;
}

/**
 * Records of a few PRM objects by the key of an indexed field's value, kept in step with every write, so a lookup by
 * `CrmId` or email costs a map read instead of a scan of the table (a month of traffic shares tens of thousands of
 * prospects).
 */
export class PrmFieldIndex {
  /** By `Object.Field`: records by key (see HashIndex: the key is read from the record, not stored), in Id order. */
  readonly #maps = new Map<string, HashIndex<PrmRecord>>();

  /** Follows one write: `prev` replaced by `next` (either undefined for a create or a delete). */
  update(object: PrmObjectName, prev: PrmRecord | undefined, next: PrmRecord | undefined): void {
    for (const field of Object.keys(INDEXED[object] ?? {})) this.#map(object, field).replace(prev, next);
  }

  /**
   * The records whose indexed `field` has the same key as `value` (a superset of the exact matches: callers still
   * test each record), in Id order; undefined when the field is not indexed or the value has no key (not text, or
   * blank): the caller scans then.
   */
  lookup(object: PrmObjectName, field: string, value: unknown): PrmRecord[] | undefined {
    const key = INDEXED[object]?.[field]?.(value);
    if (key === undefined) return undefined;
    return this.#map(object, field).get(key);
  }

  /** Forgets every record (a snapshot's restore refiles them). */
  clear(): void {
    this.#maps.clear();
  }

  #map(object: PrmObjectName, field: string): HashIndex<PrmRecord> {
    const key = `${object}.${field}`;
    let map = this.#maps.get(key);
    if (!map) {
      const keyOf = INDEXED[object]![field]!;
      map = new HashIndex({ keyOf: (record) => keyOf(record[field]), same: (a, b) => a.Id === b.Id, compare: (a, b) => a.Id - b.Id });
      this.#maps.set(key, map);
    }
    return map;
  }
}
