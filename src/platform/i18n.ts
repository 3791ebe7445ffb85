/**
 * All user-facing text goes through chrome.i18n (_locales/en, _locales/ja). A missing key shows
 * the key itself, so a forgotten translation is visible in review instead of silently blank.
 */
export function t(key: string, substitutions?: string | string[]): string {
  const message = chrome.i18n.getMessage(key, substitutions);
  return message === '' ? key : message;
}
