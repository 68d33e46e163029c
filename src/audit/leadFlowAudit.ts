import type { ApiCall } from '../clients/apiCall.ts';
import type { EntryPoint } from '../model/entryPointId.ts';
import type { JobName } from '../pipeline/jobNames.ts';
import type { EventTrace } from '../pipeline/trace.ts';
import { countryAsTyped, type CountryAsTyped } from '../report/countryAsTyped.ts';
import type { RunRecord } from '../simulation/runRecord.ts';

/** One field one system changed while a job ran. */
export interface FieldChange {
  readonly system: 'salesforce' | 'marketo' | 'impartner';
  readonly record: string;
  readonly field: string;
  readonly oldValue: unknown;
  readonly newValue: unknown;
  /** Simulated time, epoch ms. */
  readonly at: number;
}

/** What one job did for the audited lead: its calls and the fields they changed. */
export interface AuditStep {
  readonly job: JobName;
  readonly startedAt: number;
  readonly calls: readonly ApiCall[];
  readonly changes: readonly FieldChange[];
}

/** The audit of one entry point: a lead that came in through it, step by step, and the speed to lead of all of them. */
export interface EntryPointAudit {
  readonly entryPoint: EntryPoint;
  readonly events: number;
  /** The audited lead: the first event of this entry point that created a person. */
  readonly example: { readonly eventId: string; readonly personId: string; readonly personType: 'Lead' | 'Contact'; readonly owner: string; readonly country?: CountryAsTyped } | undefined;
  readonly steps: readonly AuditStep[];
  /** Simulated ms from receipt to the owner being written, over every routed event of this entry point. */
  readonly speedToLead: { readonly median: number; readonly max: number; readonly routed: number };
}

/**
 * A lead-flow audit of a run, per entry point: for one lead that came in that way, which system changed which field,
 * through which job and when (from the traces and the three systems' field histories), and the speed to lead.
 * The consultancy method of DOMAIN's seed 002, done on a simulated run instead of test records in production.
 */
export function leadFlowAudit(run: RunRecord): EntryPointAudit[] {
  const byEntryPoint = new Map<EntryPoint, EventTrace[]>();
  for (const trace of run.traces) {
    const list = byEntryPoint.get(trace.entryPoint as EntryPoint) ?? [];
    list.push(trace);
    byEntryPoint.set(trace.entryPoint as EntryPoint, list);
  }
  return [...byEntryPoint.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([entryPoint, traces]) => {
      // A run that summarizes its traces keeps each entry point's first created trace whole: prefer a whole one.
      const example = traces.find((t) => t.outcome?.kind === 'created' && t.callCounts === undefined) ?? traces.find((t) => t.outcome?.kind === 'created');
      const speeds = traces.flatMap((t) => (t.speedToLeadMs === undefined ? [] : [t.speedToLeadMs])).sort((a, b) => a - b);
      return {
        entryPoint,
        events: traces.length,
        example: example && example.outcome?.kind === 'created' ? { eventId: example.eventId, personId: example.outcome.personId, personType: example.outcome.personType, owner: example.routedTo?.name ?? 'unrouted', ...withCountry(example) } : undefined,
        steps: example ? auditSteps(run, example) : [],
        speedToLead: { median: speeds[Math.floor(speeds.length / 2)] ?? 0, max: speeds[speeds.length - 1] ?? 0, routed: speeds.length },
      };
    });
}

function auditSteps(run: RunRecord, trace: EventTrace): AuditStep[] {
  const personId = trace.outcome && 'personId' in trace.outcome ? trace.outcome.personId : undefined;
  const crm = personId ? run.world.crm.history(personId) : [];
  const sync = trace.steps.find((s) => s.job === 'sync');
  const mapId = (sync?.output as { marketo?: { id?: number } } | null | undefined)?.marketo?.id;
  const marketo = mapId === undefined ? [] : run.world.marketo.history(mapId).filter((h) => h.source === 'api');
  const prospectId = (sync?.output as { impartner?: { prospectId?: number } | null } | null | undefined)?.impartner?.prospectId;
  const impartner = prospectId === undefined ? [] : run.world.impartner.history({ object: 'Prospect', recordId: prospectId });
  return trace.steps.map((step) => {
    const changes: FieldChange[] = crm
      .filter((h) => h.workflow === `pipeline:${step.job}` && h.at >= step.startedAt && h.at <= step.finishedAt)
      .map((h) => ({ system: 'salesforce', record: `${h.object} ${h.recordId}`, field: h.field, oldValue: h.oldValue, newValue: h.newValue, at: h.at }));
    if (step.job === 'sync') {
      const within = (iso: string) => Date.parse(iso) >= step.startedAt && Date.parse(iso) <= step.finishedAt;
      for (const h of marketo) if (within(h.at)) changes.push({ system: 'marketo', record: `lead ${h.leadId}`, field: h.field, oldValue: h.oldValue, newValue: h.newValue, at: Date.parse(h.at) });
      for (const h of impartner) if (within(h.at)) changes.push({ system: 'impartner', record: `Prospect ${h.recordId}`, field: h.field, oldValue: h.oldValue, newValue: h.newValue, at: Date.parse(h.at) });
    }
    return { job: step.job, startedAt: step.startedAt, calls: step.calls, changes };
  });
}

function withCountry(trace: EventTrace): { country?: CountryAsTyped } {
  const country = countryAsTyped(trace);
  return country ? { country } : {};
}
