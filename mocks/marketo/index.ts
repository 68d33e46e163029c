/** The simulated Marketo's REST face (MSW handlers). */
export { marketoHandlers } from './marketoHandlers.ts';
export type { MarketoMockContext } from './marketoRoute.ts';
export { RequestIds, marketoEnvelope, type MarketoEnvelope } from './marketoEnvelope.ts';
