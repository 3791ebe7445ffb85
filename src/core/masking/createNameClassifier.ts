import type { AttributeRule } from '../policy/Policy.ts';
import { decideByName, type NameRuleDecision } from './attributeNameRules.ts';
import { describeName, type NameWords } from './contextWords.ts';
import { LruCache } from './LruCache.ts';

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
  const known = new LruCache<string, NameClassification>(NAMES_KEPT);
  const classify = (name: string): NameClassification => {
    const words = describeName(name);
    return { words, decision: decideByName(name, rules, words) };
  };
  return (name) => known.getOrCompute(name, classify);
}
