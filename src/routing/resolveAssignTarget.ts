import { isSalesUser, KEY_PREFIXES } from '../systems/crm/schema.ts';
import type { AssignTarget, GraphSettings, PoolSpec } from './graphSchema.ts';
import { renderTarget } from './renderGraphText.ts';
import { pickRoundRobin, type RoundRobinState } from './roundRobin.ts';
import type { RoutingContext, RoutingUser } from './routingContext.ts';

/** Who owns a person after routing. */
export interface Owner {
  readonly kind: 'user' | 'queue';
  readonly id: string;
  readonly name: string;
}

/** A target resolved to an owner (with the next round-robin state), or the reason it cannot take the person. */
export type TargetResolution =
  | { readonly ok: true; readonly owner: Owner; readonly roundRobin: RoundRobinState; readonly detail: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Resolves an assign node's target against the context. Only active users can own a person; round robin also
 * skips users who are out of office. Pure: the round-robin state comes in and the next one goes out.
 */
export function resolveAssignTarget(
  target: AssignTarget,
  context: RoutingContext,
  settings: GraphSettings,
  roundRobin: RoundRobinState,
): TargetResolution {
  const done = (owner: Owner, detail = `${owner.kind} ${JSON.stringify(owner.name)} (${owner.id})`): TargetResolution => ({
    ok: true,
    owner,
    roundRobin,
    detail,
  });
  const fail = (reason: string): TargetResolution => ({ ok: false, reason: `cannot assign to ${renderTarget(target)}: ${reason}` });

  if ('queue' in target) {
    const queue = findQueue(context.queues, target.queue);
    return queue ? done({ kind: 'queue', id: queue.Id, name: queue.Name }) : fail('no such queue in the routing context');
  }
  if ('user' in target) {
    const user = findUser(context.users, target.user);
    return activeUser(user, 'no such user in the routing context', fail, done);
  }
  if ('accountBdr' in target || 'accountOwner' in target) {
    const field = 'accountBdr' in target ? 'BDR__c' : 'OwnerId';
    const id = context.account?.[field];
    if (context.account === undefined) return fail('the person is not matched to an account');
    if (typeof id !== 'string' || id === '') return fail(`the account's ${field} is empty`);
    const user = context.users.find((u) => u.Id === id);
    // An account owned by the integration user (as accounts an integration created are) has no rep to give a lead to.
    if (user !== undefined && !isSalesUser(user)) return fail(`the account's ${field} (${id}) is ${JSON.stringify(user.Name)}, who has no sales role`);
    return activeUser(user, `the account's ${field} (${id}) is not a known user`, fail, done);
  }
  if ('keepCurrentOwner' in target) {
    const id = context.person['OwnerId'];
    if (typeof id !== 'string' || id === '') return fail('the person has no owner');
    const user = context.users.find((u) => u.Id === id);
    if (user) return activeUser(user, '', fail, done);
    const queue = context.queues.find((q) => q.Id === id);
    if (queue) return done({ kind: 'queue', id, name: queue.Name });
    if (id.startsWith(KEY_PREFIXES.User)) return done({ kind: 'user', id, name: id });
    if (id.startsWith(KEY_PREFIXES.Group)) return done({ kind: 'queue', id, name: id });
    return fail(`the owner id ${JSON.stringify(id)} is neither a user nor a queue`);
  }
  const spec = target.roundRobin.pool;
  const named = typeof spec === 'string';
  const pool: PoolSpec | undefined = named ? settings.pools?.[spec] : spec;
  if (pool === undefined) return fail(`the graph has no pool ${JSON.stringify(spec)} under settings.pools`);
  const members = poolMembers(pool, context);
  if (!members.ok) return fail(members.reason);
  const key = named ? spec : members.key;
  const eligible = members.users.filter((u) => u.IsActive && u.Out_Of_Office__c !== true);
  const pick = pickRoundRobin(roundRobin, key, eligible.map((u) => u.Id));
  if (pick === undefined) return fail(`no active user in office in pool ${key} (${members.users.length} member(s))`);
  const user = eligible.find((u) => u.Id === pick.userId) as RoutingUser;
  return {
    ok: true,
    owner: { kind: 'user', id: user.Id, name: user.Name },
    roundRobin: pick.state,
    detail: `round robin ${key}: user ${JSON.stringify(user.Name)} (${user.Id}), turn ${pick.turns}, ${eligible.length} eligible`,
  };
}

/** The queue a `{"queue": …}` target names: by Name or Id, else by DeveloperName. */
export function findQueue<Q extends { readonly Id: string; readonly Name: string; readonly DeveloperName?: string | undefined }>(queues: readonly Q[], name: string): Q | undefined {
  return queues.find((q) => q.Name === name || q.Id === name) ?? queues.find((q) => q.DeveloperName === name);
}

/** The user a `{"user": …}` target names: by Id, Username or Name. */
export function findUser<U extends { readonly Id: string; readonly Name: string; readonly Username?: string | undefined }>(users: readonly U[], name: string): U | undefined {
  return users.find((u) => u.Id === name || u.Username === name || u.Name === name);
}

/** Whether a `{"users": […]}` pool's list names `user` (by Id or Name). */
export function inUserList(list: readonly string[], user: { readonly Id: string; readonly Name: string }): boolean {
  return list.includes(user.Id) || list.includes(user.Name);
}

function poolMembers(
  pool: PoolSpec,
  context: RoutingContext,
): { ok: true; key: string; users: RoutingUser[] } | { ok: false; reason: string } {
  if ('users' in pool) {
    const users = context.users.filter((u) => inUserList(pool.users, u));
    return { ok: true, key: `users:${pool.users.join(',')}`, users };
  }
  const region = pool.region === '$person.region' ? context.person.region : pool.region;
  if (region === undefined || region === null) {
    return { ok: false, reason: `the person has no region (CountryCode ${JSON.stringify(context.person['CountryCode'] ?? null)} is not a recognized country)` };
  }
  return { ok: true, key: `${pool.role}:${region}`, users: context.users.filter((u) => u.Role__c === pool.role && u.Region__c === region) };
}

function activeUser(
  user: RoutingUser | undefined,
  missing: string,
  fail: (reason: string) => TargetResolution,
  done: (owner: Owner) => TargetResolution,
): TargetResolution {
  if (user === undefined) return fail(missing);
  if (!user.IsActive) return fail(`user ${JSON.stringify(user.Name)} (${user.Id}) is inactive`);
  return done({ kind: 'user', id: user.Id, name: user.Name });
}
