/** The sessions' state in a world snapshot. */
export interface SessionsState {
  readonly access: ReadonlyMap<string, string>;
  readonly refresh: ReadonlyMap<string, string>;
  readonly counter: number;
}

/**
 * OAuth sessions of the simulated org: access tokens and refresh tokens, each mapped to the user they
 * authenticate. Tokens are opaque but deterministic (counters), so runs replay byte for byte.
 */
export class Sessions {
  readonly #orgId15: string;
  readonly #access = new Map<string, string>();
  readonly #refresh = new Map<string, string>();
  #counter = 0;

  /** @param orgId - the org's id; access tokens start with its first 15 characters, like Salesforce session ids. */
  constructor(orgId: string) {
    this.#orgId15 = orgId.slice(0, 15);
  }

  /** Issues an access token for a user: `00D…!AQSIM` + a counter. */
  issueToken(userId: string): string {
    const token = `${this.#orgId15}!AQSIM.${this.#next()}`;
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

  /** Issues a refresh token for a user. */
  issueRefreshToken(userId: string): string {
    const token = `5Aep861SIM.${this.#next()}`;
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

  #next(): string {
    this.#counter += 1;
    return String(this.#counter).padStart(8, '0');
  }
}
