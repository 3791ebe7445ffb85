import { decideByBuiltInName } from '../attributeNameRules.ts';
import { describeName } from '../contextWords.ts';
import type { Detector, Finding } from '../Finding.ts';
import { SENSITIVE_AUTH_DETECTOR, sensitiveAuthSort } from './sensitiveAuth.ts';

/**
 * What a contact flow's log says a caller keyed in, named only by the block that asked for it:
 * `block=GetExpiry dtmf=0927#`, `module=CollectPin input=4821`. The block's name is read as an
 * attribute name is (`GetSecurityCode` is a card's code, `GetDOB` a birth date), and the digits
 * after it take that name's kind. Up to two other fields may stand between (`flow=… result=…`).
 * Bounded quantifiers only: linear per start.
 */
const BLOCK_INPUT =
  /\b(?:block|module|step|prompt|slot)(?:_?name|_?id)?[=:] ?"?([A-Za-z][\w-]{1,63})"?(?:[ \t,;|]+[\w.]{1,32}[=:] ?"?[^\s"=]{0,40}"?){0,2}?[ \t,;|]+[\w.]{0,24}(?:dtmf|input|digits|entered|value|response)[=:] ?"?([0-9](?:[0-9 -]{0,30}[0-9])?)#?/gi;
/** A card's expiry by its block's name: only in a log that speaks of a card. */
const EXPIRY_NAME = /exp(?:iry|iration)?(?:date)?$/i;
const ABOUT_A_CARD = /card|pan\b|cvv|cvc/i;

export const flowBlockInputDetector: Detector = {
  name: 'flowBlockInput',
  detect(input) {
    const findings: Finding[] = [];
    const { text } = input;
    if (!/dtmf|input|digits|entered|value|response/i.test(text)) return findings;
    BLOCK_INPUT.lastIndex = 0;
    for (const match of text.matchAll(BLOCK_INPUT)) {
      const block = match[1] ?? '';
      const value = match[2] ?? '';
      const end = match.index + match[0].length - (match[0].endsWith('#') ? 1 : 0);
      const start = end - value.length;
      const words = describeName(block);
      const decision = decideByBuiltInName(words);
      if (decision?.sensitiveAuth === true) {
        findings.push({ kind: 'secret', start, end, detector: `${SENSITIVE_AUTH_DETECTOR}:${sensitiveAuthSort(words.compact)}` });
      } else if (decision !== null && decision.kind !== 'public') {
        findings.push({ kind: decision.kind, start, end, detector: 'flowBlockInput' });
      } else if (EXPIRY_NAME.test(block) && ABOUT_A_CARD.test(text)) {
        findings.push({ kind: 'secret', start, end, detector: 'cardExpiry' });
      }
    }
    return findings;
  },
};
