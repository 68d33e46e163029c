import type { StandardLead } from '../model/inboundLead.ts';
import type { Mailability } from '../standardize/compliance.ts';
import type { ReceivedEvent } from './inboundEvent.ts';
import type { EventTrace } from './trace.ts';

/** A CRM record as the pipeline reads it: field API name → value. */
export type CrmRecord = { readonly Id: string } & Record<string, unknown>;

/**
 * The state one inbound event accumulates on its way through the jobs. Each job reads what earlier jobs left and
 * adds its own part; the trace records every step.
 */
export interface LeadWork {
  readonly event: ReceivedEvent;
  readonly trace: EventTrace;
  /** The vendor payload turned into standard objects (transform), then standardized in place (standardize). */
  lead?: StandardLead;
  /** Problems standardization found (an unrecognized country, an unparseable phone); validate decides on them. */
  standardizationIssues?: string[];
  /** The person found by email before any write (searchExisting). */
  existing?: { readonly type: 'Lead' | 'Contact'; readonly record: CrmRecord };
  /** The account matched by email domain (matchAccount). */
  account?: CrmRecord;
  /** The person after the upsert: type, id, whether the pipeline created it, and its current field values. */
  person?: { readonly type: 'Lead' | 'Contact'; readonly id: string; readonly created: boolean; record: CrmRecord };
  /** Campaign and campaign member (attribution). */
  campaign?: CrmRecord;
  member?: CrmRecord;
  /** Compliance decision and the country it was made on. */
  compliance?: { readonly country: string | undefined; readonly mailability: Mailability };
  /** Whether the person is an MQL after qualification. */
  mql?: boolean;
  /** Whether the routing decision asked to share the person with the partner portal. */
  sharePrm?: boolean;
}
