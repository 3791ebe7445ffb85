/**
 * Recent contacts by keyed hash of the caller, for the repeat-contact warning. Only hashes, times
 * and contact ids: never a number. The window slides: every write drops what fell out of it.
 */
export interface RepeatEntry {
  hash: string;
  at: number;
  contactId: string;
  /** Which contact from this caller within the window this one was (1 = the first). */
  ordinal: number;
}

export type RepeatLedger = readonly RepeatEntry[];

/** Bounds session storage even under a flood of distinct callers (each entry is about 120 bytes). */
export const MAX_LEDGER_ENTRIES = 20_000;

/**
 * Records one contact and says which contact from its caller within the window it is. Asking
 * again about the same contact (a reloaded page, a second window) returns the same answer and
 * counts nothing twice.
 */
export function recordContact(
  ledger: RepeatLedger,
  contact: { hash: string; contactId: string },
  now: number,
  windowMs: number,
): { ledger: RepeatEntry[]; ordinal: number } {
  const kept = pruneLedger(ledger, now, windowMs);
  const known = kept.find((entry) => entry.contactId === contact.contactId);
  if (known) return { ledger: kept, ordinal: known.ordinal };
  const ordinal = kept.filter((entry) => entry.hash === contact.hash).length + 1;
  kept.push({ hash: contact.hash, at: now, contactId: contact.contactId, ordinal });
  return { ledger: kept.length > MAX_LEDGER_ENTRIES ? kept.slice(kept.length - MAX_LEDGER_ENTRIES) : kept, ordinal };
}

/** Entries strictly inside the window ending now; one exactly `windowMs` old has left it. */
export function pruneLedger(ledger: RepeatLedger, now: number, windowMs: number): RepeatEntry[] {
  return ledger.filter((entry) => entry.at > now - windowMs && entry.at <= now);
}

export function isRepeatLedger(value: unknown): value is RepeatEntry[] {
  return (
    Array.isArray(value) &&
    value.every(
      (entry: unknown) =>
        typeof entry === 'object' &&
        entry !== null &&
        typeof (entry as RepeatEntry).hash === 'string' &&
        typeof (entry as RepeatEntry).at === 'number' &&
        typeof (entry as RepeatEntry).contactId === 'string' &&
        typeof (entry as RepeatEntry).ordinal === 'number',
    )
  );
}
