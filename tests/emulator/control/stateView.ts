// What GET /state returns: the server model in plain JSON, with the agent state Streams sees.

import type { PageMediaReport } from '../shared/pageProtocol.ts';
import type { EmulatorSettings } from '../model/emulatorSettings.ts';
import type { EmulatorState } from '../model/emulatorState.ts';
import type { ChatItem, ContactStateType, ContactType, ConnectionStateType } from '../model/types.ts';
import { effectiveAgentState } from '../snapshot/effectiveAgentState.ts';

export interface ContactView {
  readonly contactId: string;
  readonly type: ContactType;
  readonly state: ContactStateType;
  readonly initiationMethod: 'inbound' | 'outbound';
  readonly queue: string;
  readonly caller: string | null;
  readonly customerName: string;
  readonly attributes: Record<string, string>;
  readonly agentConnection: { readonly connectionId: string; readonly state: ConnectionStateType };
  readonly customerConnection: { readonly connectionId: string; readonly state: ConnectionStateType };
  /** Parties the agent added (transfer, conference), with what they were called by. */
  readonly thirdParties: readonly {
    readonly connectionId: string;
    readonly state: ConnectionStateType;
    readonly name: string | null;
    readonly phoneNumber: string | null;
  }[];
  readonly transcript: readonly ChatItem[];
}

export interface StateView {
  readonly agent: {
    readonly username: string;
    readonly name: string;
    readonly routingProfile: string;
    readonly permissions: readonly string[];
    /** The state the agent (or a missed call) set. */
    readonly state: string;
    /** The state Streams sees, e.g. Busy during a call. */
    readonly effectiveState: string;
    /** The softphone mute the agent set (the CCP's mute broadcast). */
    readonly muted: boolean;
  };
  readonly contacts: readonly ContactView[];
  /** The agent's chat websocket (POST /faults/chat-websocket). */
  readonly chatWebsocketUp: boolean;
  readonly config: {
    readonly approvedOrigins: readonly string[];
    readonly redirectCcpTo: string | null;
    readonly unresponsive: boolean;
    readonly xFrameOptions: 'DENY' | 'SAMEORIGIN' | null;
    /** Streams request methods that will fail, and how many more times. */
    readonly failingApiRequests: Readonly<Record<string, number>>;
  };
  /** CCP pages currently connected to the server. */
  readonly openPages: number;
  /** What each CCP page last said about its media: ringtone, microphone, timers (see PageMediaReport). */
  readonly pages: readonly PageMediaReport[];
}

export function stateView(state: EmulatorState, settings: EmulatorSettings, openPages: number): StateView {
  const { agent } = state;
  return {
    agent: {
      username: agent.username,
      name: agent.name,
      routingProfile: agent.routingProfile,
      permissions: [...agent.permissions],
      state: agent.state.name,
      effectiveState: effectiveAgentState(agent, state.contacts).name,
      muted: state.agentMuted,
    },
    contacts: state.contacts.map((c) => ({
      contactId: c.contactId,
      type: c.type,
      state: c.state,
      initiationMethod: c.initiationMethod,
      queue: c.queueName,
      caller: c.customerNumber,
      customerName: c.customerName,
      attributes: { ...c.attributes },
      agentConnection: { connectionId: c.agentConnection.connectionId, state: c.agentConnection.state },
      customerConnection: { connectionId: c.customerConnection.connectionId, state: c.customerConnection.state },
      thirdParties: c.thirdParties.map((p) => ({
        connectionId: p.connectionId,
        state: p.state,
        name: p.quickConnectName,
        phoneNumber: p.endpoint.phoneNumber,
      })),
      transcript: [...c.transcript],
    })),
    chatWebsocketUp: state.chatSocketUp,
    config: {
      approvedOrigins: [...settings.approvedOrigins],
      redirectCcpTo: settings.redirectCcpTo,
      unresponsive: settings.unresponsive,
      xFrameOptions: settings.xFrameOptions,
      failingApiRequests: Object.fromEntries(settings.apiFailures),
    },
    openPages,
    pages: [...state.pages],
  };
}
