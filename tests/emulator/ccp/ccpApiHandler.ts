// Answers Streams' api_request calls (protocol doc A.6) against the server state, as the
// real CCP's shared worker would after calling the CTI service.

import { EmulatorError } from '../model/emulatorError.ts';
import { quickConnects } from '../model/instanceCatalog.ts';
import type { EmulatorState } from '../model/emulatorState.ts';
import type { PageApiResponse } from '../shared/pageProtocol.ts';

/** Telemetry calls: acknowledged, recorded without their (large) params. */
const TELEMETRY_METHODS = new Set(['sendClientLogs', 'sendSoftphoneCallMetrics', 'sendSoftphoneCallReport', 'sendSoftphoneReport']);

const ok = (data: unknown = {}): PageApiResponse => ({ data, err: null });

export function handleCcpApiRequest(state: EmulatorState, method: string, params: unknown): PageApiResponse {
  const telemetry = TELEMETRY_METHODS.has(method);
  state.log.apiRequests.push({ at: new Date().toISOString(), method, params: telemetry ? null : params ?? null });
  if (telemetry) return ok();
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
    case 'sendDigits':
      state.findContact(stringField(params, 'contactId'));
      return ok();
    case 'createOutboundContact': {
      const endpoint = field(params, 'endpoint');
      state.addContact({ type: 'voice', direction: 'outbound', caller: stringField(endpoint, 'phoneNumber'), initialState: 'connecting' });
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
