/**
 * Every key the extension keeps in `chrome.storage`, by area, in one place. No other file spells a
 * key (a unit test reads every source file and fails on a stray one). Keys are dotted names so
 * that none can be mistaken for — or written as — a plain property name.
 *
 * `STORAGE_VERSION` counts layout changes. Changing a key, its meaning or its value's shape is a
 * new version with a migration in storageMigrations.ts; the worker runs the pending ones at start-up, before it
 * answers any page (see src/background/storageMigration.ts).
 *
 * Nothing raw and sensitive is ever stored under any key (invariant 1).
 */
export const STORAGE_KEYS = {
  local: {
    /** The storage layout version this browser's data is in. */
    version: 'storage.version',
    /** The agent's or evaluator's local settings (a partial policy document). */
    localPolicy: 'policy.local',
    /** The audit outbox's index (sequence numbers, delivery state, recent drops; see src/core/audit/outbox). */
    auditOutbox: 'audit.outbox',
    /** Prefix of the outbox's segment keys (`<prefix><n>`, 100 events each; never values). */
    auditOutboxSegmentPrefix: 'audit.outbox.segment.',
    /** A random ID made once per installation: the `service.instance.id` of the audit export. */
    auditInstallationId: 'audit.installationId',
    /** The valid policy last announced as `policy.loaded`/`policy.changed`: a digest per top-level section, never settings. */
    announcedPolicy: 'audit.announcedPolicy',
    /** ReDoS verdicts of custom patterns, keyed by a hash of each pattern (see src/core/policy/regexSafetyCache.ts). */
    regexSafetyVerdicts: 'policy.regexSafetyVerdicts',
    /**
     * The Connect instance the agent picked on this browser (`{ ccpUrl }`). It only selects among
     * the policy's instances; a value naming anything else is ignored (src/core/instances/instanceInForce.ts).
     */
    chosenInstance: 'instance.chosen',
  },
  session: {
    /** The worker's policy verdict as pages may see it (deny-list numbers withheld). */
    policyState: 'policy.state',
    /**
     * A SHA-256 of the exact policy input (managed, local, install type, kept regex verdicts, version)
     * that last passed validation, so a woken worker with the same input skips the validators. A hash
     * of whole documents only: never a value of them.
     */
    validatedPolicyInput: 'policy.validatedInput',
    /**
     * A SHA-256 of the declarativeNetRequest rule set this worker last installed (or found installed),
     * so a woken worker whose policy calls for the same set skips reading the rules back. Removed
     * before every rewrite and written only after it: it never names a set Chrome may not hold.
     */
    installedNetworkRules: 'network.installedRules',
    /** The failed policy last audited as `policy.invalid`, so a woken worker does not audit it again. */
    invalidPolicyAudited: 'policy.invalidAudited',
    /** When each blocked origin and kind was last audited (origins only), for the once-a-minute throttle. */
    blockAuditThrottle: 'origin.blockAuditThrottle',
    /** The per-browser-session HMAC key for caller hashes (gone with the session; see src/core/risk/keyedHash.ts). */
    riskHashKey: 'risk.hashKey',
    /** Repeat-contact ledger: keyed hashes and times, never numbers. */
    riskRepeatLedger: 'risk.repeatLedger',
    /** The risk verdict per contact, so a woken worker answers the same. */
    riskVerdicts: 'risk.verdicts',
    /** Who each open desk document reported as signed in (usernames, routing profiles, permissions): the audit view's role check. */
    deskSignIns: 'audit.deskSignIns',
    /** Digests of the incidents already recorded per contact, so two desks or a reload record one incident once. */
    recordedIncidents: 'audit.recordedIncidents',
  },
  sync: {},
} as const;

export type StorageArea = keyof typeof STORAGE_KEYS;

export const STORAGE_VERSION = 2;

/** Version 0 is the layout before this registry: plain-word keys. */
export const VERSION_0_KEYS = { localPolicy: 'localPolicy', auditLog: 'auditLog' } as const;

/** Version 1 kept the audit log as one array; version 2 keeps it in the segmented outbox. */
export const VERSION_1_KEYS = { auditLog: 'audit.log' } as const;

/** Version 0's session key: session storage is emptied when the browser closes, so it is only removed. */
export const VERSION_0_SESSION_KEYS: readonly string[] = ['policyState', 'riskHashKey', 'riskRepeatLedger', 'riskVerdicts'];

/** Every key name this registry has ever used, for the stray-key test. */
export const ALL_STORAGE_KEY_NAMES: readonly string[] = [
  ...Object.values(STORAGE_KEYS).flatMap((area) => Object.values(area) as string[]),
  ...Object.values(VERSION_0_KEYS),
  ...Object.values(VERSION_1_KEYS),
  ...VERSION_0_SESSION_KEYS,
];

/** The stored version, read leniently: a missing or malformed value is version 0. */
export function readStorageVersion(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}
