import type { Detector, Finding } from '../Finding.ts';
import { ABOUT_A_CARD } from './labelledCardExpiry.ts';
import { namedValueFinding } from './namedValueFinding.ts';

/**
 * What a contact flow's log says a caller keyed in, named only by the block that asked for it:
 * `block=GetExpiry dtmf=0927#`, `module=CollectPin input=4821`. The block's name is read as an
 * attribute name is (`GetSecurityCode` is a card's code, `GetDOB` a birth date), and the digits
 * after it take that name's kind (key=value fields, as flow logs write them). Up to two other
 * fields may stand between (`flow=… result=…`).
 * Bounded quantifiers only: linear per start.
 */
const BLOCK_INPUT =
  /\b(?:block|module|step|prompt|slot)(?:_?name|_?id)?= ?"?([A-Za-z][\w-]{1,63})"?(?:[ \t,;|]+[\w.]{1,32}[=:] ?"?[^\s"=]{0,40}"?){0,2}?[ \t,;|]+[\w.]{0,24}(?:dtmf|input|digits|entered|value|response)[=:] ?"?([0-9](?:[0-9 -]{0,30}[0-9])?)#?/gi;
/**
 * A flow log's Set contact attributes and Store customer input entries (`"Parameters":{"Key":
 * "ワンタイムコード","Value":"204857"}`): the key names the value.
 */
const KEY_VALUE = /"Key"\s{0,4}:\s{0,4}"([^"\\\n]{1,64})"\s{0,4},\s{0,4}"Value"\s{0,4}:\s{0,4}"([^"\\\n]{1,200})"/g;
/** A card's expiry by its block's name: only in a log that speaks of a card (the labelled expiry's test). */
const EXPIRY_NAME = /exp(?:iry|iration)?(?:date)?$/i;

export const flowBlockInputDetector: Detector = {
  name: 'flowBlockInput',
  detect(input) {
    const findings: Finding[] = [];
    const { text } = input;
    // A log's key=value fields: one native search before any pattern runs (most values hold no '=').
    const blocks = text.includes('=') && /dtmf|input|digits|entered|value|response/i.test(text);
    BLOCK_INPUT.lastIndex = 0;
    for (const match of blocks ? text.matchAll(BLOCK_INPUT) : []) {
      const block = match[1] ?? '';
      const value = match[2] ?? '';
      const end = match.index + match[0].length - (match[0].endsWith('#') ? 1 : 0);
      const start = end - value.length;
      const named = namedValueFinding(block, start, end, 'flowBlockInput');
      if (named !== null) {
        findings.push(named);
      } else if (EXPIRY_NAME.test(block) && ABOUT_A_CARD.test(text)) {
        findings.push({ kind: 'secret', start, end, detector: 'cardExpiry' });
      }
    }
    if (text.includes('"Key"')) {
      KEY_VALUE.lastIndex = 0;
      for (const match of text.matchAll(KEY_VALUE)) {
        const value = match[2] ?? '';
        const end = match.index + match[0].length - 1;
        const named = namedValueFinding(match[1] ?? '', end - value.length, end, 'flowBlockInput');
        if (named !== null) findings.push(named);
      }
    }
    return findings;
  },
};
