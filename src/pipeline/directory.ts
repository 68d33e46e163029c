import { domainOfWebsite } from '../standardize/websiteDomain.ts';
import type { SimClock } from '../core/clock.ts';
import type { SalesforceClient } from '../clients/salesforceClient.ts';
import type { CrmRecord } from './leadWork.ts';

const USER_FIELDS = 'Id, Name, Username, IsActive, Region__c, Role__c, Out_Of_Office__c';
const ACCOUNT_FIELDS = 'Id, Name, Website, Type, Partner_Type__c, BDR__c, Actively_Working__c, OwnerId, BillingCountryCode';
const CAMPAIGN_FIELDS = 'Id, Name, Type, MDF_Funding__c, Channel_Partner_Involved__c, Partner_Account__c, Default_Acquisition_Source__c';

/** Snapshot of the org's reference data the pipeline looks up for every lead. */
interface Snapshot {
  readonly at: number;
  readonly users: CrmRecord[];
  readonly queues: CrmRecord[];
  readonly accounts: CrmRecord[];
  readonly accountsByDomain: Map<string, CrmRecord>;
  readonly accountsById: Map<string, CrmRecord>;
  readonly campaignsById: Map<string, CrmRecord>;
  readonly campaignsByName: Map<string, CrmRecord>;
}

/**
 * The org's users, queues, accounts and campaigns, read through SOQL and kept for `ttlMs` of simulated time (default
 * 10 minutes), as an integration platform caches lookups instead of querying them for every lead.
 */
export class Directory {
  readonly #sf: SalesforceClient;
  readonly #clock: SimClock;
  readonly #ttlMs: number;
  #snapshot: Snapshot | undefined;

  constructor(sf: SalesforceClient, clock: SimClock, ttlMs = 600_000) {
    this.#sf = sf;
    this.#clock = clock;
    this.#ttlMs = ttlMs;
  }

  /** Forgets the snapshot so the next lookup reads the org again (after seeding or a rep edit). */
  invalidate(): void {
    this.#snapshot = undefined;
  }

  async users(): Promise<CrmRecord[]> {
    return (await this.#load()).users;
  }

  async queues(): Promise<CrmRecord[]> {
    return (await this.#load()).queues;
  }

  /** The account whose website's domain is `domain` (without `www.`), if any. */
  async accountByDomain(domain: string): Promise<CrmRecord | undefined> {
    return (await this.#load()).accountsByDomain.get(domain.toLowerCase());
  }

  async accountById(id: string): Promise<CrmRecord | undefined> {
    return (await this.#load()).accountsById.get(id);
  }

  /** A campaign by CRM id or by name (case-insensitive). */
  async campaign(idOrName: string): Promise<CrmRecord | undefined> {
    const s = await this.#load();
    return s.campaignsById.get(idOrName) ?? s.campaignsByName.get(idOrName.trim().toLowerCase());
  }

  async #load(): Promise<Snapshot> {
    const now = this.#clock.now();
    if (this.#snapshot && now - this.#snapshot.at < this.#ttlMs) return this.#snapshot;
    const [users, queues, accounts, campaigns] = await this.#sf.queryAll<CrmRecord>([
      `SELECT ${USER_FIELDS} FROM User`,
      `SELECT Id, Name, DeveloperName FROM Group WHERE Type = 'Queue'`,
      `SELECT ${ACCOUNT_FIELDS} FROM Account`,
      `SELECT ${CAMPAIGN_FIELDS} FROM Campaign`,
    ]);
    const accountsByDomain = new Map<string, CrmRecord>();
    for (const a of accounts ?? []) {
      const domain = domainOfWebsite(typeof a.Website === 'string' ? a.Website : undefined);
      if (domain && !accountsByDomain.has(domain)) accountsByDomain.set(domain, a);
    }
    this.#snapshot = {
      at: now,
      users: users ?? [],
      queues: queues ?? [],
      accounts: accounts ?? [],
      accountsByDomain,
      accountsById: new Map((accounts ?? []).map((a) => [a.Id, a])),
      campaignsById: new Map((campaigns ?? []).map((c) => [c.Id, c])),
      campaignsByName: new Map((campaigns ?? []).map((c) => [String(c.Name).toLowerCase(), c])),
    };
    return this.#snapshot;
  }
}
