import { ApiError } from '../../clients/apiError.ts';
import { route as runGraph, type Decision } from '../../routing/route.ts';
import type { Trigger } from '../../routing/fieldRef.ts';
import type { RoutingContext } from '../../routing/routingContext.ts';
import { fieldsRead } from '../../routing/fieldsRead.ts';
import { soqlString } from '../soqlString.ts';
import type { PipelineJob, StepResult } from '../pipelineJob.ts';
import type { LeadWork } from '../leadWork.ts';
import type { PipelineContext } from '../pipelineContext.ts';
import { readRoutingContext, routeStepInput } from './routeStepInput.ts';

/** Decisions routing makes for one person before it parks the event, when the CRM keeps refusing the owner. */
const MAX_DECISIONS = 3;
/** The CRM's answers that refuse an owner (an inactive user, a user or queue that is gone). */
const OWNER_REFUSALS: ReadonlySet<string> = new Set(['INACTIVE_OWNER_OR_USER', 'INVALID_CROSS_REFERENCE_KEY']);


/**
 * Routes the person with the routing graph and writes the decision: the owner and the graph's field updates.
 * A contact keeps its user owner when the graph picks a queue (contacts cannot be owned by queues); a contact the
 * partner rules send to the Partner Queue is still shared to the PRM (README, "Partner leads").
 */
export const route: PipelineJob = {
  name: 'route',
  async run(work, ctx) {
    const trigger: Trigger = work.person!.created ? 'new' : 'engagement';
    return routePerson(work, ctx, trigger);
  },
};

/**
 * Runs the graph for the work's person with `trigger` and writes the result; shared by inbound routing and re-runs.
 * When the CRM refuses the owner routing chose (`INACTIVE_OWNER_OR_USER`: it decided on a user who is no longer
 * active), the directory's users are read again, the refused owner is left out, and routing decides again: the next
 * eligible rep gets the person. After {@link MAX_DECISIONS} refusals the event parks with the CRM's reasons.
 */
export async function routePerson(work: LeadWork, ctx: PipelineContext, trigger: Trigger): Promise<StepResult> {
  const person = work.person!;
  const refused: { owner: string; reason: string }[] = [];
  for (;;) {
    const read = await readRoutingContext(work, ctx, trigger, new Set(refused.map((r) => r.owner)));
    const { currentUser, names } = await graphReads(work, ctx, read.person as Record<string, unknown>);
    const context: RoutingContext = { ...read, ...(currentUser ? { currentUser } : {}), ...(names ? { names } : {}) };
    // The round-robin turn is only taken once the owner is written: a retried write must not skip a rep.
    const decision = runGraph(ctx.graph, context, ctx.roundRobin);
    ctx.onRoute?.({ context, roundRobin: ctx.roundRobin, decision });
    const input = routeStepInput(context, person.record['OwnerId']);
    if (!decision.ok) return { input, output: { decision, ...(refused.length ? { refusedOwners: refused } : {}) }, reject: `routing failed: ${decision.reason}` };
    const written = await writeDecision(work, ctx, decision);
    if (written.ok) return { input, output: { ...written.output, ...(refused.length ? { refusedOwners: refused } : {}) } };
    refused.push({ owner: decision.owner.id, reason: written.reason });
    ctx.directory.invalidate('users');
    ctx.directory.invalidate('queues');
    if (refused.length >= MAX_DECISIONS) {
      return { input, output: { refusedOwners: refused }, park: `the CRM refused ${refused.length} owners routing chose: ${refused.map((r) => `${r.owner} (${r.reason})`).join('; ')}` };
    }
  }
}

type Written = { readonly ok: true; readonly output: Record<string, unknown> } | { readonly ok: false; readonly reason: string };

/** Writes a decision's owner and field updates; an owner the CRM refuses comes back as its reason. */
async function writeDecision(work: LeadWork, ctx: PipelineContext, decision: Extract<Decision, { ok: true }>): Promise<Written> {
  const person = work.person!;
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(decision.fieldUpdates)) {
    if (person.record[field] !== value && (person.type === 'Lead' || field !== 'Status')) changes[field] = value;
  }
  const keepContactOwner = person.type === 'Contact' && decision.owner.kind === 'queue';
  if (!keepContactOwner && person.record['OwnerId'] !== decision.owner.id) changes['OwnerId'] = decision.owner.id;
  if (Object.keys(changes).length > 0) {
    try {
      await ctx.salesforce.update(person.type, person.id, changes);
    } catch (error) {
      if ('OwnerId' in changes && error instanceof ApiError && OWNER_REFUSALS.has(error.vendorCode)) {
        const answer = Array.isArray(error.body) ? (error.body[0] as { message?: unknown } | undefined)?.message : undefined;
        return { ok: false, reason: `${error.vendorCode} ${typeof answer === 'string' ? answer : error.message}` };
      }
      throw error;
    }
    Object.assign(person.record, changes);
  }
  ctx.roundRobin = decision.roundRobin;
  work.sharePrm = decision.sharePrm;
  work.trace.speedToLeadMs = ctx.clock.now() - work.event.receivedAt;
  work.trace.routedTo = keepContactOwner ? { kind: 'user', id: String(person.record['OwnerId']), name: 'contact owner' } : { kind: decision.owner.kind, id: decision.owner.id, name: decision.owner.name };
  return { ok: true, output: { owner: decision.owner, changes, sharePrm: work.sharePrm, path: decision.path, keptContactOwner: keepContactOwner } };
}

/**
 * What the graph reads beyond the pipeline's own reads: Lead fields it has not read (an org's custom fields, or
 * standard ones such as `Industry`), added to `routingPerson`; the names of the records a lead's lookups hold
 * (`person.RecordType.Name`); and the current user (the pipeline's integration user, `currentUser.*`). Each is
 * one API call, made only for a graph that reads it.
 */
async function graphReads(work: LeadWork, ctx: PipelineContext, routingPerson: Record<string, unknown>): Promise<{ currentUser?: Record<string, unknown>; names?: Record<string, string> }> {
  const person = work.person!;
  const read = fieldsRead(ctx.graph, 'person');
  const out: { currentUser?: Record<string, unknown>; names?: Record<string, string> } = {};
  if (person.type === 'Lead') {
    const missing = read.fields.filter((f) => !(f in person.record));
    const relationships = read.relationships.filter((r) => r !== 'Owner' && r !== 'CreatedBy' && r !== 'LastModifiedBy');
    if (missing.length + relationships.length > 0) {
      const select = [...new Set(['Id', ...missing, ...relationships.map((r) => `${r}.Name`)])].join(', ');
      const [row] = await ctx.salesforce.query<Record<string, unknown>>(`SELECT ${select} FROM Lead WHERE Id = ${soqlString(person.id)}`);
      for (const field of missing) routingPerson[field] = row?.[field] ?? null;
      const names: Record<string, string> = {};
      for (const rel of relationships) {
        const id = row?.[rel.endsWith('__r') ? `${rel.slice(0, -3)}__c` : `${rel}Id`];
        const name = (row?.[rel] as { Name?: unknown } | null | undefined)?.Name;
        if (typeof id === 'string' && typeof name === 'string') names[id] = name;
      }
      out.names = names;
    }
  }
  const userFields = fieldsRead(ctx.graph, 'currentUser').fields;
  if (userFields.length > 0 && ctx.integrationUserId !== undefined) {
    const user = await ctx.salesforce.retrieve('User', ctx.integrationUserId, [...new Set(['Id', ...userFields])]);
    if (user) {
      const { attributes: _attributes, ...fields } = user;
      out.currentUser = fields;
    }
  }
  return out;
}
