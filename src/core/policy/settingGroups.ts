import type { EffectivePolicy } from './EffectivePolicy.ts';
import { pointerOf } from './jsonPointer.ts';
import type { DetectorName, DisplayFormat, SensitiveKind } from './Policy.ts';
import { DETECTOR_NAMES, SENSITIVE_KINDS } from './policyVocabulary.ts';

/**
 * The effective policy as the options page shows it: grouped as the README groups the policy,
 * each row a label key, a plain value and the merge unit whose provenance it shows. Values are
 * typed, not text, so the page localizes them; lists that may hold customer data (the deny list)
 * are only a count.
 */
export type SettingValue =
  | { kind: 'onOff'; on: boolean }
  | { kind: 'yesNo'; yes: boolean }
  | { kind: 'text'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'kinds'; kinds: SensitiveKind[] }
  | { kind: 'format'; format: DisplayFormat }
  | { kind: 'count'; count: number; noun: 'rules' | 'entries' }
  | { kind: 'seconds'; seconds: number }
  | { kind: 'days'; days: number }
  | { kind: 'supervisors'; usernames: number; routingProfiles: number; permissions: number }
  | { kind: 'repeatContact'; count: number; windowMinutes: number }
  /** IT's attribute display in card order; the page picks the label of its own language. */
  | { kind: 'cardAttributes'; entries: { match: string; label: { en: string | null; ja: string | null }; hidden: boolean }[] }
  /** Nothing set; `meaning` says what that means (the page words it). */
  | { kind: 'none'; meaning: 'none' | 'any' | 'inBrowser' | 'off' | 'ccpSignIn' };

export interface SettingRow {
  /** The i18n key of the label (`setting_…`); detector and display rows add the kind as a substitution. */
  label: string;
  labelKind?: SensitiveKind;
  /** The merge unit whose provenance applies (a key of MergeResult.provenance). */
  unit: string;
  value: SettingValue;
}

export interface SettingGroup {
  /** i18n key `group_<id>`. */
  id: 'instance' | 'approvedOrigins' | 'masking' | 'roles' | 'secureIvr' | 'risk' | 'dialing' | 'audit' | 'framing' | 'card';
  rows: SettingRow[];
}

