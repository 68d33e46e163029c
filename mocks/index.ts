/**
 * leadsim/mocks: the simulated vendor APIs as MSW handlers, for tests that drive real client code in process.
 *
 * @example
 * import { setupSimulation } from 'leadsim/mocks';
 * const sim = setupSimulation({ seed: 1 });   // msw setupServer; unhandled requests are errors
 * // point jsforce at sim.salesforce.instanceUrl with sim.salesforce.accessToken ...
 * sim.close();
 */
export { createHandlers } from './createHandlers.ts';
export { setupSimulation, type SimulationServer, type SetupSimulationOptions } from './setupSimulation.ts';
export { salesforceHandlers, authenticate, sfErrorResponse, type SalesforceMockContext } from './salesforce/index.ts';
export { marketoHandlers, type MarketoMockContext } from './marketo/index.ts';
export { impartnerHandlers, type ImpartnerMockContext } from './impartner/index.ts';
export { intakeHandlers } from './pipeline/intakeHandlers.ts';
export { FaultPlanSchema, SYSTEMS, systemOf, type FaultPlan, type FaultPlanInput, type FaultKind, type SystemName } from './faults/faultPlan.ts';
export { FaultInjector, type InjectedFault } from './faults/faultInjector.ts';
export { faultHandler, vendorFault } from './faults/faultHandler.ts';
