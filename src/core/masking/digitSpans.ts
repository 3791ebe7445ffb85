/**
 * Where the digits are: one pass over a normalised text that every number detector shares. Card,
 * SSN, My Number and routing detectors join these spans into runs with one rule, the phone
 * detector into chains with another (read in place); neither walks the text character by character again.
 */
export interface DigitSpan {
  start: number;
  /** Exclusive. */
  end: number;
}

/** True when `digits` is exactly `length` ASCII digits (what `/^[0-9]{n}$/` says, without a regex run per check). */
export function isAsciiDigits(digits: string, length: number): boolean {
  if (digits.length !== length) return false;
  for (let i = 0; i < length; i++) {
    const code = digits.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}
