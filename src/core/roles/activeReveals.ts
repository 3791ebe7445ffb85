import type { ActiveReveal } from './ActiveReveal.ts';

/**
 * The reveals showing right now. Expired ones are dropped from the list (not hidden), so a value
 * leaves the page when its time is up; a new reveal of the same attribute replaces the old one.
 */
export function withReveal(reveals: readonly ActiveReveal[], reveal: ActiveReveal): ActiveReveal[] {
  return [...reveals.filter((r) => !(r.contactId === reveal.contactId && r.attributeName === reveal.attributeName)), reveal];
}

export function withoutExpired(reveals: readonly ActiveReveal[], now: number): ActiveReveal[] {
  return reveals.filter((r) => r.until > now);
}

/** A contact that left the desk takes its reveals with it. */
export function onlyForContacts(reveals: readonly ActiveReveal[], contactIds: readonly string[]): ActiveReveal[] {
  return reveals.filter((r) => contactIds.includes(r.contactId));
}

/** When the next reveal ends, or null when none is showing. */
export function nextExpiry(reveals: readonly ActiveReveal[]): number | null {
  return reveals.reduce<number | null>((soonest, r) => (soonest === null || r.until < soonest ? r.until : soonest), null);
}

export function revealsOf(reveals: readonly ActiveReveal[], contactId: string): Record<string, ActiveReveal> {
  return Object.fromEntries(reveals.filter((r) => r.contactId === contactId).map((r) => [r.attributeName, r]));
}
