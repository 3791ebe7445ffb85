import { findAbaRoutingAt } from './detectors/abaRouting.ts';
import { findCardsFrom } from './detectors/cardNumber.ts';
import { findMyNumberAt } from './detectors/myNumber.ts';
import { findSsnAt } from './detectors/ssn.ts';
import type { DetectionInput, Finding } from './Finding.ts';
import { releaseDigitRuns, scanDigitRuns, type DigitGroups } from './scanDigitGroups.ts';

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
 * Runs of fewer than 9 digits (dates, amounts, postal codes) are never entered in the group table.
 */
export function findInDigitGroups(input: DetectionInput): DigitGroupFindings {
  const found: DigitGroupFindings = { pan: [], ssn: [], myNumber: [], abaRouting: [] };
  const spans = input.digitSpans();
  if (spans.length === 0) return found;
  const groups = scanDigitRuns(input.text, spans, SHORTEST);
  try {
    walk(input, groups, found);
  } finally {
    releaseDigitRuns();
  }
  return found;
}

function walk(input: DetectionInput, groups: DigitGroups, found: DigitGroupFindings): void {
  const { start, end, runStart } = groups;
  for (let r = 0; r < groups.runs; r++) {
    const runFirst = runStart[r] ?? 0;
    const runEnd = runStart[r + 1] ?? 0;
    // Digits from group i to the run's end: a card needs 12, a My Number 12, an SSN or a routing
    // number 9, so the tails of runs are skipped.
    let remaining = 0;
    for (let g = runFirst; g < runEnd; g++) remaining += (end[g] ?? 0) - (start[g] ?? 0);
    let cardsCoverUntil = -1;
    let nextSsn = runFirst;
    let nextMyNumber = runFirst;
    for (let i = runFirst; i < runEnd && remaining >= SHORTEST; i++) {
      if (remaining >= CARD_OR_MY_NUMBER) {
        cardsCoverUntil = findCardsFrom(groups, runFirst, runEnd, i, cardsCoverUntil, found.pan);
        if (i >= nextMyNumber) nextMyNumber = findMyNumberAt(input, groups, runFirst, runEnd, i, found.myNumber);
      }
      if (i >= nextSsn) nextSsn = findSsnAt(input, groups, runFirst, runEnd, i, found.ssn);
      findAbaRoutingAt(input, groups, runFirst, runEnd, i, found.abaRouting);
      remaining -= (end[i] ?? 0) - (start[i] ?? 0);
    }
  }
}
