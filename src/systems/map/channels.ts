/** One progression status of a channel, as `GET /rest/asset/v1/channels.json` lists it. */
export interface ProgressionStatus {
  readonly name: string;
  readonly step: number;
  readonly description: null;
  readonly hidden: boolean;
  readonly success: boolean;
}

/** A program channel: the statuses its programs' members move through. */
export interface Channel {
  readonly id: number;
  readonly name: string;
  /** `program`, `event`, `webinar`, `nurture` or `email`. */
  readonly applicableProgramType: string;
  readonly progressionStatuses: readonly ProgressionStatus[];
}

function channel(id: number, name: string, applicableProgramType: string, statuses: readonly (readonly [string, boolean])[]): Channel {
  return {
    id,
    name,
    applicableProgramType,
    progressionStatuses: [['Not in Program', false] as const, ...statuses].map(([status, success], i) => ({ name: status, step: i * 10, description: null, hidden: false, success })),
  };
}

/**
 * The channels of the simulated instance, after Marketo's default channels ("Understanding Program Channels",
 * https://experienceleague.adobe.com/en/docs/marketo/using/product-docs/administration/tags/create-a-program-channel;
 * response shape: https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/assets/channels).
 * Modelled, not a copy of any instance's configuration; `*` marks success statuses.
 */
export const CHANNELS: readonly Channel[] = [
  channel(1, 'Webinar', 'webinar', [['Invited', false], ['Registered', false], ['No Show', false], ['Attended', true], ['Attended On-demand', true]]),
  channel(2, 'Tradeshow', 'event', [['Invited', false], ['Registered', false], ['No Show', false], ['Visited Booth', true], ['Engaged', true]]),
  channel(3, 'Live Event', 'event', [['Invited', false], ['Registered', false], ['No Show', false], ['Attended', true]]),
  channel(4, 'Content', 'program', [['Engaged', true]]),
  channel(5, 'Online Advertising', 'program', [['Clicked', true]]),
  channel(6, 'Email Blast', 'program', [['Member', false], ['Engaged', true]]),
  channel(7, 'Email Send', 'email', [['Member', false], ['Engaged', true]]),
  channel(8, 'Nurture', 'nurture', [['Member', false], ['Engaged', true]]),
  channel(9, 'Operational', 'program', [['Member', false]]),
  channel(10, 'Partner', 'program', [['Invited', false], ['Registered', false], ['Attended', true], ['Engaged', true], ['Member', false]]),
  channel(11, 'Trial', 'program', [['Signed Up', false], ['Activated', true]]),
];

/** The channel with this name (case-insensitive), or undefined. */
export function channelByName(name: string): Channel | undefined {
  const wanted = name.trim().toLowerCase();
  return CHANNELS.find((c) => c.name.toLowerCase() === wanted);
}
