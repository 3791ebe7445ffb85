import type { DetectorName, DisplayFormat, SensitiveKind } from './Policy.ts';
import { DETECTOR_NAMES } from './policyVocabulary.ts';

/**
 * What an unset setting means. A policy with only `instance.ccpUrl` gets: every built-in detector
 * on, no elevated view, PCI display formats (cards at most their last four digits).
 */
export const DEFAULT_DETECTORS: Readonly<Record<DetectorName, boolean>> = Object.fromEntries(DETECTOR_NAMES.map((name) => [name, true])) as Record<
  DetectorName,
  boolean
>;

export const DEFAULT_DISPLAY: Readonly<Record<SensitiveKind, DisplayFormat>> = {
  pan: 'lastFour',
  ssn: 'lastFour',
  // My Number guidance discourages showing any part of it.
  myNumber: 'label',
  idDocument: 'lastFour',
  iban: 'lastFour',
  abaRouting: 'lastFour',
  accountNumber: 'lastFour',
  email: 'label',
  phone: 'lastFour',
  dob: 'full',
  ciphertext: 'label',
  secret: 'full',
  custom: 'full',
};

export const DEFAULT_PATTERN_DISPLAY: DisplayFormat = 'full';
export const DEFAULT_REVEAL_SECONDS = 30;
export const DEFAULT_REASON_REQUIRED = true;
export const DEFAULT_ELEVATED_VIEW_ALLOWED = false;
export const DEFAULT_AUDIT_RETENTION_DAYS = 30;
export const DEFAULT_AUDIT_MAX_EVENTS = 10_000;
export const DEFAULT_COMPATIBILITY_MODE = false;
/** Amazon's panel shows raw caller numbers and chat: hidden after sign-in unless IT says otherwise. */
export const DEFAULT_SHOW_NATIVE_PANEL = false;
export const DEFAULT_CHAT_REPLY_CHECK: 'warn' | 'block' = 'warn';
export const DEFAULT_CHAT_AGENT_ATTACHMENTS: boolean = false;

/** Status words used when a secure-IVR field lists none of its own (compared case-insensitively). */
export const DEFAULT_IVR_STATUS_VALUES = {
  captured: ['captured', 'success', 'complete'],
  inProgress: ['in_progress', 'collecting', 'started'],
  failed: ['failed', 'error', 'timeout', 'cancelled'],
} as const;
