import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** Chromium derives an extension's ID from its public key: SHA-256, first 16 bytes, hex digits mapped to a–p. */
export function extensionIdFromKey(base64PublicKey: string): string {
  const digest = createHash('sha256').update(Buffer.from(base64PublicKey, 'base64')).digest('hex').slice(0, 32);
  return [...digest].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

export function extensionIdFromManifest(manifestPath: string): string {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { key?: unknown };
  if (typeof manifest.key !== 'string') throw new Error(`${manifestPath} has no "key": the extension ID would not be stable`);
  return extensionIdFromKey(manifest.key);
}
