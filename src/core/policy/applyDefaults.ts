import type { EffectivePolicy } from './EffectivePolicy.ts';
import type { Policy } from './Policy.ts';
import {
  DEFAULT_AUDIT_MAX_EVENTS,
  DEFAULT_AUDIT_RETENTION_DAYS,
  DEFAULT_CHAT_AGENT_ATTACHMENTS,
  DEFAULT_CHAT_REPLY_CHECK,
  DEFAULT_COMPATIBILITY_MODE,
  DEFAULT_DETECTORS,
  DEFAULT_DISPLAY,
  DEFAULT_ELEVATED_VIEW_ALLOWED,
  DEFAULT_IVR_STATUS_VALUES,
  DEFAULT_PATTERN_DISPLAY,
  DEFAULT_REASON_REQUIRED,
  DEFAULT_REVEAL_SECONDS,
  DEFAULT_SHOW_NATIVE_PANEL,
} from './policyDefaults.ts';

/** Fills every unset setting of a valid policy with its default. Returns fresh objects; the input is not touched. */
export function applyDefaults(policy: Policy): EffectivePolicy {
  const { instance, masking, roles, secureIvr, risk, dialing, audit, framing, ccp, chat, card } = policy;
  return {
    instance: {
      ccpUrl: instance.ccpUrl,
      loginUrl: instance.loginUrl ?? null,
      region: instance.region ?? null,
      alternates: (instance.alternates ?? []).map((alternate) => ({
        name: alternate.name,
        ccpUrl: alternate.ccpUrl,
        loginUrl: alternate.loginUrl ?? null,
        region: alternate.region ?? null,
      })),
    },
    approvedOrigins: [...(policy.approvedOrigins ?? [])],
    masking: {
      detectors: { ...DEFAULT_DETECTORS, ...masking?.detectors },
      attributeRules: (masking?.attributeRules ?? []).map((rule) => ({ ...rule })),
      patterns: (masking?.patterns ?? []).map((pattern) => ({
        name: pattern.name,
        regex: pattern.regex,
        display: pattern.display ?? DEFAULT_PATTERN_DISPLAY,
      })),
      display: { ...DEFAULT_DISPLAY, ...masking?.display },
    },
    roles: {
      elevatedViewAllowed: roles?.elevatedViewAllowed ?? DEFAULT_ELEVATED_VIEW_ALLOWED,
      supervisors: {
        usernames: [...(roles?.supervisors?.usernames ?? [])],
        routingProfiles: [...(roles?.supervisors?.routingProfiles ?? [])],
        permissions: [...(roles?.supervisors?.permissions ?? [])],
      },
      revealableKinds: [...(roles?.revealableKinds ?? [])],
      revealSeconds: roles?.revealSeconds ?? DEFAULT_REVEAL_SECONDS,
      reasonRequired: roles?.reasonRequired ?? DEFAULT_REASON_REQUIRED,
    },
    secureIvr: {
      fields: (secureIvr?.fields ?? []).map((field) => ({
        label: field.label,
        valueAttribute: field.valueAttribute,
        statusAttribute: field.statusAttribute,
        attemptsAttribute: field.attemptsAttribute ?? null,
        failureReasonAttribute: field.failureReasonAttribute ?? null,
        // A field that lists its own status words owns the whole vocabulary: mixing in defaults
        // could give one word two meanings.
        statusValues: field.statusValues
          ? {
              captured: [...(field.statusValues.captured ?? [])],
              inProgress: [...(field.statusValues.inProgress ?? [])],
              failed: [...(field.statusValues.failed ?? [])],
            }
          : {
              captured: [...DEFAULT_IVR_STATUS_VALUES.captured],
              inProgress: [...DEFAULT_IVR_STATUS_VALUES.inProgress],
              failed: [...DEFAULT_IVR_STATUS_VALUES.failed],
            },
      })),
    },
    risk: {
      denyList: [...(risk?.denyList ?? [])],
      repeatContact: risk?.repeatContact ? { ...risk.repeatContact } : null,
    },
    dialing: {
      defaultCountry: dialing?.defaultCountry ?? null,
      allowedCountries: dialing?.allowedCountries ? [...dialing.allowedCountries] : null,
    },
    audit: {
      endpoint: audit?.endpoint ?? null,
      retentionDays: audit?.retentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS,
      maxEvents: audit?.maxEvents ?? DEFAULT_AUDIT_MAX_EVENTS,
      headers: (audit?.headers ?? []).map((header) => ({ name: header.name, value: header.value })),
    },
    framing: { compatibilityMode: framing?.compatibilityMode ?? DEFAULT_COMPATIBILITY_MODE },
    ccp: { showNativePanel: ccp?.showNativePanel ?? DEFAULT_SHOW_NATIVE_PANEL },
    chat: { replyCheck: chat?.replyCheck ?? DEFAULT_CHAT_REPLY_CHECK, agentAttachments: chat?.agentAttachments ?? DEFAULT_CHAT_AGENT_ATTACHMENTS },
    card: {
      attributes: (card?.attributes ?? []).map((entry) => ({
        match: entry.match,
        label: { en: entry.label?.en ?? null, ja: entry.label?.ja ?? null },
        hidden: entry.hidden ?? false,
      })),
    },
  };
}
