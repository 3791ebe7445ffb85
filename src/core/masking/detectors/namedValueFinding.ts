import { decideByBuiltInName } from '../attributeNameRules.ts';
import { describeName } from '../contextWords.ts';
import type { Finding } from '../Finding.ts';
import { SENSITIVE_AUTH_DETECTOR, sensitiveAuthSort } from './sensitiveAuth.ts';

/**
 * The finding for a value that a name inside the text names (a flow block's, a bot slot's), read as
 * an attribute's name is: a code or PIN is sensitive authentication data (never revealed, an
 * incident), a card number, birth date or SSN takes that kind; null when the name says nothing.
 */
export function namedValueFinding(name: string, start: number, end: number, detector: string): Finding | null {
  const words = describeName(name);
  const decision = decideByBuiltInName(words);
  if (decision === null || decision.kind === 'public') return null;
  if (decision.sensitiveAuth === true) return { kind: 'secret', start, end, detector: `${SENSITIVE_AUTH_DETECTOR}:${sensitiveAuthSort(words.compact)}` };
  return { kind: decision.kind, start, end, detector };
}
