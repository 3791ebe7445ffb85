import type { SensitiveKind } from '../policy/Policy.ts';

/** One value a supervisor revealed, held only until `until` (ms since epoch). */
export interface ActiveReveal {
  contactId: string;
  attributeName: string;
  kind: SensitiveKind;
  /** The attribute's display during the reveal: the revealed kind shown, every other finding masked. */
  display: string;
  until: number;
}

/** What the masker made of a re-read value for a reveal. */
export interface RevealedDisplay {
  display: string;
  shownKinds: SensitiveKind[];
}
