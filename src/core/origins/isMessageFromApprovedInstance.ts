/**
 * Guard for `message` events that claim to come from the CCP frame. `event.origin` is already
 * a serialised origin, so anything else (a path, different case, a default port spelled out,
 * `null` from a sandboxed or opaque document) is refused rather than repaired.
 * `approvedInstanceOrigin` may be the origin or the CCP URL; only its origin counts.
 */
export function isMessageFromApprovedInstance(eventOrigin: string, approvedInstanceOrigin: string): boolean {
  if (eventOrigin === '' || eventOrigin === 'null') return false;
  const approved = httpsOrigin(approvedInstanceOrigin);
  if (approved === null) return false;
  return eventOrigin === approved;
}

function httpsOrigin(text: string): string | null {
  try {
    const url = new URL(text.trim());
    if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return null;
    return url.origin;
  } catch {
    return null;
  }
}
