import { z } from 'zod';
import { KEY_PREFIXES, REGIONS, USER_ROLES } from '../systems/crm/schema.ts';
import { TRIGGERS } from './fieldRef.ts';
import { regionOfCountry } from './regionOfCountry.ts';

const SRecordSchema = z.record(z.string(), z.unknown());

/** A user routing may assign to (CRM User fields). */
export const RoutingUserSchema = z.object({
  Id: z.string().min(1),
  Name: z.string(),
  Username: z.string().optional(),
  IsActive: z.boolean(),
  Region__c: z.enum(REGIONS).nullable().optional(),
  Role__c: z.enum(USER_ROLES).nullable().optional(),
  Out_Of_Office__c: z.boolean().nullable().optional(),
});
/** A user routing may assign to. */
export type RoutingUser = z.infer<typeof RoutingUserSchema>;

/**
 * Everything a routing run may read: what triggered it, the person (Lead fields by API name plus the derived facts
 * `region`, `ownerIsUser`, `isSalesCreated`), the campaign and campaign member of the touch, the matched account, the
 * partner account, the user whose write triggered routing, and the users and queues that can own the person. Absent records are left out (not null).
 */
export const RoutingContextSchema = z.object({
  trigger: z.enum(TRIGGERS),
  person: z.looseObject({
    region: z.enum(REGIONS).nullable().optional(),
    ownerIsUser: z.boolean().optional(),
    isSalesCreated: z.boolean().optional(),
  }),
  campaign: SRecordSchema.optional(),
  campaignMember: SRecordSchema.optional(),
  account: SRecordSchema.optional(),
  partnerAccount: SRecordSchema.optional(),
  /** The user whose write triggered routing (User fields), when the caller knows it. */
  currentUser: SRecordSchema.optional(),
  users: z.array(RoutingUserSchema),
  queues: z.array(z.object({ Id: z.string().min(1), Name: z.string(), DeveloperName: z.string().optional() })),
  /** Names of other records the person's lookups hold (record types...), by id: `person.RecordType.Name` reads them. */
  names: z.record(z.string(), z.string()).optional(),
});
/** Everything a routing run may read (see {@link RoutingContextSchema}). */
export type RoutingContext = z.infer<typeof RoutingContextSchema>;
/** The person of a routing context: Lead fields by API name plus the derived facts. */
export type RoutingPerson = RoutingContext['person'];

/**
 * The person with its derived facts filled in where the caller left them out: `region` from `CountryCode`,
 * `ownerIsUser` from `OwnerId` (a User id), `isSalesCreated` false. Facts the caller gives win.
 */
export function withDerivedFacts(person: RoutingPerson): RoutingPerson {
  const ownerId = person['OwnerId'];
  return {
    ...person,
    region: person.region !== undefined ? person.region : (regionOfCountry(person['CountryCode']) ?? null),
    ownerIsUser: person.ownerIsUser ?? (typeof ownerId === 'string' && ownerId.startsWith(KEY_PREFIXES.User)),
    isSalesCreated: person.isSalesCreated ?? false,
  };
}
