import type { AttributeRule } from '../policy/Policy.ts';
import { decideByBuiltInName, decideByPolicyRules, type NameRuleDecision } from './attributeNameRules.ts';
import { describeName, type NameWords } from './contextWords.ts';

export interface NameClassification {
  words: NameWords;
  decision: NameRuleDecision | null;
}

/** Connect flows set the same few dozen attribute names on every contact. */
const NAMES_KEPT = 1024;

/**
 * Names shared by every engine: a name's words and its built-in hint depend on the name alone, not
 * on the policy, so an engine built for a new policy (or a second engine beside the first) does not
 * split the same names again — on a new engine that was about a sixth of masking a 32 KB map.
 */
const SHARED_NAMES_KEPT = 2048;
const sharedNames = new Map<string, NameClassification>();

/** Longer names are split on their first 128 characters anyway; a name held whole stays small. */
const MAX_SHARED_NAME = 128;
/** Fewer digits than the shortest phone number the detectors look for. */
const MAX_SHARED_NAME_DIGITS = 6;
const DECIMAL_DIGIT = /\p{Nd}/gu;

/**
 * Names are attribute keys, set by the flow, not by the customer; still, a flow can write a value
 * into a name. A name that could hold a phone number, a card, an SSN or an e-mail address (seven
 * digits or more of any script, or an `@`, full-width included) is not kept beyond the engine that met it: it is split again each time.
 */
export function mayBeShared(name: string): boolean {
  if (name.length > MAX_SHARED_NAME || name.includes('@') || name.includes('\uFF20')) return false;
  // Digits of every script (Arabic-Indic, Devanagari, full-width…): the detectors read them as digits too. Asked only on a miss.
  return (name.match(DECIMAL_DIGIT)?.length ?? 0) <= MAX_SHARED_NAME_DIGITS;
}

/** The name's words and built-in decision, the same object for every engine (both are read only). */
function builtInClassification(name: string): NameClassification {
  const hit = sharedNames.get(name);
  if (hit !== undefined) return hit;
  const words = describeName(name);
  const classified: NameClassification = { words, decision: decideByBuiltInName(words) };
  if (!mayBeShared(name)) return classified;
  sharedNames.set(name, classified);
  // Past the bound the oldest name goes first (no reordering on a hit: see below).
  if (sharedNames.size > SHARED_NAMES_KEPT) {
    const oldest = sharedNames.keys().next();
    if (oldest.done !== true) sharedNames.delete(oldest.value);
  }
  return classified;
}

/**
 * What an attribute's name says, worked out once per name: splitting names with regexes on every
 * update was a visible part of masking a map. The built-in part is shared by all engines; the
 * policy's rules, fixed per engine, are applied once per name per engine. Names are not sensitive;
 * values are never kept here.
 */
export function createNameClassifier(rules: readonly AttributeRule[] | undefined): (name: string) => NameClassification {
  // Without rules the built-in decision is the decision: nothing of the engine's own to remember.
  if (rules === undefined || rules.length === 0) return builtInClassification;
  // A hit is a plain look-up (no reordering: the map is masked again on every update, so a
  // least-recently-used order cost a delete and an insert per attribute); past the bound the
  // oldest name goes first.
  const known = new Map<string, NameClassification>();
  return (name) => {
    const hit = known.get(name);
    if (hit !== undefined) return hit;
    const builtIn = builtInClassification(name);
    const classified: NameClassification = { words: builtIn.words, decision: decideByPolicyRules(name, rules, builtIn.decision) };
    known.set(name, classified);
    if (known.size > NAMES_KEPT) {
      const oldest = known.keys().next();
      if (oldest.done !== true) known.delete(oldest.value);
    }
    return classified;
  };
}
