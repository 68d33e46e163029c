import { BucketMap } from '../../core/bucketMap.ts';
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
  /** By `Object.Field`: records by key, one record per key stored as itself (see BucketMap), in Id order. */
  readonly #maps = new Map<string, BucketMap<string, PrmRecord>>();

  /** Follows one write: `prev` replaced by `next` (either undefined for a create or a delete). */
  update(object: PrmObjectName, prev: PrmRecord | undefined, next: PrmRecord | undefined): void {
    for (const [field, keyOf] of Object.entries(INDEXED[object] ?? {})) {
      const map = this.#map(object, field);
      const before = prev ? keyOf(prev[field]) : undefined;
      const after = next ? keyOf(next[field]) : undefined;
      // A write that keeps the key replaces the record in its bucket (see FieldIndex.update in the CRM).
      if (before !== undefined && before !== after) map.remove(before, prev!);
      if (after !== undefined) map.add(after, next!);
    }
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

  #map(object: PrmObjectName, field: string): BucketMap<string, PrmRecord> {
    const key = `${object}.${field}`;
    let map = this.#maps.get(key);
    if (!map) {
      map = new BucketMap({ same: (a, b) => a.Id === b.Id, compare: (a, b) => a.Id - b.Id });
      this.#maps.set(key, map);
    }
    return map;
  }
}
