import { LeadsimError } from '../core/errors.ts';

/** A request no simulated API handles. It is an error, never passed on: no request may leave the process. */
export class UnhandledRequestError extends LeadsimError {
  constructor(request: Request) {
    super('UNHANDLED_REQUEST', `Failed to send "${request.method} ${request.url}": no simulated API handles it, and leadsim never lets a request leave the process. Check the URL against the README's endpoint list.`);
    this.name = 'UnhandledRequestError';
  }
}
