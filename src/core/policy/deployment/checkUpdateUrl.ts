/**
 * An update manifest URL the browsers will fetch: https, or plain http only on loopback (for a
 * test machine — a fleet must never fetch code over plain http).
 */
export function checkUpdateUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'not a URL; write the full address of your update manifest, e.g. https://extensions.example.com/connect-shield/updates.xml.';
  }
  if (url.username !== '' || url.password !== '') return 'must not contain a user name or password.';
  if (url.protocol === 'https:') return undefined;
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol === 'http:' && loopback) return undefined;
  return 'must be https (plain http is accepted only on 127.0.0.1/localhost, for testing).';
}
