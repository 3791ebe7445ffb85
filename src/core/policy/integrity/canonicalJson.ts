/**
 * One spelling per JSON value: object keys sorted by code unit, no whitespace, numbers and
 * strings as `JSON.stringify` writes them. The export and the extension both hash this form, so a
 * policy that went through a registry, a property list or a Linux file and came back with its
 * keys in another order still hashes the same.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  throw new Error(`Not a JSON value: ${typeof value}`);
}
