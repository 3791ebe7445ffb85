/**
 * What Chrome does to an extension's managed policy before `storage.managed` sees it
 * (components/policy/core/common/schema_map.cc FilterBundle + Schema::Normalize with
 * SCHEMA_ALLOW_UNKNOWN_AND_INVALID_LIST_ENTRY): an unknown top-level key is removed; inside a
 * value, unknown properties are removed and list entries that fail are skipped; any other
 * mismatch makes the whole top-level value invalid, and it is dropped.
 */
interface ManagedSchemaNode {
  type: string;
  properties?: Record<string, ManagedSchemaNode>;
  items?: ManagedSchemaNode;
}

export function chromeManagedFilter(policy: Record<string, unknown>, schema: ManagedSchemaNode): Record<string, unknown> {
  const delivered: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(policy)) {
    const child = schema.properties?.[key];
    if (child === undefined) continue;
    const normalized = normalize(value, child);
    if (normalized.ok) delivered[key] = normalized.value;
  }
  return delivered;
}

function normalize(value: unknown, schema: ManagedSchemaNode): { ok: true; value: unknown } | { ok: false } {
  switch (schema.type) {
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : { ok: false };
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? { ok: true, value } : { ok: false };
    case 'number':
      return typeof value === 'number' ? { ok: true, value } : { ok: false };
    case 'string':
      return typeof value === 'string' ? { ok: true, value } : { ok: false };
    case 'array': {
      if (!Array.isArray(value) || schema.items === undefined) return { ok: false };
      const items = schema.items;
      const kept = value.map((item) => normalize(item, items)).filter((item) => item.ok);
      return { ok: true, value: kept.map((item) => (item.ok ? item.value : undefined)) };
    }
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false };
      const result: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(value)) {
        const childSchema = schema.properties?.[key];
        if (childSchema === undefined) continue;
        const normalized = normalize(child, childSchema);
        if (!normalized.ok) return { ok: false };
        result[key] = normalized.value;
      }
      return { ok: true, value: result };
    }
    default:
      return { ok: false };
  }
}
