import { domainOfWebsite } from '../standardize/websiteDomain.ts';
import type { SalesforceClient } from '../clients/salesforceClient.ts';
import type { CrmRecord } from './leadWork.ts';

/** The reference data the directory keeps, each read with one SOQL query. */
export const DIRECTORY_PARTS = ['users', 'queues', 'accounts', 'campaigns'] as const;
/** One of {@link DIRECTORY_PARTS}. */
export type DirectoryPart = (typeof DIRECTORY_PARTS)[number];

const QUERIES: Readonly<Record<DirectoryPart, string>> = {
  users: 'SELECT Id, Name, Username, IsActive, Region__c, Role__c, Out_Of_Office__c FROM User',
  queues: "SELECT Id, Name, DeveloperName FROM Group WHERE Type = 'Queue'",
  accounts: 'SELECT Id, Name, Website, Type, Partner_Type__c, BDR__c, Actively_Working__c, OwnerId, BillingCountryCode FROM Account',
  campaigns: 'SELECT Id, Name, Type, MDF_Funding__c, Channel_Partner_Involved__c, Partner_Account__c, Default_Acquisition_Source__c FROM Campaign',
};

/** The CRM object whose changes make a part stale. */
const PART_OF_OBJECT: Readonly<Record<string, DirectoryPart>> = { User: 'users', Group: 'queues', Account: 'accounts', Campaign: 'campaigns' };

/** What the directory needs to hear about a CRM change: which object changed (a Change Data Capture event's entity). */
export interface DirectoryChange {
  readonly object: string;
}

/**
 * Subscribes to the CRM's change events (Salesforce Change Data Capture:
 * https://developer.salesforce.com/docs/atlas.en-us.change_data_capture.meta/change_data_capture/cdc_intro.htm);
 * returns the function that unsubscribes.
 */
export type SubscribeChanges = (listener: (change: DirectoryChange) => void) => () => void;

interface Indexed {
  readonly users: CrmRecord[];
  readonly queues: CrmRecord[];
  readonly accountsByDomain: Map<string, CrmRecord>;
  readonly accountsById: Map<string, CrmRecord>;
  readonly campaignsById: Map<string, CrmRecord>;
  readonly campaignsByName: Map<string, CrmRecord>;
}

/**
 * The org's users, queues, accounts and campaigns as the pipeline decides on them, read through SOQL and kept until
 * the CRM says they changed: every change event for a User, Group, Account or Campaign (an admin deactivating a rep
 * or marking one out of office, a new campaign, an account's BDR, a conversion's new account) makes that part stale,
 * and the next lookup reads every stale part again in one composite request. So routing always decides on what the
 * CRM holds at that moment, with one query per change rather than per lead. Without a change feed, nothing tells
 * the directory that the org changed: it then reads again on every lookup.
 */
export class Directory {
  readonly #sf: SalesforceClient;
  readonly #listens: boolean;
  readonly #stale = new Set<DirectoryPart>(DIRECTORY_PARTS);
  /** Bumped by every invalidation: a change heard while a read is under way keeps the part stale. */
  readonly #version: Record<DirectoryPart, number> = { users: 0, queues: 0, accounts: 0, campaigns: 0 };
  readonly #data: { -readonly [P in DirectoryPart]: CrmRecord[] } = { users: [], queues: [], accounts: [], campaigns: [] };
  #indexed: Indexed | undefined;

  constructor(sf: SalesforceClient, changes?: SubscribeChanges) {
    this.#sf = sf;
    this.#listens = changes !== undefined;
    changes?.((change) => {
      const part = PART_OF_OBJECT[change.object];
      if (part !== undefined) this.invalidate(part);
    });
  }

  /** Marks a part (default: all) stale, so the next lookup reads it again; routing does so after the CRM refused an owner. */
  invalidate(part?: DirectoryPart): void {
    for (const p of part === undefined ? DIRECTORY_PARTS : [part]) {
      this.#stale.add(p);
      this.#version[p] += 1;
    }
    this.#indexed = undefined;
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

  async #load(): Promise<Indexed> {
    if (!this.#listens) this.invalidate();
    if (this.#indexed && this.#stale.size === 0) return this.#indexed;
    const parts = DIRECTORY_PARTS.filter((p) => this.#stale.has(p));
    if (parts.length > 0) {
      const versions = parts.map((p) => this.#version[p]);
      const results = await this.#sf.queryAll<CrmRecord>(parts.map((p) => QUERIES[p]));
      parts.forEach((p, i) => {
        this.#data[p] = results[i] ?? [];
        if (this.#version[p] === versions[i]) this.#stale.delete(p);
      });
    }
    this.#indexed = index(this.#data);
    return this.#indexed;
  }
}

function index(data: Readonly<Record<DirectoryPart, CrmRecord[]>>): Indexed {
  const accountsByDomain = new Map<string, CrmRecord>();
  for (const a of data.accounts) {
    const domain = domainOfWebsite(typeof a['Website'] === 'string' ? a['Website'] : undefined);
    if (domain && !accountsByDomain.has(domain)) accountsByDomain.set(domain, a);
  }
  return {
    users: data.users,
    queues: data.queues,
    accountsByDomain,
    accountsById: new Map(data.accounts.map((a) => [a.Id, a])),
    campaignsById: new Map(data.campaigns.map((c) => [c.Id, c])),
    campaignsByName: new Map(data.campaigns.map((c) => [String(c['Name']).toLowerCase(), c])),
  };
}
