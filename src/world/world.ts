import type { RequestHandler } from 'msw';
import { SimClock, DEFAULT_EPOCH } from '../core/clock.ts';
import { Rng } from '../core/random.ts';
import { TokenMint } from '../core/tokenMint.ts';
import { Crm } from '../systems/crm/crm.ts';
import { enterpriseAllocation } from '../systems/crm/apiUsage.ts';
import { Marketo } from '../systems/map/marketo.ts';
import { Impartner } from '../systems/prm/impartner.ts';
import { Intake } from '../pipeline/intake.ts';
import { DeliveryLog } from '../evidence/deliveryLog.ts';
import { SystemRequestLog } from '../evidence/systemRequestLog.ts';
import { orgSchemaExtension, type OrgSpec } from '../org/orgSpec.ts';
import { FaultInjector } from '../../mocks/faults/faultInjector.ts';
import type { FaultPlanInput } from '../../mocks/faults/faultPlan.ts';
import { createHandlers } from '../../mocks/createHandlers.ts';
import type { VendorSystem } from '../../mocks/unknownPath.ts';
import { IMPARTNER_KEY, MARKETO_CLIENT } from './credentials.ts';
import { NATIVE_SYNC_USERS, NativeIntegrationsSchema, type NativeIntegrations } from './nativeIntegrations.ts';
import { readAssignmentRules } from '../assignmentRules/readAssignmentRules.ts';
import { seedCrm, type SeededOrg } from './seedOrg.ts';
import { seedImpartner } from './seedImpartner.ts';
import { seedMarketo } from './seedMarketo.ts';
import type { OrgSettingsInput } from '../systems/crm/orgSettings.ts';
import { wireEntryPoints } from './wireEntryPoints.ts';

/** Options of {@link createWorld}. */
export interface WorldOptions {
  /** The run's seed: every random choice of the world derives from it. */
  readonly seed: number;
  /** The org to seed. */
  readonly org: OrgSpec;
  /** Native integration switches (all off by default). */
  readonly nativeIntegrations?: Partial<NativeIntegrations>;
  /** A seeded fault plan for the HTTP layer (none by default). */
  readonly faults?: FaultPlanInput;
  /** Simulated start time, epoch ms (default 2026-01-05 09:00 UTC). */
  readonly start?: number;
  /**
   * The intake hands a repeated delivery (an id it has seen) to the pipeline again instead of acknowledging and
   * ignoring it: a pipeline of yours does its own deduplication. Default false (the reference pipeline's intake).
   */
  readonly forwardRepeats?: boolean;
  /**
   * Put before the ids of the deliveries the world makes itself (a rep's lead, a partner's registration), so that
   * they never repeat across worlds a pipeline of yours sees (default none).
   */
  readonly deliveryIdPrefix?: string;
  /** Salesforce org settings: duplicate rule actions, state and country picklists (defaults in orgSettings.ts). */
  readonly orgSettings?: OrgSettingsInput;
  /**
   * A path no simulated API knows, under a vendor's host or prefix, is left unhandled (msw's `onUnhandledRequest`)
   * instead of being answered in the vendor's error shape. Default false.
   */
  readonly strictPaths?: boolean;
}

/** A request to a vendor's host or prefix that no simulated API knows. */
export interface UnknownRequest {
  readonly method: string;
  readonly url: string;
  readonly system: VendorSystem;
  /** Simulated time, epoch ms. */
  readonly at: number;
}

/**
 * One simulated world: the clock, the seeded random source, the CRM, the MAP (with a program per campaign and a few
 * static lists) and the PRM seeded with an org, the
 * pipeline's intake, and the MSW handlers that put all of them behind their vendors' HTTP APIs. Everything the
 * systems do on their own (a rep's lead raising a change event, a form fill, a partner registration, a native
 * connector writing to the CRM) is wired here.
 */
