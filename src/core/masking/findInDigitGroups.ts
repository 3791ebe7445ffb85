import { findAbaRoutingAt } from './detectors/abaRouting.ts';
import { findCardsFrom } from './detectors/cardNumber.ts';
import { findMyNumberAt } from './detectors/myNumber.ts';
import { findSsnAt } from './detectors/ssn.ts';
import type { DetectionInput, Finding } from './Finding.ts';

/** The fewest digits an SSN or a routing number has, and a card (Maestro) or a My Number. */
const SHORTEST = 9;
const CARD_OR_MY_NUMBER = 12;

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
    // Digits from group i to the run's end: a card needs 12, a My Number 12, an SSN or a routing
    // number 9, so most runs (dates, amounts, postal codes) and the tails of others are skipped.
    let remaining = 0;
    for (const group of run) remaining += group.size;
    if (remaining < SHORTEST) continue;
    let cardsCoverUntil = -1;
    let nextSsn = 0;
    let nextMyNumber = 0;
    for (let i = 0; i < run.length && remaining >= SHORTEST; i++) {
      if (remaining >= CARD_OR_MY_NUMBER) {
        cardsCoverUntil = findCardsFrom(text, run, i, cardsCoverUntil, found.pan);
        if (i >= nextMyNumber) nextMyNumber = findMyNumberAt(input, run, i, found.myNumber);
      }
      if (i >= nextSsn) nextSsn = findSsnAt(input, run, i, found.ssn);
      findAbaRoutingAt(input, run, i, found.abaRouting);
      remaining -= run[i]?.size ?? 0;
    }
  }
  return found;
}
