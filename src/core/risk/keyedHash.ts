/**
 * Repeat counting needs to recognise a caller without keeping their number. A plain digest would
 * not do: phone numbers are few enough to hash them all, so SHA-256 of a number is as good as the
 * number. An HMAC under a random per-browser key cannot be reversed or recomputed without the key,
 * and the key lives only in session storage, so it is gone with the browser session.
 */
const KEY_BYTES = 32;

export function newHashKeyMaterial(): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(KEY_BYTES)));
}

export function importHashKey(material: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromBase64(material), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/** HMAC-SHA-256 of the text, base64. Domain-separated so the key signs nothing else by accident. */
export async function keyedHash(key: CryptoKey, text: string): Promise<string> {
  const signature = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`connect-shield/caller/v1\u0000${text}`));
  return toBase64(new Uint8Array(signature));
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
