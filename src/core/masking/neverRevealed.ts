import type { SensitiveKind } from '../policy/Policy.ts';

/**
 * Kinds no one reveals: a card number never shows more than the PCI format an agent already
 * sees, and ciphertext is never displayed (invariants 1 and 5).
 */
export const NEVER_REVEALED: ReadonlySet<SensitiveKind> = new Set(['pan', 'ciphertext']);
