import { HIDDEN_PLACEHOLDER } from '../masking/displayFormat.ts';
import { maskEverything } from '../masking/maskEverything.ts';
import type { ContactMasker } from './ContactMasker.ts';

/**
 * Masks every value. Used whenever the real masking engine cannot be built (no policy, an engine
 * that throws): the agent sees that a value exists, never what it is.
 */
export const failClosedMasker: ContactMasker = {
  maskAttributes: maskEverything,
  maskText: () => ({ display: HIDDEN_PLACEHOLDER, findings: [] }),
  maskAdjacentTexts: (texts) => ({ displays: texts.map(() => HIDDEN_PLACEHOLDER), findings: texts.map(() => []) }),
  revealDisplay: () => ({ display: HIDDEN_PLACEHOLDER, shownKinds: [], auditEvents: [] }),
};
