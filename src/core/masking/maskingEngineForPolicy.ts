import type { EffectivePolicy } from '../policy/EffectivePolicy.ts';
import { createMaskingEngine } from './createMaskingEngine.ts';
import type { MaskLabels } from './displayFormat.ts';
import type { MaskingEngine } from './MaskingEngine.ts';

/** What the engine needs to know about the agent's side: the locale (labels, phone countries). */
export interface AgentLocale {
  /** The browser's UI language (or the CLI's `--locale`), e.g. `ja`, `en-GB`. */
  locale?: string | null;
  /** Label words in that language, from `_locales/<lang>/messages.json` (`maskLabel_<kind>`). */
  labels?: MaskLabels;
}

/**
 * The one way a policy becomes a masking engine, used by the shell and by the `mask` CLI alike, so
 * the CLI prints exactly what the card shows: the effective policy (every default filled in), the
 * candidate phone countries from the policy's default country, the instance's region and the
 * locale, and the locale's labels.
 */
export function maskingEngineForPolicy(policy: EffectivePolicy, agent: AgentLocale = {}): MaskingEngine {
  return createMaskingEngine(policy.masking, {
    defaultCountry: policy.dialing.defaultCountry,
    instanceRegion: policy.instance.region,
    locale: agent.locale ?? null,
    ...(agent.labels ? { labels: agent.labels } : {}),
  });
}
