import { matchNameGlob } from '../masking/matchNameGlob.ts';
import type { EffectiveCardAttribute } from '../policy/EffectivePolicy.ts';
import type { AttributeView } from './ContactView.ts';

/** IT's attribute display (policy `card.attributes`) and the language the card is drawn in. */
export interface CardLayout {
  attributes: readonly EffectiveCardAttribute[];
  /** A BCP 47 tag such as `ja-JP` or `en-US` (the browser's language). */
  locale: string;
}

/** The first entry matching a raw attribute name, with its place in the list; undefined when IT did not configure it. */
function entryFor(name: string, layout: CardLayout): { rank: number; entry: EffectiveCardAttribute } | undefined {
  const rank = layout.attributes.findIndex((entry) => matchNameGlob(entry.match, name));
  const entry = layout.attributes[rank];
  return entry === undefined ? undefined : { rank, entry };
}

/** Whether agents see the attribute at all. Hiding only removes: it never changes how a shown value is masked. */
export function isShownOnCard(name: string, layout: CardLayout): boolean {
  return entryFor(name, layout)?.entry.hidden !== true;
}

/** IT's label in a browser language (`ja-JP` → Japanese), English where that language has none; null when neither is set. */
export function cardLabelIn(label: EffectiveCardAttribute['label'], locale: string): string | null {
  const language = locale.toLowerCase().split('-')[0];
  return (language === 'ja' ? label.ja : null) ?? label.en;
}

/**
 * Puts masked attributes in IT's order with IT's labels: configured ones first, in the order of
 * the list, then the others in the order Connect gave them (a stable sort). `views` carry the
 * raw attribute names (before their names are masked), which is what the globs match.
 */
export function arrangeOnCard(views: readonly AttributeView[], layout: CardLayout): AttributeView[] {
  const unconfigured = layout.attributes.length;
  return views
    .map((view, position) => {
      const found = entryFor(view.name, layout);
      const label = found === undefined ? null : cardLabelIn(found.entry.label, layout.locale);
      return { view: label === null ? view : { ...view, label }, rank: found?.rank ?? unconfigured, position };
    })
    .sort((a, b) => a.rank - b.rank || a.position - b.position)
    .map(({ view }) => view);
}
