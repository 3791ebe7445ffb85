import type { Detector, Finding } from '../Finding.ts';
import { namedValueFinding } from './namedValueFinding.ts';

/**
 * A bot's slot in the JSON Amazon Lex V2 returns and Connect logs and stores
 * (`"slots":{"DateOfBirth":{"value":{"originalValue":"march third…","interpretedValue":"1991-03-03",
 * "resolvedValues":["1991-03-03"]}}}`): the slot's name says what each of its values is, as an
 * attribute's name does, whatever form the caller said it in. Bounded quantifiers only.
 */
const SLOT = /"([A-Za-z][\w-]{0,63})"\s{0,4}:\s{0,4}\{\s{0,4}"value"\s{0,4}:\s{0,4}\{([^{}]{0,800})\}/g;
const SLOT_VALUE = /"(?:originalValue|interpretedValue)"\s{0,4}:\s{0,4}"([^"\\\n]{1,200})"|"resolvedValues"\s{0,4}:\s{0,4}\[([^\]]{0,400})\]/g;
const LISTED = /"([^"\\\n]{1,200})"/g;

export const botSlotValuesDetector: Detector = {
  name: 'botSlotValues',
  detect(input) {
    const findings: Finding[] = [];
    const { text } = input;
    if (!text.includes('"value"')) return findings;
    SLOT.lastIndex = 0;
    for (const slot of text.matchAll(SLOT)) {
      const name = slot[1] ?? '';
      const body = slot[2] ?? '';
      const bodyStart = slot.index + slot[0].length - 1 - body.length;
      for (const value of body.matchAll(SLOT_VALUE)) {
        const spans: Array<[number, number]> = [];
        if (value[1] !== undefined) {
          const end = bodyStart + value.index + value[0].length - 1;
          spans.push([end - value[1].length, end]);
        } else {
          const list = value[2] ?? '';
          const listStart = bodyStart + value.index + value[0].length - 1 - list.length;
          for (const item of list.matchAll(LISTED)) spans.push([listStart + item.index + 1, listStart + item.index + item[0].length - 1]);
        }
        for (const [start, end] of spans) {
          const named = namedValueFinding(name, start, end, 'botSlotValues');
          if (named !== null) findings.push(named);
        }
      }
    }
    return findings;
  },
};
