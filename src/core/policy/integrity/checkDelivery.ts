import { isJsonObject } from '../isJsonObject.ts';
import { segmentsOf } from '../jsonPointer.ts';
import type { PolicyError } from '../PolicyError.ts';
import { canonicalJson } from './canonicalJson.ts';
import { digest, partDigests, SEAL_FORMAT, SEAL_KEY, withoutSeal, type PolicySeal } from './policySeal.ts';

/**
 * Did the browser hand over everything IT exported? Chrome validates managed values against
 * `managed_schema.json` and silently removes what does not fit (a wrong type drops the whole
 * top-level key, an unknown key vanishes, an unreadable list entry is skipped); a value edited by
 * hand in the registry arrives as edited. Both are caught by recomputing the export's seal.
 */
export type DeliveryCheck =
  /** The seal matches: what arrived is exactly what was exported. */
  | { status: 'verified' }
  /** No seal (a hand-written policy): nothing can tell whether the browser dropped values. */
  | { status: 'unchecked' }
  /** The seal does not match, or cannot be read. */
  | { status: 'altered'; missing: string[]; changed: string[]; added: string[]; errors: PolicyError[] };

export function checkDelivery(received: Record<string, unknown>): DeliveryCheck {
  if (!(SEAL_KEY in received)) return { status: 'unchecked' };
  const seal = parseSeal(received[SEAL_KEY]);
  if (seal === undefined) {
    return {
      status: 'altered',
      missing: [],
      changed: [],
      added: [],
      errors: [
        {
          pointer: `/${SEAL_KEY}`,
          message:
            'The export seal is unreadable, so nothing proves the browser delivered the whole policy. Deploy the files policy export writes without editing them.',
        },
      ],
    };
  }
  const policy = withoutSeal(received);
  if (digest(canonicalJson(policy)) === seal.sha256) return { status: 'verified' };

  const arrived = partDigests(policy);
  const missing = Object.keys(seal.parts).filter((pointer) => !(pointer in arrived));
  const changed = Object.keys(seal.parts).filter((pointer) => pointer in arrived && arrived[pointer] !== seal.parts[pointer]);
  const added = Object.keys(arrived).filter((pointer) => !(pointer in seal.parts));
  const errors: PolicyError[] = [
    ...collapse(missing, seal.parts).map((pointer) => ({
      pointer,
      message:
        "Exported, but the browser did not deliver it. Chrome drops a managed value that does not match the extension's schema (a value of the wrong type removes its whole section); compare chrome://policy with the exported file and deploy the export unedited.",
    })),
    ...changed.map((pointer) => ({
      pointer,
      message: 'Arrived with a different value than was exported (edited by hand, or a list entry the browser dropped); deploy the export unedited.',
    })),
    ...added.map((pointer) => ({ pointer, message: 'Arrived although it was not exported (added by hand); re-export the policy with this setting instead.' })),
  ];
  if (errors.length === 0) errors.push({ pointer: '', message: 'The policy differs from what was exported; deploy the export unedited.' });
  return { status: 'altered', missing, changed, added, errors };
}

function parseSeal(value: unknown): PolicySeal | undefined {
  if (typeof value !== 'string') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (!isJsonObject(parsed) || parsed['format'] !== SEAL_FORMAT || typeof parsed['sha256'] !== 'string') return undefined;
  const parts = parsed['parts'];
  if (!isJsonObject(parts) || !Object.values(parts).every((part) => typeof part === 'string')) return undefined;
  return { format: SEAL_FORMAT, sha256: parsed['sha256'], parts: parts as Record<string, string> };
}

/** When every exported setting of a section is missing, name the section once (`/roles`), not each of its settings. */
function collapse(missing: readonly string[], exported: Record<string, string>): string[] {
  const missingSet = new Set(missing);
  const sections = new Set<string>();
  const result: string[] = [];
  for (const pointer of missing) {
    const top = `/${segmentsOf(pointer)[0] ?? ''}`;
    const wholeSectionMissing = Object.keys(exported)
      .filter((part) => part === top || part.startsWith(`${top}/`))
      .every((part) => missingSet.has(part));
    if (wholeSectionMissing) {
      if (!sections.has(top)) {
        sections.add(top);
        result.push(top);
      }
    } else {
      result.push(pointer);
    }
  }
  return result;
}
