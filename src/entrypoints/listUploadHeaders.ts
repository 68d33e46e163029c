import { LIST_UPLOAD_COLUMNS } from './listUpload.ts';

/** A canonical list-upload column, or `Full Name` (one column with the whole name, split into first and last). */
export type ListUploadHeaderTarget = (typeof LIST_UPLOAD_COLUMNS)[number] | 'Full Name';

/**
 * Header spellings of event lists as badge scanners, event platforms, CRMs and spreadsheets export them, folded
 * (lower case, letters only, accents dropped), best first: when two headers of a file fold to one column (Phone and
 * Mobile) the better one is the column and the other stays an extra column.
 */
export const LIST_UPLOAD_HEADER_SYNONYMS: Readonly<Record<ListUploadHeaderTarget, readonly string[]>> = {
  Email: ['email', 'emailaddress', 'workemail', 'businessemail', 'workemailaddress', 'businessemailaddress', 'primaryemail', 'contactemail', 'emailwork', 'attendeeemail', 'attendeeemailaddress', 'emailid', 'emailaddr', 'mail', 'emailadresse', 'emailadres', 'adresseemail', 'courriel', 'correoelectronico'],
  'First Name': ['firstname', 'first', 'givenname', 'attendeefirstname', 'forename', 'fname', 'vorname', 'prenom', 'nombre', 'voornaam'],
  'Last Name': ['lastname', 'last', 'surname', 'familyname', 'attendeelastname', 'lname', 'nachname', 'nom', 'apellido', 'apellidos', 'achternaam'],
  'Full Name': ['fullname', 'name', 'contactname', 'attendeename', 'attendee', 'nomcomplet', 'nombrecompleto'],
  Company: ['company', 'companyname', 'companyaccount', 'companyorganization', 'organization', 'organisation', 'organizationname', 'organisationname', 'accountname', 'businessname', 'account', 'employer', 'firma', 'unternehmen', 'entreprise', 'societe', 'empresa', 'bedrijf'],
  Country: ['country', 'countryregion', 'countryorregion', 'countryterritory', 'countryname', 'countrycode', 'countryisocode', 'mailingcountry', 'billingcountry', 'nation', 'land', 'landregion', 'pays', 'pais'],
  Phone: ['phone', 'phonenumber', 'telephone', 'telephonenumber', 'businessphone', 'workphone', 'officephone', 'directphone', 'tel', 'telefon', 'telefonnummer', 'telefono', 'mobile', 'mobilephone', 'mobilephonenumber', 'mobilenumber', 'cellphone', 'cellphonenumber', 'cell'],
  Title: ['title', 'jobtitle', 'position', 'role', 'jobrole', 'designation', 'berufsbezeichnung', 'funktion', 'fonction', 'cargo'],
  Consent: ['consent', 'optin', 'emailoptin', 'marketingoptin', 'marketingconsent', 'gdprconsent', 'permission', 'einwilligung'],
};

const RANK = new Map<string, { target: ListUploadHeaderTarget; rank: number }>(
  (Object.entries(LIST_UPLOAD_HEADER_SYNONYMS) as [ListUploadHeaderTarget, readonly string[]][]).flatMap(([target, spellings]) => spellings.map((s, rank) => [s, { target, rank }] as const)),
);

/** The folded form a header is matched by: "E-Mail Address" → "emailaddress", "Prénom" → "prenom". */
export function foldHeader(header: string): string {
  return header.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
}

/** What one header of a file became. */
export interface HeaderMapping {
  /** The header as written. */
  readonly header: string;
  /** The column it fills, or undefined when it is kept as an extra column. */
  readonly column?: ListUploadHeaderTarget;
  /**
   * An extra column's key in each row: its header, or `<header>_2`, `_3`... when a column or an earlier extra column
   * already has that name (`Email,Email,Company`: the second Email is kept as `Email_2`, never dropped).
   */
  readonly key?: string;
}

/**
 * Maps a file's headers to the canonical columns: each column goes to its best-ranked synonym, other headers are
 * kept as they are (trimmed). `Full Name` only counts when the file has neither a first- nor a last-name column.
 */
export function mapListUploadHeaders(headers: readonly string[]): HeaderMapping[] {
  const best = new Map<ListUploadHeaderTarget, { index: number; rank: number }>();
  headers.forEach((header, index) => {
    const hit = RANK.get(foldHeader(header));
    if (!hit) return;
    const current = best.get(hit.target);
    if (!current || hit.rank < current.rank) best.set(hit.target, { index, rank: hit.rank });
  });
  if (best.has('First Name') || best.has('Last Name')) best.delete('Full Name');
  const columnAt = new Map([...best].map(([target, { index }]) => [index, target]));
  const taken = new Set<string>([...best.keys()].flatMap((c) => (c === 'Full Name' ? ['First Name', 'Last Name'] : [c])));
  return headers.map((header, index) => {
    const column = columnAt.get(index);
    if (column) return { header, column };
    const name = header.trim();
    if (name === '') return { header: name };
    let key = name;
    for (let n = 2; taken.has(key); n++) key = `${name}_${n}`;
    taken.add(key);
    return { header: name, key };
  });
}
