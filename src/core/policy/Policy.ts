/**
 * The one policy document IT deploys (managed storage) or an agent's machine holds locally.
 * The JSON Schema in `policySchema.ts` is the single source of truth for validation; this type
 * mirrors it so the rest of the core can be typed. A test keeps them in step.
 */

/** What a value is, once classified. `public` means "no name rule hides it" — it is still scanned. */
export type SensitiveKind =
  'pan' | 'ssn' | 'myNumber' | 'idDocument' | 'iban' | 'abaRouting' | 'accountNumber' | 'email' | 'phone' | 'dob' | 'ciphertext' | 'secret' | 'custom';

export type AttributeRuleKind = SensitiveKind | 'public';

/** Built-in detectors an organization can switch. Card numbers and ciphertext cannot be switched off. */
export type DetectorName = 'pan' | 'ssn' | 'myNumber' | 'idDocument' | 'iban' | 'abaRouting' | 'accountNumber' | 'email' | 'phone' | 'dob' | 'ciphertext';

/** How a masked value is drawn: `lastFour` → "•••• 1111", `full` → "••••••••", `label` → "[SSN]". */
export type DisplayFormat = 'lastFour' | 'full' | 'label';

interface InstanceSettings {
  /** https://<alias>.my.connect.aws/ccp-v2 (or the awsapps.com form). */
  ccpUrl: string;
  loginUrl?: string;
  /** AWS region of the instance, e.g. `ap-northeast-1`; chat uses it for the participant service. */
  region?: string;
}

interface AlternateInstance extends InstanceSettings {
  /** Shown to the agent when choosing an instance. */
  name: string;
}

export interface AttributeRule {
  /** An attribute name, or a glob with `*` (e.g. `card_*`, `*Token`). Case-insensitive. */
  match: string;
  kind: AttributeRuleKind;
}

export interface CustomPattern {
  name: string;
  /** An ECMAScript regular expression source, without slashes; must not backtrack catastrophically. */
  regex: string;
  display?: DisplayFormat;
}

export interface MaskingSettings {
  detectors?: Partial<Record<DetectorName, boolean>>;
  attributeRules?: AttributeRule[];
  patterns?: CustomPattern[];
  /** Display format per kind; cards can never be shown beyond `lastFour`. */
  display?: Partial<Record<SensitiveKind, DisplayFormat>>;
}

interface SupervisorMatch {
  usernames?: string[];
  routingProfiles?: string[];
  permissions?: string[];
}

export interface RoleSettings {
  /** This browser allows an elevated (supervisor) view at all. Default false. */
  elevatedViewAllowed?: boolean;
  supervisors?: SupervisorMatch;
  revealableKinds?: SensitiveKind[];
  revealSeconds?: number;
  reasonRequired?: boolean;
}

interface SecureIvrField {
  label: string;
  valueAttribute: string;
  statusAttribute: string;
  attemptsAttribute?: string;
  failureReasonAttribute?: string;
  statusValues?: {
    captured?: string[];
    inProgress?: string[];
    failed?: string[];
  };
}

interface RiskSettings {
  denyList?: string[];
  repeatContact?: { count: number; windowMinutes: number };
}

interface DialingSettings {
  defaultCountry?: string;
  allowedCountries?: string[];
}

interface AuditHeader {
  name: string;
  value: string;
}

interface AuditSettings {
  endpoint?: string;
  retentionDays?: number;
  /** Most events kept in the browser (delivered or not); the oldest go first. */
  maxEvents?: number;
  /** Static headers sent with every export, e.g. the collector's API key. Never shown to pages. */
  headers?: AuditHeader[];
}

interface FramingSettings {
  /** Rewrite the CCP's frame-ancestors for this extension only (see README). Default false. */
  compatibilityMode?: boolean;
}

interface CcpPanelSettings {
  /**
   * Keep Amazon's CCP panel visible after sign-in. Default false: it shows caller numbers and
   * chat transcripts unmasked, so the shell hides it and offers every control itself.
   */
  showNativePanel?: boolean;
}

interface ChatSettings {
  /** A reply with a card number or national ID: `warn` asks the agent to confirm, `block` refuses it. Default `warn`. */
  replyCheck?: 'warn' | 'block';
  /** Agents may send files in chats (Connect's type and size limits apply). Default false. */
  agentAttachments?: boolean;
}

/** How the contact card shows one attribute, or every attribute a glob matches. */
interface CardAttributeSetting {
  /** An attribute name or a glob with `*`, case-insensitive. */
  match: string;
  /** Shown instead of the name, per browser language; English where a language has none. */
  label?: { en?: string; ja?: string };
  /** Agents do not see the attribute at all. Default false. */
  hidden?: boolean;
}

interface CardSettings {
  /** In card order; the first entry that matches an attribute decides. */
  attributes?: CardAttributeSetting[];
}

export interface Policy {
  instance: InstanceSettings & { alternates?: AlternateInstance[] };
  approvedOrigins?: string[];
  masking?: MaskingSettings;
  roles?: RoleSettings;
  secureIvr?: { fields?: SecureIvrField[] };
  risk?: RiskSettings;
  dialing?: DialingSettings;
  audit?: AuditSettings;
  framing?: FramingSettings;
  ccp?: CcpPanelSettings;
  chat?: ChatSettings;
  card?: CardSettings;
  /** The seal `policy export` adds (see `integrity/policySeal.ts`); never written by hand. */
  integrity?: string;
}
