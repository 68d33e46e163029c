import type { SimClock } from '../../core/clock.ts';
import { defaultTokenMint, type TokenMint } from '../../core/tokenMint.ts';
import { marketoError, type MarketoError } from './marketoError.ts';

/** Token lifetime in simulated ms (Marketo: 3600 s). */
export const TOKEN_LIFETIME_MS = 3_600_000;

/** The body of a successful `/identity/oauth/token` call. */
export interface MarketoTokenResponse {
  readonly access_token: string;
  readonly token_type: 'bearer';
  readonly expires_in: number;
  readonly scope: string;
}

/** The identity service's error body for bad credentials (served with HTTP 401). */
export interface MarketoIdentityError {
  readonly error: 'unauthorized' | 'invalid_client' | 'unsupported_grant_type';
  readonly error_description: string;
}

/**
 * The identity service: client_credentials tokens shaped as Marketo's (a UUID and the pod,
 * `cdf01657-110d-4155-99a7-f986b2ff13a0:sim`), minted from the run's seed (see TokenMint: unguessable, the same for
 * the same seed), a 3600 s lifetime on the simulated clock, and the documented reuse rule: asking again before expiry
 * returns the same token with its remaining lifetime. Wrong client credentials get 401
 * `{"error":"invalid_client","error_description":"Bad client credentials"}`
 * (https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/authentication).
 */
export class MarketoIdentity {
  readonly #clock: SimClock;
  readonly #clientId: string;
  readonly #clientSecret: string;
  readonly #scope: string;
  readonly #mint: TokenMint;
  readonly #tokens = new Map<string, { expiresAt: number }>();
  #current: string | undefined;
  #counter = 0;

  constructor(clock: SimClock, credentials: { clientId: string; clientSecret: string; scope: string }, mint: TokenMint = defaultTokenMint()) {
    this.#clock = clock;
    this.#mint = mint;
    this.#clientId = credentials.clientId;
    this.#clientSecret = credentials.clientSecret;
    this.#scope = credentials.scope;
  }

  /** Issues (or reuses) a token for the configured client; `ok:false` with the identity error body otherwise. */
  token(grantType: string | undefined, clientId: string | undefined, clientSecret: string | undefined): { ok: true; body: MarketoTokenResponse } | { ok: false; body: MarketoIdentityError } {
    if (grantType !== 'client_credentials') return { ok: false, body: { error: 'unsupported_grant_type', error_description: `Unsupported grant type: ${grantType ?? '(none)'}` } };
    if (!clientId || !clientSecret) return { ok: false, body: { error: 'unauthorized', error_description: 'An Authentication object was not found in the SecurityContext' } };
    if (clientId !== this.#clientId || clientSecret !== this.#clientSecret) return { ok: false, body: { error: 'invalid_client', error_description: 'Bad client credentials' } };
    const now = this.#clock.now();
    let token = this.#current;
    if (token === undefined || this.#tokens.get(token)!.expiresAt <= now) {
      this.#counter += 1;
      const h = this.#mint.hex('marketo-access', this.#counter);
      token = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}:sim`;
      this.#tokens.set(token, { expiresAt: now + TOKEN_LIFETIME_MS });
      this.#current = token;
    }
    const remaining = this.#tokens.get(token)!.expiresAt - now;
    return { ok: true, body: { access_token: token, token_type: 'bearer', expires_in: Math.max(Math.ceil(remaining / 1000) - 1, 0), scope: this.#scope } };
  }

  /** Checks a bearer token: 600 empty, 601 unknown, 602 expired. */
  check(token: string | undefined): { ok: true } | { ok: false; error: MarketoError } {
    if (token === undefined || token.trim() === '') return { ok: false, error: marketoError('600') };
    const entry = this.#tokens.get(token.trim());
    if (!entry) return { ok: false, error: marketoError('601') };
    if (entry.expiresAt <= this.#clock.now()) return { ok: false, error: marketoError('602') };
    return { ok: true };
  }

  /** Issued tokens, the current one and the counter, copied (for a world snapshot). */
  snapshot(): { readonly tokens: ReadonlyMap<string, number>; readonly current: string | undefined; readonly counter: number } {
    return { tokens: new Map([...this.#tokens].map(([token, entry]) => [token, entry.expiresAt])), current: this.#current, counter: this.#counter };
  }

  /** Puts back what {@link snapshot} took. */
  restore(state: ReturnType<MarketoIdentity['snapshot']>): void {
    this.#tokens.clear();
    for (const [token, expiresAt] of state.tokens) this.#tokens.set(token, { expiresAt });
    this.#current = state.current;
    this.#counter = state.counter;
  }

  /** Expires every token issued so far (tests use it to force 602 and a refresh). */
  expireAll(): void {
    const now = this.#clock.now();
    for (const entry of this.#tokens.values()) entry.expiresAt = Math.min(entry.expiresAt, now);
  }
}
