/**
 * leadsim: an infrastructure-free simulator and test harness for B2B lead processing.
 *
 * The core API: seeded worlds (CRM, MAP, PRM), the pipeline and its jobs, routing graphs, entry points,
 * standardization, generators, invariants and the main simulation. Test helpers live in `leadsim/testing`, the MSW
 * handlers in `leadsim/mocks`.
 */
export { SimClock, DEFAULT_EPOCH } from './core/clock.ts';
export { Rng, hashSeed } from './core/random.ts';
export { LeadsimError, InputError, formatIssue, formatPath, parseInput, type InputIssue, type LeadsimErrorCode } from './core/errors.ts';

export { CRM_SCHEMA, SOBJECT_TYPES, KEY_PREFIXES, fieldSpec, type SObjectType, type FieldSpec, type Region } from './systems/crm/schema.ts';
export { Crm, type WriteContext } from './systems/crm/crm.ts';
export { runQuery } from './systems/crm/soql/runQuery.ts';
export { Marketo } from './systems/map/marketo.ts';
export { Impartner } from './systems/prm/impartner.ts';

export { OrgSpecSchema, type OrgSpec, type OrgSpecInput } from './org/orgSpec.ts';
export { loadOrgSpec, checkOrgSpec, OrgSpecFileSchema } from './org/loadOrgSpec.ts';
export { orgSpecIssues } from './org/orgSpecIssues.ts';
export { orgIssues } from './org/orgIssues.ts';
export { orgJsonSchema, ORG_JSON_SCHEMA_PATH } from './org/orgJsonSchema.ts';
export * from './config/index.ts';
export { generateOrg, type GenerateOrgOptions } from './org/generateOrg.ts';
export { createWorld, type World, type WorldOptions } from './world/world.ts';
export { NativeIntegrationsSchema, type NativeIntegrations } from './world/nativeIntegrations.ts';
export { worldHintsOf } from './world/worldHints.ts';

export { ENTRY_POINTS, type EntryPoint } from './model/entryPointId.ts';
export { PersonSchema, type Person } from './model/person.ts';
export { CompanySchema, type Company } from './model/company.ts';
export { OwnerSchema, type Owner } from './model/owner.ts';
export { AttributionSchema, type Attribution } from './model/attribution.ts';
export { StandardLeadSchema, type StandardLead } from './model/inboundLead.ts';
export { InboundEventSchema, parsePayload, entryPoint, transformPayload, type InboundEvent, type ParsedPayload } from './entrypoints/registry.ts';
export { parseListUploadCsv } from './entrypoints/parseListUploadCsv.ts';
export { countryName, isIsoCountryCode, isoCountryCodes, standardizeCountry, type CountryFailure, type CountryResult } from './standardize/country.ts';
export { countryKey } from './standardize/countryKey.ts';
export { useCountryIndexStore, type CountryIndexData, type CountryIndexStore } from './standardize/countryIndexStore.ts';
export { standardizeEmail } from './standardize/email.ts';
export { standardizePhone } from './standardize/phone.ts';
export { mailabilityFor } from './standardize/compliance.ts';
export { regionOf } from './standardize/regions.ts';

export { Pipeline, type PipelineOptions } from './pipeline/pipeline.ts';
export { createPipeline, type CreatePipelineOptions } from './pipeline/createPipeline.ts';
export { PIPELINE_JOBS, type JobName } from './pipeline/jobNames.ts';
export { DEFAULT_JOBS } from './pipeline/jobs/index.ts';
export type { PipelineJob, StepResult } from './pipeline/pipelineJob.ts';
export type { EventTrace, JobTrace, Outcome } from './pipeline/trace.ts';
export { Intake } from './pipeline/intake.ts';

export * from './routing/index.ts';
export * from './assignmentRules/index.ts';

export { openTransport } from './transport/openTransport.ts';
export { TRANSPORT_KINDS, type Transport, type TransportKind } from './transport/transport.ts';
export { simulate, type SimulateOptions } from './simulation/simulate.ts';
export type { RunRecord } from './simulation/runRecord.ts';
export { summarize, type SimulationSummary } from './report/simulationSummary.ts';

export { inboundEventArbitrary } from './generators/inboundEventArbitrary.ts';
export { payloadArbitrary } from './generators/payloadArbitrary.ts';

export { INVARIANTS, INVARIANT_IDS, checkInvariants, formatViolation, partnerVerdict, type EvidenceKind, type Invariant, type InvariantForms, type InvariantId, type InvariantReport, type Violation } from './invariants/index.ts';
export * from './evidence/index.ts';
export { loadScenario, checkScenario, runScenario, replayScenarios, diffScenarios, recordScenario, recordSimulation, ScenarioSchema, SCENARIO_VERSION, type Scenario, type ReplayReport, type DiffReport } from './scenarios/index.ts';
export { createHarness, type LeadsimHarness, type HarnessOptions } from './simulation/createHarness.ts';
export { generateWorkload, type Workload, type WorkloadOptions } from './simulation/workload.ts';
export { runWorkload } from './simulation/runWorkload.ts';
export { rerunRouting, type RerunResult, type RerunTarget } from './pipeline/rerunRouting.ts';
export { runCheck, type CheckReport } from './check/runCheck.ts';
export { RoutingCoverage, CoverageByGraph, coverageTargets, renderCoverage, type CoverageReport, type CoverageFormat } from './coverage/index.ts';
export { runMutation, type MutationReport, type RunMutationOptions } from './mutation/runMutation.ts';
export { graphMutants, type GraphMutants } from './mutation/graphMutants.ts';
export { findDifference, type Difference } from './mutation/findDifference.ts';
export { formatMutationReport } from './mutation/formatMutationReport.ts';
export type { Mutant, MutationOperator } from './mutation/mutant.ts';
export type { MutantResult } from './mutation/mutantResult.ts';
export { routingWitnesses, type RoutingWitness } from './generators/graph/routingWitnesses.ts';
export { routingInputSpace, type RoutingInputSpace } from './generators/graph/routingInputSpace.ts';
export { graphAwareOrg, type GraphAwareOrg } from './generators/graph/graphAwareOrg.ts';
export { regressionScenario, type RegressionScenario } from './scenarios/regressionScenario.ts';
export { leadFlowAudit, type EntryPointAudit, type AuditStep, type FieldChange } from './audit/leadFlowAudit.ts';
export { auditToMarkdown } from './audit/auditToMarkdown.ts';
