import type { ContactMasker } from './ContactMasker.ts';

export const HIDDEN_DISPLAY = '••••••••';

/**
 * Masks every value. Used whenever the real masking engine cannot be built (no policy, an engine
 * that throws): the agent sees that a value exists, never what it is.
 */
export const failClosedMasker: ContactMasker = {
  maskAttributes(attributes) {
    return {
      attributes: Object.keys(attributes).map((name) => ({ name, display: HIDDEN_DISPLAY, kinds: ['hidden'], masked: true })),
      auditEvents: [],
    };
  },
  maskText() {
    return { display: HIDDEN_DISPLAY };
  },
};
