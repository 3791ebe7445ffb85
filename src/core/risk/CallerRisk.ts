/**
 * What a page learns about a contact's caller: a verdict, never the number, the list or a hash.
 * - `checked`: a number was read and compared;
 * - `withheld`: the caller withheld their number (anonymous, private, none): labelled, never
 *   matched or counted;
 * - `unrecognized`: digits that are no number of any candidate country: counted, never matched;
 * - `not_provided`: the channel gives no customer identifier (a web chat, a task).
 */
type CallerCheck = 'checked' | 'withheld' | 'unrecognized' | 'not_provided';

export interface CallerRisk {
  check: CallerCheck;
  denyListed: boolean;
  /** Set when this contact is more than the policy's count within its window. */
  repeat: { ordinal: number; windowMinutes: number } | null;
}

export const NO_CALLER_RISK: CallerRisk = { check: 'not_provided', denyListed: false, repeat: null };
