import { defaultTokenMint, type TokenMint } from '../../core/tokenMint.ts';

/** The sessions' state in a world snapshot. */
export interface SessionsState {
  readonly access: ReadonlyMap<string, string>;
  readonly refresh: ReadonlyMap<string, string>;
  readonly counter: number;
}

/**
 * OAuth sessions of the simulated org: access tokens and refresh tokens, each mapped to the user they
 * authenticate. Tokens are opaque, minted from the run's seed (see TokenMint): a token of one seed is unknown to
 * another seed's org and cannot be guessed from the ones issued before it; the same seed issues the same tokens.
 */
export class Sessions {
  readonly #orgId15: string;
  readonly #mint: TokenMint;
  readonly #access = new Map<string, string>();
  readonly #refresh = new Map<string, string>();
  #counter = 0;

  /**
   * @param orgId - the org's id; access tokens start with its first 15 characters, like Salesforce session ids.
   * @param mint - mints the tokens (default: seed 0's, for a CRM built without a world).
   */
  constructor(orgId: string, mint: TokenMint = defaultTokenMint()) {
    this.#orgId15 = orgId.slice(0, 15);
    this.#mint = mint;
  }

  /** Issues an access token for a user, shaped like a Salesforce session id: `00D…` (15) + `!AQ` + 43 characters. */
  issueToken(userId: string): string {
    const token = `${this.#orgId15}!AQ${this.#mint.base64url('salesforce-access', this.#next()).replaceAll('-', '.').replaceAll('_', '0')}`;
    this.#access.set(token, userId);
    return token;
  }

  /** The user an access token authenticates, or undefined when it is unknown or revoked. */
  resolveToken(token: string): string | undefined {
    return this.#access.get(token);
  }

  /** Revokes an access token: the next request with it gets 401 INVALID_SESSION_ID. */
  revokeToken(token: string): void {
    this.#access.delete(token);
  }

  /** Revokes every access token (refresh tokens stay valid), like a session timeout. */
  expireAll(): void {
    this.#access.clear();
  }

  /** Issues a refresh token for a user: `5Aep861` + 86 characters, as Salesforce's refresh tokens look. */
  issueRefreshToken(userId: string): string {
    const n = this.#next();
    const token = `5Aep861${(this.#mint.base64url('salesforce-refresh', n) + this.#mint.base64url('salesforce-refresh+', n)).replaceAll('-', '.').replaceAll('_', '0')}`;
    this.#refresh.set(token, userId);
    return token;
  }

  /** Revokes a refresh token (OAuth revoke): it can no longer be exchanged. */
  revokeRefreshToken(token: string): void {
    this.#refresh.delete(token);
  }

  /** The user a refresh token belongs to, or undefined. */
  resolveRefreshToken(token: string): string | undefined {
    return this.#refresh.get(token);
  }

  /** Every token and the counter, copied (for a world snapshot). */
  snapshot(): SessionsState {
    return { access: new Map(this.#access), refresh: new Map(this.#refresh), counter: this.#counter };
  }

  /** Puts back what {@link snapshot} took. */
  restore(state: SessionsState): void {
    this.#access.clear();
    for (const [token, user] of state.access) this.#access.set(token, user);
    this.#refresh.clear();
    for (const [token, user] of state.refresh) this.#refresh.set(token, user);
    this.#counter = state.counter;
  }

  #next(): number {
    this.#counter += 1;
    return this.#counter;
  }
}
