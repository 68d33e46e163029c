import { countryBeforeCompliance } from './countryBeforeCompliance.ts';
import { everyPersonOwned } from './everyPersonOwned.ts';
import { freshRoutingData } from './freshRoutingData.ts';
import type { Invariant } from './invariant.ts';
import { noDuplicates } from './noDuplicates.ts';
import { noEventLost } from './noEventLost.ts';
import { oneProcess } from './oneProcess.ts';
import { partnerQueue } from './partnerQueue.ts';
import { redeliveryIdempotent } from './redeliveryIdempotent.ts';
import { roundRobinFair } from './roundRobinFair.ts';
import { updateNeverBlanks } from './updateNeverBlanks.ts';

/** Every invariant, in the order reports list them: DOMAIN.md's four first, then the others. */
export const INVARIANTS: readonly Invariant[] = [
  noDuplicates,
  oneProcess,
  partnerQueue,
  countryBeforeCompliance,
  everyPersonOwned,
  noEventLost,
  redeliveryIdempotent,
  roundRobinFair,
  updateNeverBlanks,
  freshRoutingData,
];
