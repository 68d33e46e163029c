export { salesforceHandlers } from './handlers.ts';
export { authenticate, type SalesforceMockContext } from './context.ts';
export { sfErrorResponse } from './errorResponse.ts';
