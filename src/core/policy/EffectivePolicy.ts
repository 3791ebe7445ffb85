import type { AttributeRule, DetectorName, DisplayFormat, SensitiveKind } from './Policy.ts';

/**
 * A policy with every optional setting filled in: what the extension actually enforces.
 * `null` means "deliberately none" (no login page, no audit export, any country), so consumers
 * never write `?? default` of their own.
 */
export interface EffectivePolicy {
  instance: EffectiveInstance & { alternates: (EffectiveInstance & { name: string })[] };
  /** Canonical https origins, possibly `https://*.example.com` wildcards. */
  approvedOrigins: string[];
  masking: {
    detectors: Record<DetectorName, boolean>;
    attributeRules: AttributeRule[];
    patterns: { name: string; regex: string; display: DisplayFormat }[];
    display: Record<SensitiveKind, DisplayFormat>;
  };
  roles: {
    elevatedViewAllowed: boolean;
    supervisors: { usernames: string[]; routingProfiles: string[]; permissions: string[] };
    revealableKinds: SensitiveKind[];
    revealSeconds: number;
    reasonRequired: boolean;
  };
  secureIvr: { fields: EffectiveSecureIvrField[] };
  risk: {
    denyList: string[];
    /** null: repeat-contact warnings are off. */
    repeatContact: { count: number; windowMinutes: number } | null;
  };
  dialing: {
    /** null: numbers must be dialled with + and a country code. */
    defaultCountry: string | null;
    /** null: any country. */
    allowedCountries: string[] | null;
  };
  audit: {
    /** null: audit events stay in the browser. */
    endpoint: string | null;
    retentionDays: number;
    maxEvents: number;
    headers: Array<{ name: string; value: string }>;
  };
  framing: { compatibilityMode: boolean };
  ccp: { showNativePanel: boolean };
  chat: { replyCheck: 'warn' | 'block'; agentAttachments: boolean };
  card: { attributes: EffectiveCardAttribute[] };
}

export interface EffectiveCardAttribute {
  match: string;
  /** null: that language has no label of its own. */
  label: { en: string | null; ja: string | null };
  hidden: boolean;
}

export interface EffectiveInstance {
  ccpUrl: string;
  loginUrl: string | null;
  region: string | null;
}

export interface EffectiveSecureIvrField {
  label: string;
  valueAttribute: string;
  statusAttribute: string;
  /** null: attempts are counted from the status changes seen during the contact. */
  attemptsAttribute: string | null;
  failureReasonAttribute: string | null;
  statusValues: { captured: string[]; inProgress: string[]; failed: string[] };
}
