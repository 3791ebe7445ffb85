import { describe, expect, it } from 'vitest';
import { EmulatorState } from '../../emulator/model/emulatorState.ts';
import { instanceCatalog } from '../../emulator/model/instanceCatalog.ts';
import { buildAgentData } from '../../emulator/snapshot/buildAgentData.ts';
import { reviveDates } from '../../emulator/ccp-page/reviveDates.ts';
import { handleCcpApiRequest } from '../../emulator/ccp/ccpApiHandler.ts';

/** The snapshot after a JSON round trip, as the CCP page receives it. */
function snapshotOf(state: EmulatorState): unknown {
  return JSON.parse(JSON.stringify(buildAgentData(state))) as unknown;
}

/** Walks into nested objects/arrays; undefined when a step is missing. */
function dig(value: unknown, ...path: Array<string | number>): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

describe('agent::update snapshot', () => {
  it('carries identity, permissions and the chosen state when idle', () => {
    const state = new EmulatorState(instanceCatalog('eu-central-1'), { name: 'Ada', username: 'ada', permissions: ['outboundCall'], state: 'Lunch' });
    const data = snapshotOf(state);
    expect(dig(data, 'configuration')).toMatchObject({ name: 'Ada', username: 'ada', permissions: ['outboundCall'] });
    expect(dig(data, 'configuration', 'agentARN')).toMatch(/^arn:aws:connect:eu-central-1:/);
    expect(dig(data, 'configuration', 'routingProfile', 'defaultOutboundQueue', 'queueARN')).toEqual(expect.any(String));
    expect(dig(data, 'snapshot', 'state')).toMatchObject({ name: 'Lunch', type: 'not_routable' });
    expect(dig(data, 'snapshot', 'contacts')).toEqual([]);
  });

  it('shows system states for voice work and the attributes as {name, value}', () => {
    const state = new EmulatorState(instanceCatalog('us-west-2'), { state: 'Available' });
    const voice = state.addContact({ type: 'voice', caller: '+15555550100', attributes: { orderId: '42' } });
    expect(dig(snapshotOf(state), 'snapshot', 'state')).toMatchObject({ name: 'PendingBusy', type: 'system', agentStateARN: null });
    state.accept(voice.contactId);
    expect(dig(snapshotOf(state), 'snapshot', 'state', 'name')).toBe('Busy');
    state.end(voice.contactId);
    const data = snapshotOf(state);
    expect(dig(data, 'snapshot', 'state', 'name')).toBe('AfterCallWork');
    expect(dig(data, 'snapshot', 'contacts', 0)).toMatchObject({
      contactId: voice.contactId,
      initialContactId: voice.contactId,
      type: 'voice',
      state: { type: 'ended' },
      status: { type: 'ended' },
      attributes: { orderId: { name: 'orderId', value: '42' } },
      initiationMethod: 'inbound',
    });
    expect(dig(data, 'snapshot', 'contacts', 0, 'connections', 0)).toMatchObject({
      type: 'agent',
      initial: false,
      softphoneMediaInfo: { callType: 'audio_only' },
    });
    expect(dig(data, 'snapshot', 'contacts', 0, 'connections', 1)).toMatchObject({
      type: 'inbound',
      initial: true,
      endpoint: { phoneNumber: '+15555550100' },
    });
    state.clear(voice.contactId);
    expect(dig(snapshotOf(state), 'snapshot', 'state', 'name')).toBe('Available');
  });

  it('gives a chat agent connection the participant token chatjs needs', () => {
    const state = new EmulatorState(instanceCatalog('us-west-2'));
    const chat = state.addContact({ type: 'chat' });
    const connectionData = dig(snapshotOf(state), 'snapshot', 'contacts', 0, 'connections', 0, 'chatMediaInfo', 'connectionData');
    expect(JSON.parse(String(connectionData))).toEqual({ ConnectionAuthenticationToken: chat.participantToken });
    const transport = handleCcpApiRequest(state, 'createTransport', { transportType: 'chat_token', contactId: chat.contactId, participantId: 'p' });
    expect(transport).toMatchObject({ err: null, data: { chatTokenTransport: { participantToken: chat.connectionToken } } });
  });

  it('revives every timestamp into a Date in the page', () => {
    const state = new EmulatorState(instanceCatalog('us-west-2'));
    state.addContact({ type: 'voice' });
    const revived = reviveDates(snapshotOf(state));
    expect(dig(revived, 'snapshot', 'state', 'startTimestamp')).toBeInstanceOf(Date);
    expect(dig(revived, 'snapshot', 'snapshotTimestamp')).toBeInstanceOf(Date);
    expect(dig(revived, 'snapshot', 'agentAvailabilityState', 'timeStamp')).toBeInstanceOf(Date);
    expect(dig(revived, 'snapshot', 'contacts', 0, 'state', 'timestamp')).toBeInstanceOf(Date);
    expect(dig(revived, 'snapshot', 'contacts', 0, 'queueTimestamp')).toBeInstanceOf(Date);
    expect(dig(revived, 'snapshot', 'contacts', 0, 'connections', 0, 'state', 'timestamp')).toBeInstanceOf(Date);
    expect(typeof dig(revived, 'snapshot', 'contacts', 0, 'contactId')).toBe('string');
  });
});

describe('api_request handling', () => {
  it('answers errors for unknown methods and contacts, and logs calls', () => {
    const state = new EmulatorState(instanceCatalog('us-west-2'));
    expect(handleCcpApiRequest(state, 'teleport', {}).err).toMatchObject({ type: 'NotImplemented' });
    expect(handleCcpApiRequest(state, 'acceptContact', { contactId: 'nope' }).err).toMatchObject({ type: 'ResourceNotFoundException' });
    expect(handleCcpApiRequest(state, 'sendClientLogs', { logs: ['big'] })).toEqual({ data: {}, err: null });
    expect(state.log.apiRequests.map((r) => [r.method, r.params])).toEqual([
      ['teleport', {}],
      ['acceptContact', { contactId: 'nope' }],
      ['sendClientLogs', null],
    ]);
  });

  it('returns quick connects and creates outbound calls', () => {
    const state = new EmulatorState(instanceCatalog('us-west-2'));
    const endpoints = handleCcpApiRequest(state, 'getEndpoints', { queueARNs: [] });
    expect(dig(endpoints, 'data', 'endpoints', 1, 'name')).toEqual(expect.any(String));
    handleCcpApiRequest(state, 'createOutboundContact', { endpoint: { phoneNumber: '+15555550199' } });
    expect(state.contacts[0]).toMatchObject({ initiationMethod: 'outbound', customerNumber: '+15555550199', state: 'connecting' });
    expect(state.contacts[0]?.agentConnection.state).toBe('connected');
  });
});
