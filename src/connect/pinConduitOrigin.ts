/**
 * Streams posts every message to the CCP frame with target origin `'*'` (its `WindowIOStream`
 * defaults the domain), so a document that replaced the CCP would receive api requests, chat
 * tokens and agent actions. Setting the stream's domain to the instance origin makes the browser
 * drop anything addressed to a frame holding another origin.
 *
 * This reaches into Streams internals (`core.getUpstream().upstream.domain`, as Streams' own
 * `_replaceCCPIframe` does with `.output`). If the shape is not what 2.28 has, nothing is changed
 * and false is returned; the frame guard still stops inbound messages.
 */
export function pinConduitOrigin(core: object, instanceOrigin: string): boolean {
  // Not in Streams' type declarations, though public on `connect.core`.
  const getUpstream: unknown = Reflect.get(core, 'getUpstream');
  if (typeof getUpstream !== 'function') return false;
  let upstream: unknown;
  try {
    upstream = Reflect.apply(getUpstream, core, []);
  } catch {
    return false;
  }
  const stream = isObject(upstream) ? upstream.upstream : undefined;
  if (!isObject(stream) || stream.domain !== '*' || typeof stream.send !== 'function') return false;
  stream.domain = new URL(instanceOrigin).origin;
  return true;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
