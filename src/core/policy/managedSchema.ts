import type { JsonSchema } from './policySchema.ts';

/** The JSON value of a node of Chrome's `storage.managed_schema`. */
export interface ManagedSchemaNode {
  type: NonNullable<JsonSchema['type']>;
  title?: string;
  description?: string;
  properties?: Record<string, ManagedSchemaNode>;
  items?: ManagedSchemaNode;
}

/**
 * Derives `public/managed_schema.json` from the policy schema.
 *
 * Chrome accepts only a subset of JSON Schema there, and — more to the point — silently drops any
 * managed value that fails it. Keeping only structure and types means a mistyped or out-of-range
 * value still reaches the service worker, which validates it against the full schema and refuses
 * the policy with a named error, instead of running quietly with a different policy than the one
 * IT deployed. (Types are required by Chrome, so a value of the wrong type is still dropped.)
 */
export function toManagedSchema(schema: JsonSchema): ManagedSchemaNode {
  if (schema.type === undefined) throw new Error('Every node of the policy schema needs a type for Chrome');
  const node: ManagedSchemaNode = { type: schema.type };
  if (schema.title !== undefined) node.title = schema.title;
  if (schema.description !== undefined) node.description = schema.description;
  if (schema.properties !== undefined) {
    node.properties = Object.fromEntries(Object.entries(schema.properties).map(([key, child]) => [key, toManagedSchema(child)]));
  }
  if (schema.items !== undefined) node.items = toManagedSchema(schema.items);
  return node;
}
