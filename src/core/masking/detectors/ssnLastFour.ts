import type { Detector, Finding } from '../Finding.ts';
import { LABEL_FAMILY } from '../labelMentions.ts';

/**
 * An SSN's last four under their words ("last four of my social is 6718", "SSN last 4: 4507"), as
 * US contact centres verify callers with them: what proves who the caller is, masked as the SSN is.
 * A card's last four may be shown (PCI DSS) and is not read here. Bounded quantifiers only.
 */
const LAST_FOUR =
  /(?:last (?:four|4)(?: digits)? of (?:your |the |my |his |her |their )?(?:social(?: security(?: number| no\.?)?)?|ssn)|(?:ssn|social) last (?:four|4)|社会保障番号の?下4桁)(?![a-z])[^0-9a-z\n]{0,6}(?:(?:is|was|are)[^0-9a-z\n]{0,3})?([0-9]{4})(?![0-9])/gi;

export const ssnLastFourDetector: Detector = {
  name: 'ssn:lastFour',
  detect(input) {
    const findings: Finding[] = [];
    if ((input.labelFamilies() & LABEL_FAMILY.lastFour) === 0) return findings;
    const { text } = input;
    LAST_FOUR.lastIndex = 0;
    for (const match of text.matchAll(LAST_FOUR)) {
      const end = match.index + match[0].length;
      findings.push({ kind: 'ssn', start: end - 4, end, detector: 'ssn:lastFour' });
    }
    return findings;
  },
};
