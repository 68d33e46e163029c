import fc from 'fast-check';
import { inboundEventArbitrary, ENTRY_POINT_WEIGHTS } from '../../generators/inboundEventArbitrary.ts';
import type { WorldHints } from '../../generators/worldHints.ts';
import { USER_STATUSES } from '../../simulation/actions/index.ts';
import { CAMPAIGN_MEMBER_STATUSES } from '../../systems/crm/schema.ts';
import type { SequenceCommand } from '../sequenceModel.ts';
import { AccountBdrCommand } from './accountBdrCommand.ts';
import { ConvertCommand } from './convertCommand.ts';
import { CountryChangeRerunCommand, RERUN_COUNTRIES } from './countryChangeRerunCommand.ts';
import { CreateCampaignCommand } from './createCampaignCommand.ts';
import { DuplicateDeliveryCommand } from './duplicateDeliveryCommand.ts';
import { FaultNextWriteCommand, WRITE_FAULTS } from './faultNextWriteCommand.ts';
import { InboundEventCommand } from './inboundEventCommand.ts';
import { MemberStatusCommand } from './memberStatusCommand.ts';
import { OutOfOrderDeliveryCommand } from './outOfOrderDeliveryCommand.ts';
import { RecallCommand } from './recallCommand.ts';
import { REP_EDIT_FIELDS, RepEditCommand } from './repEditCommand.ts';
import { UserStatusCommand } from './userStatusCommand.ts';

export {
  AccountBdrCommand,
  ConvertCommand,
  CountryChangeRerunCommand,
  CreateCampaignCommand,
  DuplicateDeliveryCommand,
  FaultNextWriteCommand,
  InboundEventCommand,
  MemberStatusCommand,
  OutOfOrderDeliveryCommand,
  RecallCommand,
  RepEditCommand,
  UserStatusCommand,
};

/** The kinds of command the model-based check draws from for the reference pipeline. */
export const SEQUENCE_COMMAND_KINDS = ['inbound', 'repEdit', 'countryChangeRerun', 'recall', 'memberStatus', 'convert', 'duplicateDelivery', 'outOfOrderDelivery', 'userStatus', 'createCampaign', 'accountBdr'] as const;
/** Every kind of command, `faultNextWrite` included. */
export const ALL_SEQUENCE_COMMAND_KINDS = [...SEQUENCE_COMMAND_KINDS, 'faultNextWrite'] as const;
export type SequenceCommandKind = (typeof ALL_SEQUENCE_COMMAND_KINDS)[number];

/**
 * The kinds for a pipeline of yours: no re-runs and no recalls (routing a person again is the reference pipeline's
 * own job: leadsim does not ask yours), and faults aimed at its writes (leadsim cannot see its retries from inside).
 */
export const PIPELINE_UNDER_TEST_KINDS: readonly SequenceCommandKind[] = [...SEQUENCE_COMMAND_KINDS.filter((k) => k !== 'countryChangeRerun' && k !== 'recall'), 'faultNextWrite'];

/** Webhook entry points only (a rep's lead and a partner registration get their ids from the CRM and the PRM). */
const WEBHOOK_WEIGHTS = { ...ENTRY_POINT_WEIGHTS, 'sales-created': 0, 'partner-portal': 0 };

const TITLES = ['VP Marketing', 'Head of Revenue Operations', 'Director of Sales', 'CTO', 'Procurement Manager'];
const PHONES = ['+1 415 555 0100', '(212) 555-0188', '+49 30 1234567', '+44 20 7946 0958', '03-1234-5678'];

/**
 * The command arbitraries of the model-based check over a world with these hints. Inbound events come three times
 * as often as any other kind, so sequences build up people to act on; Sales Systems' admin changes (a rep's status,
 * a new campaign, an account's BDR) come between them, so routing is checked on an org that changes mid-run.
 */
export function sequenceCommandArbitraries(hints: WorldHints, kinds: readonly SequenceCommandKind[] = SEQUENCE_COMMAND_KINDS): fc.Arbitrary<SequenceCommand>[] {
  const pick = fc.nat({ max: 999 });
  const all: Record<SequenceCommandKind, fc.Arbitrary<SequenceCommand>> = {
    inbound: inboundEventArbitrary(hints).map((e) => new InboundEventCommand(e)),
    repEdit: fc.oneof(
      fc.tuple(pick, fc.constantFrom(...TITLES)).map(([p, v]) => new RepEditCommand(p, 'Title', v)),
      fc.tuple(pick, fc.constantFrom(...PHONES)).map(([p, v]) => new RepEditCommand(p, REP_EDIT_FIELDS[1], v)),
    ),
    countryChangeRerun: fc.tuple(pick, fc.constantFrom(...Object.keys(RERUN_COUNTRIES))).map(([p, c]) => new CountryChangeRerunCommand(p, c)),
    recall: pick.map((p) => new RecallCommand(p)),
    memberStatus: fc.tuple(pick, fc.constantFrom(...CAMPAIGN_MEMBER_STATUSES)).map(([p, s]) => new MemberStatusCommand(p, s)),
    convert: pick.map((p) => new ConvertCommand(p)),
    duplicateDelivery: pick.map((p) => new DuplicateDeliveryCommand(p)),
    outOfOrderDelivery: fc.tuple(inboundEventArbitrary(hints, { weights: WEBHOOK_WEIGHTS }), inboundEventArbitrary(hints, { weights: WEBHOOK_WEIGHTS })).map(([a, b]) => new OutOfOrderDeliveryCommand(a, b)),
    userStatus: fc.tuple(pick, fc.constantFrom(...USER_STATUSES)).map(([p, s]) => new UserStatusCommand(p, s)),
    createCampaign: pick.map((p) => new CreateCampaignCommand(p)),
    accountBdr: fc.tuple(pick, pick).map(([a, b]) => new AccountBdrCommand(a, b)),
    faultNextWrite: fc
      .tuple(
        fc.oneof({ arbitrary: fc.constant(WRITE_FAULTS[0]), weight: 3 }, { arbitrary: fc.constantFrom(...WRITE_FAULTS.slice(1)), weight: 2 }),
        fc.oneof({ arbitrary: fc.constant('salesforce' as const), weight: 3 }, { arbitrary: fc.constantFrom('marketo' as const, 'impartner' as const), weight: 1 }),
        fc.nat({ max: 3 }),
      )
      .map(([kind, system, nth]) => new FaultNextWriteCommand(kind, system, nth)),
  };
  return kinds.flatMap((kind) => (kind === 'inbound' ? [all.inbound, all.inbound, all.inbound] : [all[kind]]));
}