export function settingGroups(policy: EffectivePolicy): SettingGroup[] {
  const { instance, masking, roles, secureIvr, risk, dialing, audit, framing, card } = policy;
  const listOr = (items: string[], meaning: Extract<SettingValue, { kind: 'none' }>['meaning']): SettingValue =>
    items.length === 0 ? { kind: 'none', meaning } : { kind: 'list', items };
  return [
    {
      id: 'instance',
      rows: [
        { label: 'setting_ccpUrl', unit: '/instance', value: { kind: 'text', text: instance.ccpUrl } },
        { label: 'setting_region', unit: '/instance', value: instance.region ? { kind: 'text', text: instance.region } : { kind: 'none', meaning: 'none' } },
        {
          label: 'setting_loginUrl',
          unit: '/instance',
          value: instance.loginUrl ? { kind: 'text', text: instance.loginUrl } : { kind: 'none', meaning: 'ccpSignIn' },
        },
        {
          label: 'setting_alternates',
          unit: '/instance',
          value: listOr(
            instance.alternates.map((alternate) => alternate.name),
            'none',
          ),
        },
      ],
    },
    { id: 'approvedOrigins', rows: [{ label: 'setting_approvedOrigins', unit: '/approvedOrigins', value: listOr(policy.approvedOrigins, 'none') }] },
    {
      id: 'masking',
      rows: [
        ...DETECTOR_NAMES.map((name: DetectorName): SettingRow => ({
          label: 'setting_detector',
          labelKind: name,
          unit: pointerOf(['masking', 'detectors', name]),
          value: { kind: 'onOff', on: masking.detectors[name] },
        })),
        { label: 'setting_attributeRules', unit: '/masking/attributeRules', value: { kind: 'count', count: masking.attributeRules.length, noun: 'rules' } },
        {
          label: 'setting_patterns',
          unit: '/masking/patterns',
          value: listOr(
            masking.patterns.map((pattern) => pattern.name),
            'none',
          ),
        },
        ...SENSITIVE_KINDS.map((kind): SettingRow => ({
          label: 'setting_display',
          labelKind: kind,
          unit: pointerOf(['masking', 'display', kind]),
          value: { kind: 'format', format: masking.display[kind] },
        })),
      ],
    },
    {
      id: 'roles',
      rows: [
        { label: 'setting_elevatedViewAllowed', unit: '/roles', value: { kind: 'yesNo', yes: roles.elevatedViewAllowed } },
        {
          label: 'setting_supervisors',
          unit: '/roles',
          value: {
            kind: 'supervisors',
            usernames: roles.supervisors.usernames.length,
            routingProfiles: roles.supervisors.routingProfiles.length,
            permissions: roles.supervisors.permissions.length,
          },
        },
        {
          label: 'setting_revealableKinds',
          unit: '/roles',
          value: roles.revealableKinds.length === 0 ? { kind: 'none', meaning: 'none' } : { kind: 'kinds', kinds: roles.revealableKinds },
        },
        { label: 'setting_revealSeconds', unit: '/roles', value: { kind: 'seconds', seconds: roles.revealSeconds } },
        { label: 'setting_reasonRequired', unit: '/roles', value: { kind: 'yesNo', yes: roles.reasonRequired } },
      ],
    },
    {
      id: 'secureIvr',
      rows: [
        {
          label: 'setting_secureIvrFields',
          unit: '/secureIvr',
          value: listOr(
            secureIvr.fields.map((field) => field.label),
            'none',
          ),
        },
      ],
    },
    {
      id: 'risk',
      rows: [
        { label: 'setting_denyList', unit: '/risk/denyList', value: { kind: 'count', count: risk.denyList.length, noun: 'entries' } },
        {
          label: 'setting_repeatContact',
          unit: '/risk/repeatContact',
          value: risk.repeatContact ? { kind: 'repeatContact', ...risk.repeatContact } : { kind: 'none', meaning: 'off' },
        },
      ],
    },
    {
      id: 'dialing',
      rows: [
        {
          label: 'setting_defaultCountry',
          unit: '/dialing',
          value: dialing.defaultCountry ? { kind: 'text', text: dialing.defaultCountry } : { kind: 'none', meaning: 'none' },
        },
        {
          label: 'setting_allowedCountries',
          unit: '/dialing',
          value: dialing.allowedCountries ? { kind: 'list', items: dialing.allowedCountries } : { kind: 'none', meaning: 'any' },
        },
      ],
    },
    {
      id: 'audit',
      rows: [
        {
          label: 'setting_auditEndpoint',
          unit: '/audit',
          value: audit.endpoint ? { kind: 'text', text: audit.endpoint } : { kind: 'none', meaning: 'inBrowser' },
        },
        { label: 'setting_retentionDays', unit: '/audit', value: { kind: 'days', days: audit.retentionDays } },
      ],
    },
    {
      id: 'framing',
      rows: [{ label: 'setting_compatibilityMode', unit: '/framing/compatibilityMode', value: { kind: 'onOff', on: framing.compatibilityMode } }],
    },
    {
      id: 'card',
      rows: [
        {
          label: 'setting_cardAttributes',
          unit: '/card',
          value: { kind: 'cardAttributes', entries: card.attributes.map((entry) => ({ match: entry.match, label: { ...entry.label }, hidden: entry.hidden })) },
        },
      ],
    },
  ];
}

/** Merge units the groups above do not show (settings other features add): the page lists them as they are. */
export function unitsNotGrouped(provenanceUnits: readonly string[], groups: readonly SettingGroup[]): string[] {
  const shown = new Set(groups.flatMap((group) => group.rows.map((row) => row.unit)));
  return provenanceUnits.filter((unit) => !shown.has(unit));
}
