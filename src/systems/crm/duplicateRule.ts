import { HashIndex } from '../../core/hashIndex.ts';
import type { CrmError } from './crmError.ts';
import type { SRecord } from './recordSource.ts';
import { KEY_PREFIXES, type SObjectType } from './schema.ts';

/** API version used in record urls the CRM builds itself (the HTTP layer accepts any version). */
export const CRM_API_VERSION = '62.0';

/** One matched record in a duplicate rule verdict, shaped like Salesforce's REST body. */
export interface DuplicateMatchRecord {
  readonly additionalInformation: readonly unknown[];
  readonly fieldDiffs: readonly unknown[];
  readonly matchConfidence: number;
  /** `attributes` and `Id`, plus every field when the request asked for record details. */
  readonly record: { readonly attributes: { readonly type: string; readonly url: string }; readonly Id: string } & Readonly<Record<string, unknown>>;
}

/** The duplicate rule verdict (`duplicateResut` in REST bodies). */
export interface DuplicateResult {
  readonly allowSave: boolean;
  readonly duplicateRule: string;
  readonly duplicateRuleEntityType: string;
  readonly errorMessage: string;
  readonly matchResults: readonly {
    readonly entityType: string;
    readonly errors: readonly unknown[];
    readonly matchEngine: string;
    readonly matchRecords: readonly DuplicateMatchRecord[];
    readonly rule: string;
    readonly size: number;
    readonly success: boolean;
  }[];
}

/** The rule's configured error message (Salesforce's default text for the standard rules). */
export const DUPLICATE_MESSAGE = "You're creating a duplicate record. We recommend you use an existing record instead.";

const MATCH_RULES: Readonly<Record<'Lead' | 'Contact', string>> = {
  Lead: 'Standard_Lead_Match_Rule_v1_0',
  Contact: 'Standard_Contact_Match_Rule_v1_1',
};

/** The rule's matching key: the email trimmed and lower-cased (kept local to the rule on purpose). */
function matchKey(email: unknown): string | undefined {
  if (typeof email !== 'string') return undefined;
  const key = email.trim().toLowerCase();
  return key === '' ? undefined : key;
}

/** A record the rule compares against: a live lead or contact; converted leads are out of the rule's reach. */
function isCandidate(record: SRecord | undefined): record is SRecord {
  return record !== undefined && record['IsDeleted'] !== true && record['IsConverted'] !== true;
}

/** How {@link DuplicateIndex.check} reports a match. */
export interface DuplicateCheckOptions {
  /** The rule's action allows an acknowledged save (an alert rule): `allowSave` in the verdict. */
  readonly allowSave: boolean;
  /** Each matched record with every field (`Sforce-Duplicate-Rule-Header: includeRecordDetails=true`), by id. */
  readonly recordDetails?: (id: string) => Readonly<Record<string, unknown>> | undefined;
}

/**
 * The standard duplicate rules for leads and contacts, matching on email: an index from the normalized email to the
 * live leads and contacts holding it, kept in step with every store write. Whether a match blocks the save is the
 * org's setting (orgSettings.ts); this only finds matches and words the verdict.
 */
export class DuplicateIndex {
  /**
   * The live leads and contacts by matching key, in the order they came to hold it (the id tells the type); a write
   * that keeps the key puts the new record in the old one's place.
   */
  readonly #byKey = new HashIndex<SRecord>({ keyOf: (record) => (isCandidate(record) ? matchKey(record['Email']) : undefined), same: (a, b) => a.Id === b.Id });

  /** Follows one store write (insert, replace or rollback). */
  update(type: SObjectType, prev: SRecord | undefined, next: SRecord | undefined): void {
    if (type === 'Lead' || type === 'Contact') this.#byKey.replace(prev, next);
  }

  /**
   * Checks a lead or contact about to be saved with `email`. Returns the DUPLICATES_DETECTED error when another
   * live lead or contact (not one of `ignoreIds`) has the same normalized email.
   */
  check(type: 'Lead' | 'Contact', email: unknown, ignoreIds: readonly string[], options: DuplicateCheckOptions = { allowSave: false }): CrmError | undefined {
    const key = matchKey(email);
    if (key === undefined) return undefined;
    const matches = this.#byKey.get(key).map((record) => record.Id).filter((id) => !ignoreIds.includes(id));
    if (matches.length === 0) return undefined;
    const matchResults = (['Lead', 'Contact'] as const)
      .map((entityType) => {
        const matchRecords = matches
          .filter((id) => id.startsWith(KEY_PREFIXES[entityType]))
          .map((id): DuplicateMatchRecord => ({
            additionalInformation: [],
            fieldDiffs: [],
            matchConfidence: 100.0,
            record: { attributes: { type: entityType, url: `/services/data/v${CRM_API_VERSION}/sobjects/${entityType}/${id}` }, ...options.recordDetails?.(id), Id: id },
          }));
        return { entityType, errors: [], matchEngine: 'FuzzyMatchEngine', matchRecords, rule: MATCH_RULES[entityType], size: matchRecords.length, success: true };
      })
      .filter((result) => result.size > 0);
    return {
      statusCode: 'DUPLICATES_DETECTED',
      message: DUPLICATE_MESSAGE,
      fields: [],
      duplicateResult: {
        allowSave: options.allowSave,
        duplicateRule: `Standard_${type}_Duplicate_Rule`,
        duplicateRuleEntityType: type,
        errorMessage: DUPLICATE_MESSAGE,
        matchResults,
      },
    };
  }
}
