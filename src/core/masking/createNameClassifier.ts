import type { AttributeRule } from '../policy/Policy.ts';
import { decideByName, type NameRuleDecision } from './attributeNameRules.ts';
import { describeName, type NameWords } from './contextWords.ts';

export interface NameClassification {
  words: NameWords;
  decision: NameRuleDecision | null;
}

/** Connect flows set the same few dozen attribute names on every contact. */
const NAMES_KEPT = 1024;

/**
 * What an attribute's name says, worked out once per name for the engine's lifetime: the rules are
 * fixed per policy, and splitting names with regexes on every update was a visible part of masking
 * a map. Names are not sensitive; values are never kept here.
 */
export function createNameClassifier(rules: readonly AttributeRule[] | undefined): (name: string) => NameClassification {
  // A hit is a plain look-up (no reordering: the map is masked again on every update, so a
  // least-recently-used order cost a delete and an insert per attribute); past the bound the
  // oldest name goes first.
  const known = new Map<string, NameClassification>();
  return (name) => {
    const hit = known.get(name);
    if (hit !== undefined) return hit;
    const words = describeName(name);
    const classified: NameClassification = { words, decision: decideByName(name, rules, words) };
    known.set(name, classified);
    if (known.size > NAMES_KEPT) {
      const oldest = known.keys().next();
      if (oldest.done !== true) known.delete(oldest.value);
    }
    return classified;
  };
}
