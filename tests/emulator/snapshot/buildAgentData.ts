// Builds the `agent::update` payload (protocol doc A.5) from the server model. Dates are ISO
// strings here because the payload travels as JSON; the CCP page revives the DATE_FIELDS keys.

import { agentArn, agentStateArn, queueArn, routingProfileArn } from '../model/instanceCatalog.ts';
import type { EmulatorState } from '../model/emulatorState.ts';
import type { EmulatedConnection, EmulatedContact, EmulatedThirdParty } from '../model/types.ts';
import { effectiveAgentState } from './effectiveAgentState.ts';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const iso = (ms: number): string => new Date(ms).toISOString();

export function buildAgentData(state: EmulatorState): JsonObject {
  const { catalog, agent, contacts } = state;
  const current = effectiveAgentState(agent, contacts);
  const stateJson: JsonObject = {
    agentStateARN: current.chosen ? agentStateArn(catalog, current.name) : null,
    type: current.type,
    name: current.name,
    startTimestamp: iso(current.since),
  };
  const now = Date.now();
  return {
    snapshot: {
      state: stateJson,
      nextState: null,
      agentAvailabilityState: { state: current.name, timeStamp: iso(current.since) },
      contacts: contacts.map((c) => contactJson(state, c)),
      snapshotTimestamp: iso(now),
      localTimestamp: now,
      skew: 0,
    },
    configuration: configurationJson(state),
  };
}

function queueJson(state: EmulatorState, name: string): JsonObject {
  const arn = queueArn(state.catalog, name);
  return { queueARN: arn, name, queueId: arn };
}

function configurationJson(state: EmulatorState): JsonObject {
  const { catalog, agent } = state;
  const profileArn = routingProfileArn(catalog, agent.routingProfile);
  const defaultQueue = queueJson(state, catalog.defaultQueueName);
  const agentQueueArn = `${catalog.instanceArn}/queue/agent/${encodeURIComponent(agent.username)}`;
  return {
    name: agent.name,
    username: agent.username,
    agentARN: agentArn(catalog, agent.username),
    softphoneEnabled: true,
    softphoneAutoAccept: false,
    extension: null,
    routingProfile: {
      name: agent.routingProfile,
      routingProfileARN: profileArn,
      routingProfileId: profileArn,
      channelConcurrencyMap: { VOICE: 1, CHAT: 3, TASK: 1 },
      defaultOutboundQueue: defaultQueue,
      queues: [defaultQueue, { queueARN: agentQueueArn, name: null, queueId: agentQueueArn }],
    },
    agentPreferences: { LANGUAGE: 'en_US' },
    permissions: [...agent.permissions],
    dialableCountries: ['us', 'jp', 'gb', 'de', 'fr'],
    agentStates: catalog.agentStates.map((s) => ({ agentStateARN: agentStateArn(catalog, s.name), type: s.type, name: s.name })),
  };
}

function contactJson(state: EmulatorState, contact: EmulatedContact): JsonObject {
  const contactState: JsonObject = { type: contact.state, timestamp: iso(contact.since) };
  const attributes: JsonObject = {};
  for (const [name, value] of Object.entries(contact.attributes)) attributes[name] = { name, value };
  return {
    contactId: contact.contactId,
    initialContactId: contact.contactId,
    type: contact.type,
    state: contactState,
    status: contactState,
    queue: queueJson(state, contact.queueName),
    queueTimestamp: iso(contact.createdAt),
    connections: [agentConnectionJson(state, contact), customerConnectionJson(contact), ...contact.thirdParties.map(thirdPartyJson)],
    attributes: contact.monitoring ? null : attributes,
    contactDuration: String(Math.max(0, Math.round((Date.now() - contact.createdAt) / 1000))),
    name: null,
    description: null,
    references: {},
    initiationMethod: contact.monitoring ? 'monitor' : contact.initiationMethod,
    contactFeatures: { attachmentsEnabled: false, messagingMarkdownEnabled: true, multiPartyConferenceEnabled: true },
    channelContext: {},
    segmentAttributes: {},
    languageCode: 'en-US',
  };
}

function thirdPartyJson(party: EmulatedThirdParty): JsonObject {
  const { endpoint } = party;
  return {
    ...connectionBase(party, {
      endpointARN: endpoint.endpointARN,
      type: endpoint.type,
      name: endpoint.name,
      phoneNumber: endpoint.phoneNumber,
      agentLogin: null,
      queue: null,
    }),
    quickConnectName: party.quickConnectName,
  };
}

function connectionBase(conn: EmulatedConnection, endpoint: JsonObject): JsonObject {
  return {
    connectionId: conn.connectionId,
    type: conn.type,
    initial: conn.initial,
    state: { type: conn.state, timestamp: iso(conn.since) },
    endpoint,
    address: endpoint,
    mute: false,
    forcedMute: false,
    quickConnectName: null,
  };
}

function agentConnectionJson(state: EmulatorState, contact: EmulatedContact): JsonObject {
  const { agent } = state;
  const endpoint: JsonObject = {
    endpointARN: agentArn(state.catalog, agent.username),
    type: 'agent',
    name: agent.name,
    phoneNumber: null,
    agentLogin: agent.username,
    queue: null,
  };
  const base = { ...connectionBase(contact.agentConnection, endpoint), ...(contact.type === 'voice' ? { mute: state.agentMuted } : {}) };
  if (contact.type === 'chat') {
    return {
      ...base,
      chatMediaInfo: {
        chatAutoAccept: false,
        connectionData: JSON.stringify({ ConnectionAuthenticationToken: contact.participantToken }),
        customerName: contact.customerName,
      },
    };
  }
  return {
    ...base,
    softphoneMediaInfo: {
      callType: 'audio_only',
      autoAccept: false,
      mediaLegContextToken: `mlct-${contact.contactId}`,
      callContextToken: `cct-${contact.contactId}`,
      callConfigJson: '{}',
    },
  };
}

function customerConnectionJson(contact: EmulatedContact): JsonObject {
  const endpoint: JsonObject = {
    endpointARN: null,
    type: 'phone_number',
    name: contact.type === 'chat' ? contact.customerName : null,
    phoneNumber: contact.customerNumber,
    agentLogin: null,
    queue: null,
  };
  const base = connectionBase(contact.customerConnection, endpoint);
  return contact.type === 'chat' ? { ...base, chatMediaInfo: { customerName: contact.customerName } } : base;
}
