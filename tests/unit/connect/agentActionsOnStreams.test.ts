// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { startAgentActions, type AgentActions } from '../../../src/connect/agentActions.ts';
import { startContactFeed } from '../../../src/connect/contactFeed.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { deliverSnapshot, loadStreams, type StreamsGlobal } from './realStreams.ts';
import { connectUpstream, type RecordedUpstream, type UpstreamRequest } from './streamsUpstream.ts';

/**
 * The agent's actions on the real amazon-connect-streams, its objects built from recorded
 * snapshots: each action is judged by what Streams sends to Connect (the `api_request` on the
 * conduit, with the ids Streams read from the snapshot) and by what the agent is told when
 * Connect answers with an error.
 */
let api: StreamsGlobal;
let upstream: RecordedUpstream;
beforeAll(() => {
  api = loadStreams();
  upstream = connectUpstream(api);
});

/** Streams' own log and metrics uploads are not actions. */
const TELEMETRY = new Set(['sendClientLogs', 'sendSoftphoneCallMetrics', 'sendSoftphoneCallReport']);
const sent = (from: number): UpstreamRequest[] => upstream.requests.slice(from).filter((request) => !TELEMETRY.has(request.method));
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const connectionsOf = (snapshot: string) => {
  deliverSnapshot(api, snapshot);
  const contact = new api.Agent().getContacts()[0];
  if (!contact) throw new Error(`no contact in ${snapshot}`);
  const byType = (type: string) =>
    contact
      .getConnections()
      .filter((connection) => String(connection.getType()) === type)
      .map((connection) => connection.getConnectionId());
  return { agent: contact.getAgentConnection().getConnectionId(), customer: byType('inbound'), thirdParty: byType('outbound') };
};

const start = (): { actions: AgentActions; failures: string[]; stop: () => void } => {
  upstream.answerWith(() => ({ data: {} }));
  const contacts = startContactFeed(api, { masker: createMaskingEngine(undefined), secureFields: [] }, { contacts: () => undefined, audit: () => undefined });
  const failures: string[] = [];
  const actions = startAgentActions(api, contacts.findContact, { actionFailed: (key) => failures.push(key) });
  return {
    actions,
    failures,
    stop: () => {
      actions.dispose();
      contacts.dispose();
    },
  };
};

