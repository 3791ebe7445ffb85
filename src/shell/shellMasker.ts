import type { ContactMasker } from '../core/contact/ContactMasker.ts';
import { failClosedMasker } from '../core/contact/failClosedMasker.ts';
import { maskLabelKey } from '../core/masking/maskLabelsFromMessages.ts';
import { maskingEngineForPolicy } from '../core/masking/maskingEngineForPolicy.ts';
import type { EffectivePolicy } from '../core/policy/EffectivePolicy.ts';
import { t } from '../platform/i18n.ts';

/**
 * The shell's masker: the same `maskingEngineForPolicy` the `mask` CLI uses, with the browser's
 * language for labels and phone countries. A policy the worker accepted always builds an engine;
 * should it ever throw, every value is hidden.
 */
export function shellMasker(policy: EffectivePolicy, locale: string = navigator.language): ContactMasker {
  try {
    return maskingEngineForPolicy(policy, { locale, labels: (kind) => t(maskLabelKey(kind)) });
  } catch {
    return failClosedMasker;
  }
}
