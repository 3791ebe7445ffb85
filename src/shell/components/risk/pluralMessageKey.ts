/**
 * chrome.i18n has no plurals: messages come as `key_one`, `key_other` (and `_two`, `_few` for
 * English ordinals), and Intl picks the category for the UI language. Japanese has one category,
 * so its files repeat the same text under each key.
 */
export function pluralMessageKey(base: string, count: number, type: Intl.PluralRulesOptions['type'], language: string): string {
  const category = new Intl.PluralRules(language, { type }).select(count);
  const known = type === 'ordinal' ? ['one', 'two', 'few'] : ['one'];
  return `${base}_${known.includes(category) ? category : 'other'}`;
}
