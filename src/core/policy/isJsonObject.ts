/** A JSON object (not null, not an array): the only shape a policy or policy section may have. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
