/** The users and queues an assignment rule's `assignedTo` names can resolve to (CRM User and Group records). */
export interface RuleDirectory {
  readonly users: readonly { readonly Id: string; readonly Name: string; readonly Username?: string | undefined }[];
  readonly queues: readonly { readonly Id: string; readonly Name: string; readonly DeveloperName?: string | undefined }[];
}

/** What an `assignedTo` named, or undefined when the directory has no such user or queue. */
export type ResolvedTarget = { readonly user: string } | { readonly queue: string };

/**
 * Finds the user (by username, id or name) or queue (by developer name, id or name) an entry assigns to. Metadata
 * files name users by username and queues by developer name; ids are accepted as 15 or 18 characters. The result
 * names them the way the metadata does (username, developer name), so the graph routes in any seeding of the org
 * and exports back unchanged.
 */
export function resolveRuleTarget(directory: RuleDirectory, type: 'User' | 'Queue', assignedTo: string): ResolvedTarget | undefined {
  const sameId = (id: string) => id === assignedTo || (assignedTo.length === 15 && id.startsWith(assignedTo));
  const lower = assignedTo.toLowerCase();
  if (type === 'User') {
    const user =
      directory.users.find((u) => u.Username?.toLowerCase() === lower) ?? directory.users.find((u) => sameId(u.Id)) ?? directory.users.find((u) => u.Name === assignedTo);
    return user === undefined ? undefined : { user: user.Username ?? user.Id };
  }
  const queue =
    directory.queues.find((q) => q.DeveloperName === assignedTo) ?? directory.queues.find((q) => sameId(q.Id)) ?? directory.queues.find((q) => q.Name === assignedTo);
  return queue === undefined ? undefined : { queue: queue.DeveloperName ?? queue.Name };
}

/** The users and queues of a CRM, as assignment rules name them (User and queue Group records). */
export function ruleDirectoryOf(records: (type: 'User' | 'Group') => Iterable<Readonly<Record<string, unknown>>>): RuleDirectory {
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    users: [...records('User')].map((u) => ({ Id: String(u['Id']), Name: String(u['Name'] ?? ''), Username: text(u['Username']) })),
    queues: [...records('Group')].filter((g) => g['Type'] === 'Queue').map((q) => ({ Id: String(q['Id']), Name: String(q['Name'] ?? ''), DeveloperName: text(q['DeveloperName']) })),
  };
}
