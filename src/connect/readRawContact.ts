import type { RawCall } from '../core/agent/RawParty.ts';
import type { RawContact } from '../core/contact/RawContact.ts';

/** Flattens a Streams contact. Raw values stay inside the adapter; see buildContactView. */
export function readRawContact(contact: connect.Contact): RawContact {
  const status = contact.getStatus();
  const agentConnection = safely(() => contact.getAgentConnection());
  const initial = safely(() => contact.getInitialConnection());
  const endpoint = initial && String(initial.getType()) !== 'agent' ? safely(() => initial.getEndpoint()) : null;
  return {
    contactId: contact.getContactId(),
    type: String(contact.getType()),
    state: String(status.type),
    stateSince: status.timestamp instanceof Date ? status.timestamp.getTime() : null,
    agentConnectionState: agentConnection ? String(agentConnection.getStatus().type) : null,
    queueName: safely(() => contact.getQueue()?.name ?? null),
    callerNumber: endpoint?.phoneNumber ? endpoint.phoneNumber : null,
    attributes: flattenAttributes(safely(() => contact.getAttributes())),
    call: String(contact.getType()) === 'voice' || String(contact.getType()) === 'queue_callback' ? readRawCall(contact, agentConnection) : null,
  };
}

/** Connection types that are the agent's own legs, not parties on the call. */
const AGENT_SIDE = new Set(['agent', 'monitoring']);

function readRawCall(contact: connect.Contact, agentConnection: connect.BaseConnection | null): RawCall {
  const parties = (safely(() => contact.getConnections()) ?? [])
    .filter((connection) => !AGENT_SIDE.has(String(connection.getType())))
    .map((connection) => {
      const status = connection.getStatus();
      const endpoint = safely(() => connection.getEndpoint());
      const quickConnect = isVoiceConnection(connection) ? safely(() => connection.getQuickConnectName()) : null;
      return {
        connectionId: connection.getConnectionId(),
        initial: connection.isInitialConnection(),
        state: String(status.type),
        stateSince: status.timestamp instanceof Date ? status.timestamp.getTime() : null,
        phoneNumber: endpoint?.phoneNumber ? endpoint.phoneNumber : null,
        quickConnectName: typeof quickConnect === 'string' && quickConnect !== '' ? quickConnect : null,
      };
    });
  const muted = agentConnection && isVoiceConnection(agentConnection) ? safely(() => agentConnection.isMute()) : null;
  return { inbound: safely(() => contact.isInbound()) ?? true, parties, muted: typeof muted === 'boolean' ? muted : null };
}

/** Streams' VoiceConnection, told apart by its methods so this module needs no Streams global. */
function isVoiceConnection(connection: connect.BaseConnection): connection is connect.VoiceConnection {
  return typeof Reflect.get(connection, 'isMute') === 'function' && typeof Reflect.get(connection, 'getQuickConnectName') === 'function';
}

function flattenAttributes(attributes: connect.AttributeDictionary | null): Record<string, unknown> | null {
  if (attributes === null || typeof attributes !== 'object') return null;
  const flat: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(attributes)) {
    // An unexpected shape is passed on as-is: the masker treats non-strings as sensitive.
    flat[name] = entry && typeof entry === 'object' && 'value' in entry ? entry.value : entry;
  }
  return flat;
}

/** Streams getters throw on contacts that are being torn down; a missing field is not an error. */
function safely<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}
