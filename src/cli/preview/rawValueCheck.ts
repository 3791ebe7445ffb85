import type { MaskingEngine } from '../../core/masking/MaskingEngine.ts';
import type { PreviewReport } from './PreviewReport.ts';
import type { Scenario } from './Scenario.ts';
import { STORAGE_KEYS } from '../../core/storage/storageKeys.ts';

/** Where a raw value from the scenario was found; the value itself is never written into the report. */
interface RawValueLeak {
  /** Which part of the report held it, e.g. `storage.pages`, `network`, `steps[3].pages`. */
  where: string;
  /** The kind the engine gave it (pan, ssn, myNumber, …). */
  kind: string;
}

export interface RawValueCheck {
  /** How many distinct sensitive values (in all their spellings) the scenario planted. */
  values: number;
  leaks: RawValueLeak[];
}

/** Shorter findings (a last four) are what masked displays legitimately show. */
const MIN_RAW_LENGTH = 6;

/**
 * The scenario knows the secrets it planted (attribute values, caller numbers, chat messages,
 * display names): the engine finds them there, and every part of the report is searched for each
 * one as written, as digits only and in groups of four. A hit is a leak: the report says where
 * and of what kind, never the value.
 */
export function checkRawValues(scenario: Scenario, engine: MaskingEngine, parts: Readonly<Record<string, unknown>>): RawValueCheck {
  const planted = new Map<string, string>();
  for (const text of plantedTexts(scenario)) {
    for (const finding of engine.maskText(text).findings) {
      const raw = text.slice(finding.start, finding.end);
      for (const spelling of spellingsOf(raw)) if (spelling.length >= MIN_RAW_LENGTH && !planted.has(spelling)) planted.set(spelling, finding.kind);
    }
  }
  const leaks: RawValueLeak[] = [];
  for (const [where, part] of Object.entries(parts)) {
    const haystack = JSON.stringify(part) ?? '';
    const kinds = new Set<string>();
    for (const [spelling, kind] of planted) {
      // Also as JSON would escape it (a line break, a quote inside the value).
      if (haystack.includes(spelling) || haystack.includes(JSON.stringify(spelling).slice(1, -1))) kinds.add(kind);
    }
    for (const kind of kinds) leaks.push({ where, kind });
  }
  return { values: planted.size, leaks };
}

/**
 * Every part of the report that must never hold a raw value. A supervisor's reveal shows one on
 * purpose, so the screen texts count up to the first `reveal` step only.
 */
export function reportPartsToCheck(report: PreviewReport): Record<string, unknown> {
  const firstReveal = report.steps.findIndex((step) => step.type === 'reveal');
  const screens = firstReveal === -1 ? report.steps : report.steps.slice(0, firstReveal);
  return {
    desk: report.desk.pages,
    ...Object.fromEntries(screens.map((step) => [`steps[${String(step.index)}].pages`, step.pages])),
    'storage.local': withoutPolicyDocument(report.storage.local),
    'storage.session': report.storage.session,
    'storage.sync': report.storage.sync,
    'storage.pages': report.storage.pages,
    network: report.network,
    auditEvents: report.auditEvents,
    otlp: report.otlp ?? null,
    console: report.console,
    dialogs: report.dialogs,
    cspViolations: report.cspViolations,
  };
}

/**
 * A preview run without the managed path installs the policy as local settings, so IT's own
 * document (a deny-listed number, say) sits in storage.local as IT wrote it: not a leak of
 * contact data. Everything else the extension stored is searched.
 */
function withoutPolicyDocument(local: unknown): unknown {
  if (typeof local !== 'object' || local === null) return local;
  const { [STORAGE_KEYS.local.localPolicy]: _policy, ...rest } = local as Record<string, unknown>;
  return rest;
}

function plantedTexts(scenario: Scenario): string[] {
  return scenario.steps.flatMap((step) => {
    switch (step.type) {
      case 'contact':
        return [step.caller, step.customerName, step.queue, ...Object.values(step.attributes ?? {})].filter((text): text is string => typeof text === 'string');
      case 'attributes':
        return Object.values(step.attributes).filter((text): text is string => typeof text === 'string');
      case 'chat':
        return [step.text];
      default:
        return [];
    }
  });
}

function spellingsOf(raw: string): string[] {
  const digits = raw.replace(/\D/g, '');
  const grouped = digits.replace(/(\d{4})(?=\d)/g, '$1 ');
  return [...new Set([raw, ...(digits.length >= MIN_RAW_LENGTH ? [digits, grouped] : [])])];
}
