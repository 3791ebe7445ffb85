import { applyDefaults } from './applyDefaults.ts';
import type { EffectivePolicy } from './EffectivePolicy.ts';
import { isJsonObject } from './isJsonObject.ts';
import { pointerOf, segmentsOf, valueAt } from './jsonPointer.ts';
import type { DisplayFormat } from './Policy.ts';
import type { PolicyError } from './PolicyError.ts';
import { DEFAULT_DISPLAY } from './policyDefaults.ts';
import { DETECTOR_NAMES, SENSITIVE_KINDS } from './policyVocabulary.ts';
import { checkDelivery, type DeliveryCheck } from './integrity/checkDelivery.ts';
import { validatePolicy, validatePolicyFragment, type PolicyValidationOptions } from './validatePolicy.ts';

/**
 * Who protects this browser's settings. `organization`: the extension was installed by policy or a
 * managed policy arrived, so local settings may only tighten (invariant 7). `evaluation`: installed
 * by hand with no managed policy; local settings decide everything, and every surface says so.
 */
export type DeploymentMode = 'organization' | 'evaluation';

export interface MergeOptions extends PolicyValidationOptions {
  /** `chrome.management.getSelf()` reported `installType: "admin"`: IT force-installed the extension. */
  installedByPolicy?: boolean;
}

export type SettingSource = 'organization' | 'local' | 'default';

/** A local setting that did not take effect, and why (for the options page). */
interface IgnoredLocalSetting {
  pointer: string;
  reason: string;
}

export type MergeResult =
  | {
      status: 'ok';
      policy: EffectivePolicy;
      /** Who decided each setting, keyed by the pointers in POLICY_SETTING_POINTERS. */
      provenance: Record<string, SettingSource>;
      ignoredLocal: IgnoredLocalSetting[];
      mode: DeploymentMode;
      /** Whether the managed policy's export seal proved it arrived whole (`none`: no managed policy). */
      delivery: Exclude<DeliveryCheck['status'], 'altered'> | 'none';
    }
  /** The organization's policy is present but invalid: refuse, never fall back to local or defaults. */
  | { status: 'invalid-managed'; errors: PolicyError[] }
  /** The browser did not deliver the managed policy as exported (values dropped or edited): refused as a whole. */
  | { status: 'dropped-managed'; errors: PolicyError[]; missing: string[] }
  /** Installed by policy, but no managed policy arrived (for instance a file the browser could not parse). */
  | { status: 'managed-missing'; message: string }
  /** The local settings are invalid on their own or together with the organization's. */
  | { status: 'invalid-local'; errors: PolicyError[] }
  /** Nobody names a Connect instance. */
  | { status: 'missing'; missing: string[]; message: string };

/**
 * The units in which settings are merged, as JSON pointers. A unit is taken whole from one side:
 * lists (approvedOrigins, attributeRules, patterns, denyList…) are never concatenated, so an
 * organization's list is exactly what runs. Detectors and display formats merge per kind.
 */
export const POLICY_SETTING_POINTERS: readonly string[] = [
  '/instance',
  '/approvedOrigins',
  ...DETECTOR_NAMES.map((name) => pointerOf(['masking', 'detectors', name])),
  '/masking/attributeRules',
  '/masking/patterns',
  ...SENSITIVE_KINDS.map((kind) => pointerOf(['masking', 'display', kind])),
  '/roles',
  '/secureIvr',
  '/risk/denyList',
  '/risk/repeatContact',
  '/dialing',
  '/audit',
  '/framing/compatibilityMode',
  '/ccp/showNativePanel',
  '/chat/replyCheck',
  '/chat/agentAttachments',
  // Organization-only on a managed browser (not in localMayTighten): a label is IT's word to agents.
  '/card',
];

/**
 * The only settings a local value may fill on a managed browser, each of which can only hide more
 * or warn more (checked in acceptLocalUnderManaged). Everything else — instance, origins, roles,
 * audit, framing and any setting added later — is the organization's alone: local options are
 * writable by the agent, so letting them fill a gap could let an agent widen their own reach.
 * An allow-list, so that a new setting is organization-only until someone decides otherwise.
 */
function localMayTighten(pointer: string): boolean {
  return (
    pointer.startsWith('/masking/detectors/') ||
    pointer.startsWith('/masking/display/') ||
    pointer === '/masking/attributeRules' ||
    pointer === '/masking/patterns' ||
    pointer === '/secureIvr' ||
    pointer === '/risk/denyList' ||
    pointer === '/risk/repeatContact' ||
    pointer === '/dialing' ||
    pointer === '/chat/replyCheck'
  );
}

/**
 * Managed over local. The organization's value wins wherever it set one; local settings fill
 * only what it left unset, and — when a managed policy exists — only in the stricter direction
 * for masking (switch a detector on, hide more of a kind, add rules that hide).
 * Chrome reports "no managed policy" as `{}`; that counts as absent.
 */