describe('the agent’s actions on real Streams', () => {
  it('accepts and rejects a ringing call by the contact id Streams read from the snapshot', async () => {
    const { actions, failures, stop } = start();
    deliverSnapshot(api, 'voiceIncoming');
    const from = upstream.requests.length;
    actions.accept('voice-1');
    actions.reject('voice-1');
    actions.accept('no-such-contact');
    await settle();
    expect(sent(from)).toEqual([
      { method: 'acceptContact', params: { contactId: 'voice-1' } },
      { method: 'rejectContact', params: { contactId: 'voice-1' } },
    ]);
    expect(failures).toEqual([]);
    stop();
  });

  it('changes the agent’s state to one the agent may pick, by its ARN, and refuses a state that is not offered', async () => {
    const { actions, failures, stop } = start();
    deliverSnapshot(api, 'voiceIncoming');
    const from = upstream.requests.length;
    actions.setAgentState('Lunch');
    actions.setAgentState('NoSuchState');
    await settle();
    const lunch = new api.Agent().getAgentStates().find((state) => state.name === 'Lunch');
    expect(lunch?.agentStateARN).toMatch(/agent-state/);
    expect(sent(from)).toEqual([{ method: 'putAgentState', params: { state: lunch } }]);
    expect(failures).toEqual(['errorStateChange']);
    stop();
  });

  it('holds the customer, resumes, sends digits to the party on the line and hangs up the agent’s leg', async () => {
    const { actions, failures, stop } = start();
    const ids = connectionsOf('voiceConnected');
    const from = upstream.requests.length;
    actions.hold('voice-1');
    actions.sendDigits('voice-1', '1234#');
    actions.hangUp('voice-1');
    deliverSnapshot(api, 'voiceOnHold');
    const held = connectionsOf('voiceOnHold');
    actions.resume('voice-1');
    await settle();
    expect(sent(from)).toEqual([
      { method: 'holdConnection', params: { contactId: 'voice-1', connectionId: ids.customer[0] } },
      { method: 'sendDigits', params: { contactId: 'voice-1', connectionId: ids.customer[0], digits: '1234#' } },
      { method: 'destroyConnection', params: { contactId: 'voice-1', connectionId: ids.agent } },
      { method: 'resumeConnection', params: { contactId: 'voice-1', connectionId: held.customer[0] } },
    ]);
    expect(failures).toEqual([]);
    stop();
  });

  it('adds a party by quick connect or checked number, then joins, swaps and leaves a warm transfer', async () => {
    const { actions, failures, stop } = start();
    deliverSnapshot(api, 'voiceConnected');
    const quickConnect = {
      endpointARN: 'arn:aws:connect:ap-northeast-1:123456789012:instance/i/transfer-destination/qc-helpdesk',
      type: 'phone_number',
      name: 'IT helpdesk',
      phoneNumber: '+18005550199',
    };
    upstream.answerWith((request) => ({ data: request.method === 'getEndpoints' ? { endpoints: [quickConnect], nextToken: null } : {} }));
    expect(await actions.quickConnects()).toEqual([{ id: quickConnect.endpointARN, name: 'IT helpdesk', type: 'phone_number' }]);
    const from = upstream.requests.length;
    actions.addParty('voice-1', { quickConnectId: quickConnect.endpointARN });
    actions.addParty('voice-1', { checkedNumber: '+81355550199' });
    actions.addParty('voice-1', { quickConnectId: 'not-offered' });
    const ids = connectionsOf('voiceThirdParty');
    actions.join('voice-1');
    actions.swap('voice-1');
    actions.leave('voice-1');
    await settle();
    const requests = sent(from);
    expect(requests.map((request) => request.method)).toEqual([
      'createAdditionalConnection',
      'createAdditionalConnection',
      'conferenceConnections',
      'toggleActiveConnections',
      'destroyConnection',
    ]);
    expect(requests[0]?.params).toMatchObject({ contactId: 'voice-1', endpoint: { endpointARN: quickConnect.endpointARN } });
    expect(requests[1]?.params).toMatchObject({ contactId: 'voice-1', endpoint: { type: 'phone_number', phoneNumber: '+81355550199' } });
    expect(requests[4]?.params).toEqual({ contactId: 'voice-1', connectionId: ids.agent });
    expect(failures).toEqual(['errorAddParty']);
    stop();
  });

  it('hangs up every party of a conference before the agent, so the call ends for all', async () => {
    const { actions, stop } = start();
    const ids = connectionsOf('voiceThirdParty');
    const from = upstream.requests.length;
    actions.hangUp('voice-1');
    await settle();
    expect(sent(from)).toEqual([
      { method: 'destroyConnection', params: { contactId: 'voice-1', connectionId: ids.thirdParty[0] } },
      { method: 'destroyConnection', params: { contactId: 'voice-1', connectionId: ids.agent } },
    ]);
    stop();
  });

  it('dials a checked number on the agent’s default outbound queue', async () => {
    const { actions, stop } = start();
    deliverSnapshot(api, 'voiceIncoming');
    const from = upstream.requests.length;
    actions.dial('+81355550100');
    await settle();
    const [dialled] = sent(from);
    expect(dialled?.method).toBe('createOutboundContact');
    expect(dialled?.params).toMatchObject({
      endpoint: { type: 'phone_number', phoneNumber: '+81355550100' },
      queueARN: expect.stringMatching(/queue\/basicqueue$/) as unknown,
    });
    stop();
  });

  it('mutes and unmutes through the broadcast the CCP answers, and clears a contact in after-call work', async () => {
    const { actions, failures, stop } = start();
    deliverSnapshot(api, 'voiceConnected');
    const events = upstream.events.length;
    const from = upstream.requests.length;
    actions.mute();
    actions.unmute();
    actions.clear('voice-1');
    await settle();
    expect(
      upstream.events
        .slice(events)
        .filter((event) => event.event === 'broadcast')
        .map((event) => event.data),
    ).toEqual([
      { event: 'mute', data: { mute: true } },
      { event: 'mute', data: { mute: false } },
    ]);
    expect(sent(from)).toEqual([{ method: 'clearContact', params: { contactId: 'voice-1' } }]);
    expect(failures).toEqual([]);
    stop();
  });

  it('tells the agent which action Connect refused, once per refusal', async () => {
    const { actions, failures, stop } = start();
    const refused = new Set([
      'acceptContact',
      'putAgentState',
      'holdConnection',
      'resumeConnection',
      'destroyConnection',
      'createAdditionalConnection',
      'getEndpoints',
    ]);
    upstream.answerWith((request) => (refused.has(request.method) ? { err: { type: 'AccessDeniedException' } } : { data: {} }));
    deliverSnapshot(api, 'voiceIncoming');
    actions.accept('voice-1');
    actions.setAgentState('Available');
    deliverSnapshot(api, 'voiceConnected');
    actions.hold('voice-1');
    actions.hangUp('voice-1');
    actions.addParty('voice-1', { checkedNumber: '+81355550199' });
    deliverSnapshot(api, 'voiceOnHold');
    actions.resume('voice-1');
    expect(await actions.quickConnects()).toEqual([]);
    await settle();
    expect(failures).toEqual(['errorAccept', 'errorStateChange', 'errorHold', 'errorHangUp', 'errorAddParty', 'errorResume', 'errorQuickConnects']);
    stop();
  });

  it('sends nothing to Connect once disposed, and tells nobody of late answers', async () => {
    const { actions, failures, stop } = start();
    upstream.answerWith(() => ({ err: { type: 'InternalServerException' } }));
    deliverSnapshot(api, 'voiceConnected');
    actions.hold('voice-1');
    stop();
    await settle();
    expect(failures).toEqual([]);
    const from = upstream.requests.length;
    actions.accept('voice-1');
    actions.hangUp('voice-1');
    actions.setAgentState('Available');
    actions.dial('+81355550100');
    await settle();
    expect(sent(from)).toEqual([]);
  });
});
