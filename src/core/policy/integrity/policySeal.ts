import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { isJsonObject } from '../isJsonObject.ts';
import { pointerOf } from '../jsonPointer.ts';
import { canonicalJson } from './canonicalJson.ts';

/**
 * The top-level key `policy export` adds to every managed policy it writes. Its value is a string
 * on purpose: Chrome drops a managed value whose type does not match the schema, and every
 * registry value, plist entry or JSON value can be read as a string, so the seal itself survives
 * whatever happened to the rest.
 */
export const SEAL_KEY = 'integrity';

export const SEAL_FORMAT = 1;

/** What the seal records: a digest of the whole policy, and one short digest per setting so that a mismatch can be named. */
export interface PolicySeal {
  format: typeof SEAL_FORMAT;
  /** SHA-256 (hex) of the canonical JSON of the policy without the seal. */
  sha256: string;
  /** JSON pointer of every setting outside lists → first 16 hex digits of the SHA-256 of its canonical JSON. */
  parts: Record<string, string>;
}

/** The seal value for a valid policy (any earlier seal in it is ignored). */
export function sealPolicy(policy: Record<string, unknown>): string {
  const unsealed = withoutSeal(policy);
  const seal: PolicySeal = { format: SEAL_FORMAT, sha256: digest(canonicalJson(unsealed)), parts: partDigests(unsealed) };
  return JSON.stringify(seal);
}

/** The policy as `policy export` writes it: the document with its seal as the last key. */
export function sealedPolicy<T extends object>(policy: T): T & { [SEAL_KEY]: string } {
  const unsealed = withoutSeal(policy as Record<string, unknown>) as T;
  return { ...unsealed, [SEAL_KEY]: sealPolicy(unsealed as Record<string, unknown>) };
}

export function withoutSeal(policy: Record<string, unknown>): Record<string, unknown> {
  const { [SEAL_KEY]: _seal, ...rest } = policy;
  void _seal;
  return rest;
}

export function digest(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/**
 * Settings are addressed down to the first value that is not a non-empty object: a list is one
 * setting (Chrome drops list entries it cannot read, which changes the list), and `{}` is a
 * setting too (it locks a section at its defaults).
 */
export function partDigests(policy: Record<string, unknown>): Record<string, string> {
  const parts: Record<string, string> = {};
  const visit = (value: unknown, path: string[]): void => {
    if (isJsonObject(value) && Object.keys(value).length > 0 && path.length < 8) {
      for (const [key, child] of Object.entries(value)) visit(child, [...path, key]);
      return;
    }
    parts[pointerOf(path)] = digest(canonicalJson(value)).slice(0, 16);
  };
  for (const [key, value] of Object.entries(policy)) visit(value, [key]);
  return parts;
}
