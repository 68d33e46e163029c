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

  /** The user a refresh token belongs to, or undefined. */
  resolveRefreshToken(token: string): string | undefined {
    return this.#refresh.get(token);
  }

  #next(): string {
    this.#counter += 1;
    return String(this.#counter).padStart(8, '0');
  }
}
