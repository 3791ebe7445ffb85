// Answers Streams' api_request calls (protocol doc A.6) against the server state, as the
// real CCP's shared worker would after calling the CTI service.

import { EmulatorError } from '../model/emulatorError.ts';
import { quickConnects } from '../model/instanceCatalog.ts';
import type { EmulatorState } from '../model/emulatorState.ts';
import type { EmulatedEndpoint } from '../model/types.ts';
import type { PageApiResponse } from '../shared/pageProtocol.ts';

/** Telemetry calls: acknowledged, recorded without their (large) params. */
const TELEMETRY_METHODS = new Set(['sendClientLogs', 'sendSoftphoneCallMetrics', 'sendSoftphoneCallReport', 'sendSoftphoneReport']);

const ok = (data: unknown = {}): PageApiResponse => ({ data, err: null });

/**
 * `failures`: methods that fail a number of times more (POST /faults/api), answered with the
 * error Connect's CTI service gives for a request it cannot carry out.
 */
export function handleCcpApiRequest(state: EmulatorState, method: string, params: unknown, failures?: Map<string, number>): PageApiResponse {
  const telemetry = TELEMETRY_METHODS.has(method);
  state.log.apiRequests.push({ at: new Date().toISOString(), method, params: telemetry ? null : (params ?? null) });
  if (telemetry) return ok();
  const failing = failures?.get(method) ?? 0;
  if (failing > 0) {
    if (failing === 1) failures?.delete(method);
    else failures?.set(method, failing - 1);
    return { data: null, err: { type: 'InternalServiceException', message: `${method} failed (fault injected).` } };
  }
  try {
    return dispatch(state, method, params);
  } catch (error) {
    if (error instanceof EmulatorError) {
      const type = error.status === 404 ? 'ResourceNotFoundException' : 'InvalidParameterException';
      return { data: null, err: { type, message: error.message } };
    }
    throw error;
  }
}

function dispatch(state: EmulatorState, method: string, params: unknown): PageApiResponse {
  switch (method) {
    case 'putAgentState': {
      const agentState = field(params, 'state');
      state.putAgentState(stringField(agentState, 'name'));
      return ok();
    }
    case 'acceptContact':
      state.accept(stringField(params, 'contactId'));
      return ok();
    case 'rejectContact':
      state.reject(stringField(params, 'contactId'));
      return ok();
    case 'clearContact':
    case 'completeContact':
      state.clear(stringField(params, 'contactId'));
      return ok();
    case 'destroyConnection':
      state.destroyConnection(stringField(params, 'contactId'), stringField(params, 'connectionId'));
      return ok();
    case 'holdConnection':
    case 'resumeConnection':
      state.setConnectionHold(stringField(params, 'contactId'), stringField(params, 'connectionId'), method === 'holdConnection');
      return ok();
    case 'sendDigits': {
      // Connect accepts 0-9, *, # and the pause comma; anything else is refused.
      const digits = stringField(params, 'digits');
      if (!/^[0-9*#,]+$/.test(digits)) throw new EmulatorError(400, `"${digits}" is not a DTMF sequence (0-9, *, #, comma).`);
      state.findContact(stringField(params, 'contactId'));
      return ok();
    }
    case 'createOutboundContact': {
      const endpoint = field(params, 'endpoint');
      const contact = state.addContact({ type: 'voice', direction: 'outbound', caller: stringField(endpoint, 'phoneNumber'), initialState: 'connecting' });
      return ok({ contactId: contact.contactId });
    }
    case 'createAdditionalConnection': {
      const contactId = stringField(params, 'contactId');
      const { endpoint, quickConnectName } = endpointOf(state, field(params, 'endpoint'));
      state.addThirdParty(contactId, endpoint, quickConnectName);
      return ok();
    }
    case 'conferenceConnections':
      state.conference(stringField(params, 'contactId'));
      return ok();
    case 'toggleActiveConnections':
      state.toggleActive(stringField(params, 'contactId'));
      return ok();
    case 'broadcast': {
      // Only the softphone mute comes up here: the real worker echoes it to every tab and the
      // CCP answers with agent::mute_toggle; see PageEvent.mute.
      if (field(params, 'event') !== 'mute') throw new EmulatorError(400, 'Only the mute broadcast is relayed to the emulator.');
      state.setAgentMuted(field(field(params, 'data'), 'mute') === true);
      return ok();
    }
    case 'getEndpoints':
      return ok({ endpoints: quickConnects(state.catalog), nextToken: null });
    case 'createTransport':
      return createTransport(state, params);
    default:
      return { data: null, err: { type: 'NotImplemented', message: `The emulated CCP does not implement ${method}.` } };
  }
}

/** A Streams Endpoint: a quick connect (looked up by ARN, as Connect does) or a typed phone number. */
function endpointOf(state: EmulatorState, value: unknown): { endpoint: EmulatedEndpoint; quickConnectName: string | null } {
  const arn = optionalString(value, 'endpointARN');
  if (arn !== null) {
    const known = quickConnects(state.catalog).find((candidate) => candidate.endpointARN === arn);
    if (!known) throw new EmulatorError(404, `No quick connect "${arn}" in this instance.`);
    const type = known.type === 'agent' || known.type === 'queue' ? known.type : 'phone_number';
    return { endpoint: { type, name: known.name ?? null, phoneNumber: known.phoneNumber ?? null, endpointARN: arn }, quickConnectName: known.name ?? null };
  }
  if (field(value, 'type') !== 'phone_number') throw new EmulatorError(400, 'An endpoint without an ARN must be a phone_number.');
  return { endpoint: { type: 'phone_number', name: null, phoneNumber: stringField(value, 'phoneNumber'), endpointARN: null }, quickConnectName: null };
}

function optionalString(value: unknown, key: string): string | null {
  const found = field(value, key);
  return typeof found === 'string' && found !== '' ? found : null;
}

function createTransport(state: EmulatorState, params: unknown): PageApiResponse {
  const transportType = stringField(params, 'transportType');
  if (transportType !== 'chat_token') {
    throw new EmulatorError(400, `Transport type "${transportType}" is not emulated; only chat_token is.`);
  }
  const contact = state.findContact(stringField(params, 'contactId'));
  const expiry = new Date(Date.now() + 3_600_000).toISOString();
  return ok({ chatTokenTransport: { participantToken: contact.connectionToken, expiry } });
}

function field(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) throw new EmulatorError(400, `Expected an object with "${key}".`);
  return (value as Record<string, unknown>)[key];
}

function stringField(value: unknown, key: string): string {
  const found = field(value, key);
  if (typeof found !== 'string' || found === '') throw new EmulatorError(400, `"${key}" must be a non-empty string.`);
  return found;
}
