import type { Detector, Finding } from '../Finding.ts';

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

function isLocalChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 0x2e || // .
    code === 0x5f || // _
    code === 0x25 || // %
    code === 0x2b || // +
    code === 0x2d // -
  );
}
function isDomainChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 0x2e || code === 0x2d;
}
function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * E-mail addresses, found from each `@` outwards with bounded steps (local part ≤ 64, domain ≤ 253),
 * so the work per `@` is bounded and the scan is linear. The domain needs a dot and a
 * letters-only top-level label of two or more.
 */
export const emailDetector: Detector = {
  name: 'email',
  detect({ text }) {
    const findings: Finding[] = [];
    let searchFrom = 0;
    let lastEnd = 0;
    for (;;) {
      const at = text.indexOf('@', searchFrom);
      if (at < 0) break;
      searchFrom = at + 1;
      let start = at;
      while (start > lastEnd && at - start < MAX_LOCAL && isLocalChar(text.charCodeAt(start - 1))) start--;
      while (start < at && text.charCodeAt(start) === 0x2e) start++;
      if (start === at) continue;
      let end = at + 1;
      while (end < text.length && end - at - 1 < MAX_DOMAIN && isDomainChar(text.charCodeAt(end))) end++;
      // A sentence-ending dot or hyphen is not part of the domain.
      while (end > at + 1 && (text.charCodeAt(end - 1) === 0x2e || text.charCodeAt(end - 1) === 0x2d)) end--;
      const domain = text.slice(at + 1, end);
      const lastDot = domain.lastIndexOf('.');
      if (lastDot <= 0) continue;
      const tld = domain.slice(lastDot + 1);
      if (tld.length < 2 || ![...tld].every((ch) => isLetter(ch.charCodeAt(0)))) continue;
      findings.push({ kind: 'email', start, end, detector: 'email' });
      lastEnd = end;
      searchFrom = end;
    }
    return findings;
  },
};
