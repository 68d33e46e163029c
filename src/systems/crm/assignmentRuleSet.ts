import type { Graph } from '../../routing/graphSchema.ts';
import { renderPath } from '../../routing/renderPath.ts';
import { route } from '../../routing/route.ts';
import { emptyRoundRobinState } from '../../routing/roundRobin.ts';
import type { RoutingContext, RoutingUser } from '../../routing/routingContext.ts';
import type { Owner } from '../../routing/resolveAssignTarget.ts';
import { crmFailure, type CrmResult } from './crmError.ts';
import { normalizeId } from './ids.ts';
import type { SRecord } from './recordSource.ts';

/**
 * Which assignment rule a write asks for: SOAP's `AssignmentRuleHeader` (`useDefaultRule` or `assignmentRuleId`),
 * which REST's `Sforce-Auto-Assign` maps onto (TRUE: the default rule; an 01Q id: that rule). Absent: no rule runs.
 * Sources: https://developer.salesforce.com/docs/platform/api/guide/sforce-api-header-assignmentruleheader.html and
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api/headers_autoassign.htm
 */
export interface AssignmentRuleHeader {
  /** Run the object's active rule. */
  readonly useDefaultRule?: boolean;
  /** Run this rule (active or not); a malformed id fails the write with MALFORMED_ID. */
  readonly assignmentRuleId?: string;
}

/** One time a rule ran for a record: which rule, the owner it gave (null: none, the owner stayed), the path it took. */
export interface AssignmentLogEntry {
  readonly recordId: string;
  readonly ruleId: string;
  readonly rule: string;
  readonly at: number;
  readonly owner: Owner | null;
  readonly path: string;
  /** Why the rule gave no owner (an assignee that is inactive or missing), when it did not. */
  readonly reason?: string;
}

/** A deployed rule: its record id, name, object, whether it is active, and the graph it runs as. */
export interface DeployedRule {
  readonly id: string;
  readonly name: string;
  readonly object: string;
  active: boolean;
  graph: Graph;
}

/** What a rule run reads from the org besides the record: the users and queues, and who is writing. */
export interface AssignmentInputs {
  readonly users: readonly SRecord[];
  readonly queues: readonly SRecord[];
  readonly currentUser: SRecord | undefined;
  /** The lead's campaign, for `Campaign.*` criteria (an empty record when it has none: its fields read blank). */
  readonly campaign?: SRecord;
  /** Names of the records the lead's other lookups hold (record types...), by id. */
  readonly names?: Readonly<Record<string, string>>;
}

/**
 * The org's assignment rules and their log. A rule runs as its imported routing graph (one interpreter for graphs
 * and rules): entries in order, first match wins; no match leaves the owner as it is (Salesforce would give the
 * lead to the default lead owner of Lead Settings, which the simulated org does not model).
 */
export class AssignmentRuleSet {
  readonly #rules = new Map<string, DeployedRule>();
  readonly #log: AssignmentLogEntry[] = [];

  /** Every deployed rule, in deployment order. */
  get rules(): readonly DeployedRule[] {
    return [...this.#rules.values()];
  }

  /** Every rule run so far, oldest first; those of one record when `recordId` is given. */
  log(recordId?: string): readonly AssignmentLogEntry[] {
    return recordId === undefined ? [...this.#log] : this.#log.filter((e) => e.recordId === recordId);
  }

  /** The rules and the run log, copied (for a world snapshot). */
  snapshot(): { readonly rules: readonly DeployedRule[]; readonly log: readonly AssignmentLogEntry[] } {
    return { rules: [...this.#rules.values()].map((r) => ({ ...r })), log: [...this.#log] };
  }

  /** Puts back what {@link snapshot} took. */
  restore(state: ReturnType<AssignmentRuleSet['snapshot']>): void {
    this.#rules.clear();
    for (const rule of state.rules) this.#rules.set(rule.id, { ...rule });
    this.#log.length = 0;
    this.#log.push(...state.log);
  }

  /** Adds or replaces a deployed rule (by id). Activating one deactivates the object's others, as Salesforce does. */
  put(rule: DeployedRule): void {
    if (rule.active) for (const other of this.#rules.values()) if (other.object === rule.object && other.id !== rule.id) other.active = false;
    this.#rules.set(rule.id, rule);
  }

  /** The rule `header` asks for on `object`: undefined when none runs; MALFORMED_ID for an id that is not one. */
  select(header: AssignmentRuleHeader | undefined, object: string): CrmResult<DeployedRule | undefined> {
    if (header?.assignmentRuleId !== undefined) {
      const id = normalizeId(header.assignmentRuleId);
      if (id === undefined || !id.startsWith('01Q')) return crmFailure('MALFORMED_ID', `Invalid assignment rule id: ${header.assignmentRuleId}`);
      const rule = this.#rules.get(id);
      return { ok: true, value: rule?.object === object ? rule : undefined };
    }
    if (header?.useDefaultRule !== true) return { ok: true, value: undefined };
    return { ok: true, value: [...this.#rules.values()].find((r) => r.object === object && r.active) };
  }

  /**
   * Runs `rule` for `record` (its fields as they will be saved) and logs the run. Returns the owner id the matching
   * entry gives (undefined when none does, or its assignee cannot own the lead) and whether an entry matched.
   */
  run(rule: DeployedRule, record: Readonly<Record<string, unknown>>, inputs: AssignmentInputs, at: number): { readonly ownerId: string | undefined; readonly matched: boolean } {
    const context: RoutingContext = {
      trigger: 'new',
      person: { ...record },
      users: inputs.users.map(routingUser),
      queues: inputs.queues.map((q) => ({ Id: q.Id, Name: String(q['Name'] ?? ''), ...(typeof q['DeveloperName'] === 'string' ? { DeveloperName: q['DeveloperName'] } : {}) })),
      ...(inputs.currentUser ? { currentUser: { ...inputs.currentUser } } : {}),
      ...(inputs.campaign ? { campaign: { ...inputs.campaign } } : {}),
      ...(inputs.names ? { names: { ...inputs.names } } : {}),
    };
    const decision = route(rule.graph, context, emptyRoundRobinState());
    const owner = decision.ok ? decision.owner : null;
    this.#log.push({
      recordId: String(record['Id']),
      ruleId: rule.id,
      rule: rule.name,
      at,
      owner,
      path: renderPath(decision.path),
      ...(decision.ok ? {} : { reason: decision.reason }),
    });
    // The imported graph ends unmatched leads at its `noMatch` node (see assignmentRuleToGraph).
    const matched = !decision.path.some((step) => step.node === NO_MATCH);
    return { ownerId: matched ? owner?.id : undefined, matched };
  }
}

const NO_MATCH = 'noMatch';

function routingUser(u: SRecord): RoutingUser {
  return {
    Id: u.Id,
    Name: String(u['Name'] ?? ''),
    IsActive: u['IsActive'] !== false,
    Region__c: (u['Region__c'] ?? null) as RoutingUser['Region__c'],
    Role__c: (u['Role__c'] ?? null) as RoutingUser['Role__c'],
    Out_Of_Office__c: u['Out_Of_Office__c'] === true,
    ...(typeof u['Username'] === 'string' ? { Username: u['Username'] } : {}),
  };
}
