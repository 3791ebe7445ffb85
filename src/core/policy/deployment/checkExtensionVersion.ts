/**
 * Chrome's extension version format: one to four dot-separated integers, each 0–65535, without
 * leading zeros. Browsers compare them part by part and never install a lower one (so a roll back
 * is a higher version built from the old code). Returns a sentence, or undefined when it is valid.
 */
export function checkExtensionVersion(version: string): string | undefined {
  const parts = version.split('.');
  const valid = parts.length <= 4 && parts.every((part) => /^(0|[1-9]\d{0,4})$/.test(part) && Number(part) <= 65_535);
  return valid ? undefined : `"${version}" is not an extension version: one to four dot-separated numbers 0–65535 without leading zeros, e.g. 1.4.2.`;
}
