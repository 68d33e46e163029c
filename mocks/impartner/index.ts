/** The simulated Impartner's Objects API v1 (MSW handlers; modelled, not vendor-verified). */
export { impartnerHandlers, type ImpartnerMockContext } from './impartnerHandlers.ts';
