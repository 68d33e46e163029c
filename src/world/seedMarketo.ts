import type { Marketo } from '../systems/map/marketo.ts';
import { SEED_FOLDERS } from '../systems/map/folders.ts';
import type { OrgSpec } from '../org/orgSpec.ts';

/** The channel a program gets for each CRM campaign type (Marketo programs sync with Salesforce campaigns by name). */
const CHANNEL_BY_CAMPAIGN_TYPE: Readonly<Record<string, string>> = {
  Webinar: 'Webinar',
  Conference: 'Tradeshow',
  'Trade Show': 'Tradeshow',
  Content: 'Content',
  Partner: 'Partner',
  Trial: 'Trial',
  Email: 'Email Blast',
  Advertisement: 'Online Advertising',
};

/** The static lists every seeded instance has, in Lead Database › Group Lists. */
export const SEED_STATIC_LISTS = ['Newsletter Subscribers', 'Event Invitees', 'Do Not Contact'] as const;

/**
 * Seeds Marketo the way an instance synced with the org looks: one program per CRM campaign, named like it (the
 * name a web form's `programName` and `push.json` refer to), in Marketing Activities › Programs with the channel of
 * the campaign's type; and the static lists of {@link SEED_STATIC_LISTS}. Deterministic: same org, same ids.
 */
export function seedMarketo(marketo: Marketo, org: OrgSpec): void {
  for (const campaign of org.campaigns) {
    if (marketo.program(campaign.Name)) continue; // two campaigns of one name sync to one program
    const created = marketo.assets.createProgram({
      name: campaign.Name,
      folder: { id: SEED_FOLDERS.programs, type: 'Folder' },
      type: campaign.Type === 'Webinar' ? 'Event with Webinar' : campaign.Type === 'Conference' || campaign.Type === 'Trade Show' ? 'Event' : 'Default',
      channel: CHANNEL_BY_CAMPAIGN_TYPE[campaign.Type] ?? 'Content',
      description: `Synced with the Salesforce campaign "${campaign.Name}"`,
    });
    if (!created.ok) throw new Error(`Failed to seed the Marketo program "${campaign.Name}": ${created.errors.map((e) => `${e.code} ${e.message}`).join('; ')}. This is a bug in leadsim.`);
  }
  for (const name of SEED_STATIC_LISTS) marketo.createList(name, { folder: { id: SEED_FOLDERS.groupLists, type: 'Folder' } });
}