export function mergePolicies(managed: unknown, local: unknown, options: MergeOptions): MergeResult {
  const managedPresent = isPresent(managed);
  let delivery: Extract<MergeResult, { status: 'ok' }>['delivery'] = 'none';
  if (managedPresent) {
    if (isJsonObject(managed)) {
      const check = checkDelivery(managed);
      if (check.status === 'altered') return { status: 'dropped-managed', errors: check.errors, missing: check.missing };
      delivery = check.status;
    }
    const validation = validatePolicyFragment(managed, options);
    if (!validation.ok) return { status: 'invalid-managed', errors: validation.errors };
  } else if (options.installedByPolicy === true) {
    return {
      status: 'managed-missing',
      message:
        "Connect Shield was installed by your organization, but its policy did not arrive. IT: check chrome://policy (edge://policy) for the extension's policy; a Linux policy file that is not valid JSON is ignored by the browser as a whole.",
    };
  }
  const mode = deploymentModeOf(managed, options.installedByPolicy === true);
  const localPresent = isPresent(local);
  if (localPresent) {
    const validation = validatePolicyFragment(local, options);
    if (!validation.ok) return { status: 'invalid-local', errors: validation.errors };
  }

  const merged: Record<string, unknown> = {};
  const provenance: Record<string, SettingSource> = {};
  const ignoredLocal: IgnoredLocalSetting[] = [];
  for (const pointer of POLICY_SETTING_POINTERS) {
    const managedValue = managedPresent ? valueAt(managed, pointer) : undefined;
    const localValue = localPresent ? valueAt(local, pointer) : undefined;
    if (managedValue !== undefined) {
      setAt(merged, pointer, managedValue);
      provenance[pointer] = 'organization';
      if (localValue !== undefined && JSON.stringify(localValue) !== JSON.stringify(managedValue)) {
        ignoredLocal.push({ pointer, reason: 'Set by your organization.' });
      }
      continue;
    }
    if (localValue === undefined) {
      provenance[pointer] = 'default';
      continue;
    }
    const accepted = managedPresent ? acceptLocalUnderManaged(pointer, localValue, ignoredLocal) : localValue;
    if (accepted === undefined) {
      provenance[pointer] = 'default';
      continue;
    }
    setAt(merged, pointer, accepted);
    provenance[pointer] = 'local';
  }

  if (typeof valueAt(merged, '/instance/ccpUrl') !== 'string') {
    return {
      status: 'missing',
      missing: ['/instance/ccpUrl'],
      message: managedPresent
        ? "No Connect instance: your organization's policy does not set instance.ccpUrl. Ask IT to add it."
        : 'No Connect instance: no policy is deployed and local settings do not set instance.ccpUrl.',
    };
  }
  const validation = validatePolicy(merged, options);
  if (!validation.ok) return { status: 'invalid-local', errors: validation.errors };
  return { status: 'ok', policy: applyDefaults(validation.policy), provenance, ignoredLocal, mode, delivery };
}

/** Evaluation mode only for a hand-installed extension that received no managed policy. */
export function deploymentModeOf(managed: unknown, installedByPolicy: boolean): DeploymentMode {
  return installedByPolicy || isPresent(managed) ? 'organization' : 'evaluation';
}

/** What of a local value may fill a gap the organization left; undefined when nothing may. */
function acceptLocalUnderManaged(pointer: string, localValue: unknown, ignoredLocal: IgnoredLocalSetting[]): unknown {
  if (!localMayTighten(pointer)) {
    ignoredLocal.push({ pointer, reason: "Only your organization's policy can set this." });
    return undefined;
  }
  if (pointer === '/chat/replyCheck' && localValue !== 'block') {
    ignoredLocal.push({ pointer, reason: 'A local setting may block replies with card numbers, not only warn.' });
    return undefined;
  }
  if (pointer === '/dialing' && isJsonObject(localValue) && localValue['defaultCountry'] !== undefined) {
    // The default country decides how national numbers are recognised (and so masked).
    ignoredLocal.push({ pointer, reason: 'The default country changes how phone numbers are recognised; only your organization can set it.' });
    return undefined;
  }
  if (pointer.startsWith('/masking/detectors/') && localValue === false) {
    ignoredLocal.push({ pointer, reason: "A detector can't be switched off locally while your organization manages the policy." });
    return undefined;
  }
  if (pointer.startsWith('/masking/display/')) {
    const kind = segmentsOf(pointer)[2];
    const standard = SENSITIVE_KINDS.find((candidate) => candidate === kind);
    if (standard !== undefined && isDisplayFormat(localValue) && revealsMore(localValue, DEFAULT_DISPLAY[standard])) {
      ignoredLocal.push({ pointer, reason: 'A local display format may hide more than the default, not less.' });
      return undefined;
    }
  }
  if (pointer === '/masking/attributeRules' && Array.isArray(localValue)) {
    const hiding = localValue.filter((rule, index) => {
      if (isJsonObject(rule) && rule['kind'] === 'public') {
        ignoredLocal.push({ pointer: `${pointer}/${String(index)}`, reason: 'A local rule may only hide attributes, not mark them public.' });
        return false;
      }
      return true;
    });
    return hiding.length > 0 ? hiding : undefined;
  }
  return localValue;
}

const CHARACTERS_SHOWN: Record<DisplayFormat, number> = { full: 0, label: 0, lastFour: 4 };

function revealsMore(candidate: DisplayFormat, baseline: DisplayFormat): boolean {
  return CHARACTERS_SHOWN[candidate] > CHARACTERS_SHOWN[baseline];
}

function isDisplayFormat(value: unknown): value is DisplayFormat {
  return value === 'full' || value === 'label' || value === 'lastFour';
}

function isPresent(side: unknown): boolean {
  if (side === undefined || side === null) return false;
  return !(isJsonObject(side) && Object.keys(side).length === 0);
}

function setAt(target: Record<string, unknown>, pointer: string, value: unknown): void {
  const segments = segmentsOf(pointer);
  let current = target;
  segments.forEach((segment, index) => {
    if (index === segments.length - 1) {
      current[segment] = structuredClone(value);
      return;
    }
    const next = current[segment];
    if (isJsonObject(next)) {
      current = next;
    } else {
      const created: Record<string, unknown> = {};
      current[segment] = created;
      current = created;
    }
  });
}
