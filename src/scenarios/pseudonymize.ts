import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { LeadsimError } from '../core/errors.ts';
import type { OrgSpec } from '../org/orgSpec.ts';

const NAMES = ['Alex', 'Blair', 'Casey', 'Devon', 'Emery', 'Finley', 'Gray', 'Harper', 'Indy', 'Jordan', 'Kai', 'Logan', 'Morgan', 'Noel', 'Oakley', 'Parker', 'Quinn', 'Reese', 'Sage', 'Taylor', 'Abbott', 'Brooks', 'Carter', 'Dalton', 'Ellis', 'Foster', 'Garner', 'Hayes', 'Irwin', 'Jensen', 'Keller', 'Lowell', 'Mercer', 'Nolan', 'Osborne', 'Pryor', 'Quincy', 'Rowan', 'Sutton', 'Tate'];
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const OTHER_LOWER = 'äöüéèñçåøı';
const OTHER_UPPER = 'ÄÖÜÉÈÑÇÅØİ';

/**
 * Replaces personal data so that every decision the pipeline makes on it stays the same: emails keep their domain,
 * their shape and so their validity (an invalid email stays invalid in the same way), the same person maps to the
 * same pseudonym wherever they appear (whatever the case or spacing), and two people never share one.
 */
export interface Pseudonymizer {
  /** A copy of `payload` with emails, names, phones, IP addresses and cookies pseudonymized (found by key name). */
  payload<T>(payload: T): T;
  /**
   * A copy of an org spec with its people's (leads' and contacts') emails and names pseudonymized like the traffic.
   * Users and partner-portal users are the org's and its partners' staff: payloads name them (a partner
   * registration's `PartnerUserId` is the portal user's login), so they are kept.
   */
  org(org: OrgSpec): OrgSpec;
  /**
   * `" Jane.Doe@Acme.COM"` → `" Qxwk.Bne@Acme.COM"`: each letter and digit of the local part replaced by a keyed one
   * of its kind (case kept), everything else (dots, `+`, spaces, a second `@`) and the domain kept as written.
   */
  email(raw: string): string;
  /** A consistent made-up name, word by word (punctuation and blanks kept). */
  name(raw: string): string;
  /** The digits after the first four replaced by keyed digits: same length, same country code and trunk prefix. */
  phone(raw: string): string;
}

type Kind = 'email' | 'name' | 'phone' | 'ip' | 'cookie';

/** Which personal-data kind a payload key holds (`email`, `First Name`, `full_name`, `leadClientIpAddress`, …). */
function kindOfKey(key: string): Kind | undefined {
  const k = key.toLowerCase().replace(/[^a-z]/g, '');
  if (k === 'email' || k === 'emailaddress' || k === 'workemail') return 'email';
  if (['firstname', 'givenname', 'lastname', 'surname', 'familyname', 'name', 'fullname'].includes(k)) return 'name';
  if (k === 'phone' || k === 'phonenumber' || k === 'mobile' || k === 'mobilephone') return 'phone';
  if (k.endsWith('ipaddress') || k === 'ip') return 'ip';
  if (k === 'cookie') return 'cookie';
  return undefined;
}

/**
 * The pseudonymization key: `LEADSIM_PSEUDONYM_KEY` when set, else the contents of `keyFile` when given, else 32
 * random bytes that are never saved (so the pseudonyms of one recording cannot be reversed or matched with another's).
 * Never derived from anything written in the recording (its seed, its events).
 *
 * @throws {LeadsimError} `FILE_NOT_FOUND` when `keyFile` cannot be read, `INVALID_ARGUMENT` when the key is shorter than 16 bytes.
 */
export function pseudonymKey(options: { keyFile?: string; env?: NodeJS.ProcessEnv } = {}): { key: Buffer; source: 'env' | 'file' | 'random' } {
  const env = options.env ?? process.env;
  const check = (key: Buffer, where: string) => {
    if (key.length < 16) throw new LeadsimError('INVALID_ARGUMENT', `Failed to read the pseudonymization key from ${where}: it has ${key.length} bytes. Use at least 16 random bytes (e.g. openssl rand -hex 32).`);
    return key;
  };
  const fromEnv = env['LEADSIM_PSEUDONYM_KEY'];
  if (fromEnv !== undefined && fromEnv !== '') return { key: check(Buffer.from(fromEnv.trim(), 'utf8'), 'LEADSIM_PSEUDONYM_KEY'), source: 'env' };
  if (options.keyFile !== undefined) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(options.keyFile);
    } catch (error) {
      throw new LeadsimError('FILE_NOT_FOUND', `Failed to read the pseudonymization key file "${options.keyFile}": it does not exist or cannot be read. Check the path.`, { cause: error });
    }
    return { key: check(Buffer.from(bytes.toString('utf8').trim(), 'utf8'), `"${options.keyFile}"`), source: 'file' };
  }
  // Randomness outside the simulation: it changes the pseudonyms, never an outcome.
  return { key: randomBytes(32), source: 'random' };
}

