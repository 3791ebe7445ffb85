import { DATE_FIELDS } from '../shared/dateFields.ts';

/** Deep copy of a JSON snapshot with the timestamp fields turned into real Date objects. */
export function reviveDates(value: unknown, key = ''): unknown {
  if (typeof value === 'string' && DATE_FIELDS.has(key)) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? value : date;
  }
  if (Array.isArray(value)) return value.map((item) => reviveDates(item));
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) copy[k] = reviveDates(v, k);
    return copy;
  }
  return value;
}
