import { createHmac } from 'node:crypto';

const FIRST_NAMES = ['Alex', 'Blair', 'Casey', 'Devon', 'Emery', 'Finley', 'Gray', 'Harper', 'Indy', 'Jordan', 'Kai', 'Logan', 'Morgan', 'Noel', 'Oakley', 'Parker', 'Quinn', 'Reese', 'Sage', 'Taylor'];
const LAST_NAMES = ['Abbott', 'Brooks', 'Carter', 'Dalton', 'Ellis', 'Foster', 'Garner', 'Hayes', 'Irwin', 'Jensen', 'Keller', 'Lowell', 'Mercer', 'Nolan', 'Osborne', 'Pryor', 'Quincy', 'Rowan', 'Sutton', 'Tate'];

/** Replaces personal data in vendor payloads, the same way every time for the same seed. */
export interface Pseudonymizer {
  /** A copy of `payload` with emails, names, phones, IP addresses and cookies pseudonymized (found by key name). */
  payload<T>(payload: T): T;
  /** `" John.Doe@Acme.COM"` → `" p3f9a0c1d2e@Acme.COM"`: the local part hashed (case and spaces folded first), the domain kept as written so account matching still works. */
  email(raw: string): string;
  /** A consistent made-up first or last name. */
  name(raw: string, part: 'first' | 'last'): string;
}

type Kind = 'email' | 'first' | 'last' | 'full' | 'phone' | 'ip' | 'cookie';

/** Which personal-data kind a payload key holds (`email`, `First Name`, `full_name`, `leadClientIpAddress`, …). */
function kindOfKey(key: string): Kind | undefined {
  const k = key.toLowerCase().replace(/[^a-z]/g, '');
  if (k === 'email' || k === 'emailaddress' || k === 'workemail') return 'email';
  if (k === 'firstname' || k === 'givenname') return 'first';
  if (k === 'lastname' || k === 'surname' || k === 'familyname') return 'last';
  if (k === 'name' || k === 'fullname') return 'full';
  if (k === 'phone' || k === 'phonenumber' || k === 'mobile' || k === 'mobilephone') return 'phone';
  if (k.endsWith('ipaddress') || k === 'ip') return 'ip';
  if (k === 'cookie') return 'cookie';
  return undefined;
}

/**
 * A pseudonymizer keyed by `seed`: an HMAC of each value decides its pseudonym, so the same email (whatever its
 * case or spacing) maps to the same pseudonym everywhere in an import, and another seed gives other pseudonyms.
 * Company names, titles, countries and domains are kept: routing and account matching depend on them.
 */
export function createPseudonymizer(seed: number): Pseudonymizer {
  const hash = (value: string) => createHmac('sha256', `leadsim:${seed}`).update(value).digest('hex');
  const pick = (list: readonly string[], value: string) => list[Number.parseInt(hash(value.trim().toLowerCase()).slice(0, 8), 16) % list.length]!;
  const email = (raw: string): string => {
    const m = /^(\s*)(.*?)(\s*@\s*)([^@]*?)(\s*)$/s.exec(raw);
    if (!m) return raw.replace(/\S+/g, (s) => `x${hash(s.toLowerCase()).slice(0, 10)}`);
    return `${m[1]}p${hash(m[2]!.trim().toLowerCase()).slice(0, 10)}${m[3]}${m[4]}${m[5]}`;
  };
  const name = (raw: string, part: 'first' | 'last') => (raw.trim() === '' ? raw : pick(part === 'first' ? FIRST_NAMES : LAST_NAMES, `${part}:${raw}`));
  const full = (raw: string) => {
    const parts = raw.trim().split(/\s+/).filter(Boolean);
    return parts.map((p, i) => name(p, i === 0 && parts.length > 1 ? 'first' : 'last')).join(' ');
  };
  const phone = (raw: string) => {
    const digits = hash(raw.replace(/\D/g, '')).replace(/\D/g, '') + '0123456789';
    let seen = 0;
    let i = 0;
    return raw.replace(/\d/g, (d) => (seen++ < 2 ? d : digits[i++ % digits.length]!));
  };
  const apply = (kind: Kind, value: string): string => {
    switch (kind) {
      case 'email':
        return email(value);
      case 'first':
        return name(value, 'first');
      case 'last':
        return name(value, 'last');
      case 'full':
        return full(value);
      case 'phone':
        return phone(value);
      case 'ip':
        return `192.0.2.${Number.parseInt(hash(value).slice(0, 2), 16) % 254 + 1}`;
      case 'cookie':
        return `c-${hash(value).slice(0, 16)}`;
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
  return { payload: <T>(payload: T) => walk(payload, undefined) as T, email, name };
}