/**
 * A pseudonymizer keyed by `key` (see {@link pseudonymKey}): HMAC-SHA256 of each value decides its pseudonym. It
 * remembers the pseudonyms it gave, so within one recording two different emails never get the same one (a
 * collision draws again). Company names, titles, countries, consent, campaign fields and domains are kept: routing,
 * compliance and account matching depend on them.
 */
export function createPseudonymizer(key: string | Uint8Array): Pseudonymizer {
  const hmac = (value: string) => createHmac('sha256', key).update(value).digest();
  /** An endless keyed byte stream for `value`. */
  const stream = (value: string) => {
    let block = 0;
    let bytes = hmac(`${value}\u0000${block}`);
    let i = 0;
    return () => {
      if (i === bytes.length) [bytes, i] = [hmac(`${value}\u0000${++block}`), 0];
      return bytes[i++]!;
    };
  };
  /** Each letter and digit of `text` replaced by one of its kind drawn from `next`; everything else kept. */
  const shape = (text: string, next: () => number) =>
    text.replace(/\p{L}|\d/gu, (c) => {
      if (/\d/.test(c)) return String(next() % 10);
      if (/[a-z]/.test(c)) return LOWER[next() % 26]!;
      if (/[A-Z]/.test(c)) return UPPER[next() % 26]!;
      const upper = c !== c.toLowerCase();
      return (upper ? OTHER_UPPER : OTHER_LOWER)[next() % OTHER_LOWER.length]!;
    });

  const given = new Map<string, string>();
  const taken = new Map<string, string>();
  /** The pseudonym's local part for a normalized local@domain, unique within this pseudonymizer. */
  const localOf = (normLocal: string, normDomain: string): string => {
    const id = `${normLocal}@${normDomain}`;
    const known = given.get(id);
    if (known !== undefined) return known;
    for (let attempt = 0; attempt < 1000; attempt++) {
      const candidate = shape(normLocal, stream(`email:${attempt}:${normLocal}`));
      const owner = taken.get(`${candidate}@${normDomain}`);
      if (owner === undefined || owner === id) {
        given.set(id, candidate);
        taken.set(`${candidate}@${normDomain}`, id);
        return candidate;
      }
    }
    throw new LeadsimError('INVALID_INPUT', `Failed to pseudonymize an email at "${normDomain}": every pseudonym of its shape is taken. Record with --keep-personal-data, or split the traffic.`);
  };

  const email = (raw: string): string => {
    const normalized = raw.trim().toLowerCase().replace(/\s*@\s*/g, '@');
    const at = normalized.lastIndexOf('@');
    const normLocal = at < 0 ? normalized : normalized.slice(0, at);
    const normDomain = at < 0 ? '' : normalized.slice(at + 1);
    const pseudoLocal = localOf(normLocal, normDomain);
    // Lay the pseudonym's letters and digits over the raw local part, keeping its case, spaces and punctuation.
    const rawAt = at < 0 ? raw.length : raw.lastIndexOf('@');
    const rawLocal = raw.slice(0, rawAt);
    const symbols = [...pseudoLocal].filter((c) => /\p{L}|\d/u.test(c));
    let i = 0;
    const local = rawLocal.replace(/\p{L}|\d/gu, (c) => {
      const s = symbols[i++] ?? c;
      return c !== c.toLowerCase() ? s.toUpperCase() : s;
    });
    return local + raw.slice(rawAt);
  };
  const name = (raw: string) => raw.replace(/[\p{L}\p{M}'’.-]+/gu, (word) => NAMES[hmac(`name:${word.toLowerCase()}`).readUInt32BE(0) % NAMES.length]!);
  const phone = (raw: string) => {
    const next = stream(`phone:${raw.replace(/\D/g, '')}`);
    let seen = 0;
    return raw.replace(/\d/g, (d) => (seen++ < 4 ? d : String(next() % 10)));
  };
  const apply = (kind: Kind, value: string): string => {
    switch (kind) {
      case 'email':
        return email(value);
      case 'name':
        return value.trim() === '' ? value : name(value);
      case 'phone':
        return phone(value);
      case 'ip':
        return `192.0.2.${(hmac(`ip:${value}`)[0]! % 254) + 1}`;
      case 'cookie':
        return `c-${hmac(`cookie:${value}`).toString('hex').slice(0, 16)}`;
    }
  };
  const walk = (value: unknown, kind: Kind | undefined): unknown => {
    if (typeof value === 'string') return kind ? apply(kind, value) : value;
    if (Array.isArray(value)) return value.map((v) => walk(v, kind));
    if (typeof value !== 'object' || value === null) return value;
    const record = value as Record<string, unknown>;
    // An answer list item (ad vendors): { name: "email", values: [...] } — the name says what the values are.
    if (typeof record['name'] === 'string' && Array.isArray(record['values'])) return { ...record, values: walk(record['values'], kindOfKey(record['name'])) };
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, walk(v, kindOfKey(k))]));
  };
  const org = (spec: OrgSpec): OrgSpec => ({
    ...spec,
    people: spec.people.map((p) => ({ ...p, Email: email(p.Email), ...(p.FirstName !== undefined ? { FirstName: apply('name', p.FirstName) } : {}), LastName: apply('name', p.LastName) })),
  });
  return { payload: <T>(payload: T) => walk(payload, undefined) as T, org, email, name, phone };
}