export interface World {
  readonly seed: number;
  readonly clock: SimClock;
  readonly rng: Rng;
  readonly crm: Crm;
  readonly marketo: Marketo;
  readonly impartner: Impartner;
  readonly intake: Intake;
  /** Every request the systems received (evidence for the invariants, whatever pipeline made them). */
  readonly requests: SystemRequestLog;
  /** Every delivery made to the pipeline and how it handled each (evidence for the invariants). */
  readonly deliveries: DeliveryLog;
  /** Before the ids of the deliveries the world makes itself (see {@link WorldOptions.deliveryIdPrefix}). */
  readonly deliveryIdPrefix: string;
  readonly org: OrgSpec;
  readonly ids: SeededOrg;
  readonly native: NativeIntegrations;
  /** The CRM users the native connectors write as. */
  readonly nativeUserIds: Readonly<Record<keyof NativeIntegrations, string>>;
  /** The Sales Systems admin who changes the org mid-run (users' status, campaigns, account BDRs); no sales role. */
  readonly adminUserId: string;
  /** The fault injector, when a fault plan was given. */
  readonly faults: FaultInjector | undefined;
  /** The pipeline's CRM session (the integration user). */
  readonly salesforceToken: string;
  /** Leads a native connector tried to write and the CRM refused (kept: nothing is dropped silently). */
  readonly connectorRefusals: { readonly entryPoint: string; readonly reason: string; readonly at: number }[];
  /** Every simulated API, fault injection first when there is a plan. */
  readonly handlers: readonly RequestHandler[];
  /** Requests under a vendor's host or prefix that no simulated API knows, in order (answered or left unhandled). */
  readonly unknownRequests: UnknownRequest[];
  /** Unknown vendor paths are left unhandled instead of answered (see {@link WorldOptions.strictPaths}). */
  readonly strictPaths: boolean;
}

/** The org's Sales Systems admin (the handbook's "reach out to Sales Systems"), who makes admin changes mid-run. */
const SALES_SYSTEMS_ADMIN = { FirstName: 'Sales Systems', LastName: 'Admin', Email: 'sales-systems@leadsim.test' } as const;

/** Builds and seeds a world. Same options, same world. */
export function createWorld(options: WorldOptions): World {
  const clock = new SimClock(options.start ?? DEFAULT_EPOCH);
  const rng = new Rng(options.seed);
  // Access tokens are minted from the seed: different for each seed, the same for the same seed.
  const tokens = new TokenMint(rng.fork('tokens'));
  const crm = new Crm({ clock, tokens, schemaExtension: orgSchemaExtension(options.org), ...(options.orgSettings ? { settings: options.orgSettings } : {}) });
  const marketo = new Marketo({ clock, tokens, ...MARKETO_CLIENT });
  const impartner = new Impartner({ clock, ...IMPARTNER_KEY });
  const deliveries = new DeliveryLog(() => clock.now());
  const requests = new SystemRequestLog(() => clock.now(), () => deliveries.current?.seq);
  const intake = new Intake(clock, { deliveries, forwardRepeats: options.forwardRepeats ?? false });
  const native = NativeIntegrationsSchema.parse(options.nativeIntegrations ?? {});
  const ids = seedCrm(crm, options.org);
  if (options.org.assignmentRules !== undefined) crm.deployAssignmentRules(readAssignmentRules(options.org.assignmentRules));
  const nativeUserIds = Object.fromEntries(
    Object.entries(NATIVE_SYNC_USERS).map(([name, u]) => {
      const created = crm.create('User', { ...u, Username: u.Email, IsActive: true }, { userId: crm.integrationUserId, workflow: 'seed' });
      if (!created.ok) throw new Error(`Failed to seed the ${name} connector user: ${created.errors[0]?.message}.`);
      return [name, created.value.id];
    }),
  ) as Record<keyof NativeIntegrations, string>;
  const admin = crm.create('User', { ...SALES_SYSTEMS_ADMIN, Username: SALES_SYSTEMS_ADMIN.Email, IsActive: true }, { userId: crm.integrationUserId, workflow: 'seed' });
  if (!admin.ok) throw new Error(`Failed to seed the Sales Systems admin: ${admin.errors[0]?.message}.`);
  // An Enterprise org's allocation grows with its Salesforce licenses: every user seeded is one.
  crm.apiUsage.setLimit(enterpriseAllocation([...crm.records('User')].length));
  seedImpartner(impartner, options.org, ids);
  seedMarketo(marketo, options.org);
  const faults = options.faults ? new FaultInjector(options.faults, rng.fork('faults'), clock) : undefined;
  const world: World = {
    seed: options.seed,
    clock,
    rng,
    crm,
    marketo,
    impartner,
    intake,
    requests,
    deliveries,
    deliveryIdPrefix: options.deliveryIdPrefix ?? '',
    org: options.org,
    ids,
    native,
    nativeUserIds,
    adminUserId: admin.value.id,
    faults,
    salesforceToken: crm.sessions.issueToken(crm.integrationUserId),
    connectorRefusals: [],
    handlers: [],
    unknownRequests: [],
    strictPaths: options.strictPaths ?? false,
  };
  (world as { handlers: readonly RequestHandler[] }).handlers = createHandlers(world);
  wireEntryPoints(world);
  return world;
}
