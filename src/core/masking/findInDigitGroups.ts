import { findAbaRoutingAt } from './detectors/abaRouting.ts';
import { findCardsFrom } from './detectors/cardNumber.ts';
import { findMyNumberAt } from './detectors/myNumber.ts';
import { findSsnAt } from './detectors/ssn.ts';
import type { DetectionInput, Finding } from './Finding.ts';

/** What the number detectors built on digit groups found in one value, each kind in text order. */
export interface DigitGroupFindings {
  pan: Finding[];
  ssn: Finding[];
  myNumber: Finding[];
  abaRouting: Finding[];
}

/**
 * One walk over a value's digit-group runs for the card, SSN, My Number and routing detectors
 * (instead of four): at each group, the card windows starting there, the SSN and My Number shapes
 * (each with its own cursor, as a match is not read again as parts of others) and a routing
 * number. The detectors hand out their part; a detector switched off by the policy is not asked.
 */
export function findInDigitGroups(input: DetectionInput): DigitGroupFindings {
  const found: DigitGroupFindings = { pan: [], ssn: [], myNumber: [], abaRouting: [] };
  const runs = input.digitRuns();
  if (runs.length === 0) return found;
  const { text } = input;
  for (const run of runs) {
    let cardsCoverUntil = -1;
    let nextSsn = 0;
    let nextMyNumber = 0;
    for (let i = 0; i < run.length; i++) {
      cardsCoverUntil = findCardsFrom(text, run, i, cardsCoverUntil, found.pan);
      if (i >= nextSsn) nextSsn = findSsnAt(input, run, i, found.ssn);
      if (i >= nextMyNumber) nextMyNumber = findMyNumberAt(input, run, i, found.myNumber);
      findAbaRoutingAt(input, run, i, found.abaRouting);
    }
  }
  return found;
}
