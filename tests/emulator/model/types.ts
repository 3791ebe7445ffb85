// The emulator's server-side model. Timestamps are epoch milliseconds here; the snapshot
// builder turns them into ISO strings and the CCP page revives them into Dates for Streams.

export type ContactType = 'voice' | 'chat';

export type ContactStateType = 'incoming' | 'connecting' | 'connected' | 'missed' | 'ended' | 'rejected' | 'error';

export type ConnectionStateType = 'connecting' | 'connected' | 'hold' | 'disconnected';

export type AgentStateType = 'routable' | 'not_routable' | 'offline' | 'system' | 'error';

export interface AgentStateValue {
  readonly name: string;
  readonly type: AgentStateType;
  readonly since: number;
}

export interface EmulatedAgent {
  username: string;
  name: string;
  routingProfile: string;
  permissions: string[];
  /** The state the agent chose (or an error state such as MissedCallAgent). */
  state: AgentStateValue;
}

export interface EmulatedConnection {
  readonly connectionId: string;
  readonly type: 'agent' | 'inbound' | 'outbound';
  readonly initial: boolean;
  state: ConnectionStateType;
  since: number;
}

/** Where a third party was called: a quick connect (agent, queue, phone number) or a typed number. */
export interface EmulatedEndpoint {
  readonly type: 'phone_number' | 'agent' | 'queue';
  readonly name: string | null;
  readonly phoneNumber: string | null;
  readonly endpointARN: string | null;
}

/** A party the agent added with createAdditionalConnection (transfer or conference). */
export interface EmulatedThirdParty extends EmulatedConnection {
  readonly endpoint: EmulatedEndpoint;
  /** The quick connect's name, as Connect reports it on the connection; null for a typed number. */
  readonly quickConnectName: string | null;
}

/** A transcript item exactly as the Participant Service and the agent websocket carry it. */
export interface ChatItem {
  readonly AbsoluteTime: string;
  readonly Id: string;
  readonly Type: 'MESSAGE' | 'EVENT' | 'ATTACHMENT';
  readonly ContentType: string;
  readonly Content?: string;
  readonly ParticipantId: string;
  readonly DisplayName: string;
  readonly ParticipantRole: 'CUSTOMER' | 'AGENT' | 'SYSTEM';
  readonly InitialContactId: string;
  readonly ContactId: string;
  readonly Attachments?: readonly ChatAttachmentItem[];
}

/** An attachment as a transcript item lists it (no size: the Participant Service does not send one). */
export interface ChatAttachmentItem {
  readonly AttachmentId: string;
  readonly AttachmentName: string;
  readonly ContentType: string;
  readonly Status: 'APPROVED' | 'REJECTED' | 'IN_PROGRESS';
}

/** A stored file: customer uploads from the control API, agent uploads through the participant service. */
export interface StoredAttachment {
  readonly attachmentId: string;
  readonly contactId: string;
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
  /** The secret in the presigned-style URLs; the attachment host refuses any other. */
  readonly signature: string;
  bytes: Buffer | null;
  from: 'CUSTOMER' | 'AGENT';
}

export interface EmulatedContact {
  readonly contactId: string;
  readonly type: ContactType;
  readonly initiationMethod: 'inbound' | 'outbound';
  readonly createdAt: number;
  state: ContactStateType;
  since: number;
  queueName: string;
  /** The customer's number exactly as given (never normalised: tests feed odd values on purpose). */
  readonly customerNumber: string | null;
  readonly customerName: string;
  attributes: Record<string, string>;
  /** Monitored by a supervisor: snapshots carry no attributes. */
  readonly monitoring: boolean;
  readonly agentConnection: EmulatedConnection;
  readonly customerConnection: EmulatedConnection;
  /** Parties added by the agent (voice); a disconnected party leaves the list. */
  thirdParties: EmulatedThirdParty[];
  /** Chat only: the token in chatMediaInfo and the connection token handed out by createTransport. */
  readonly participantToken: string;
  readonly connectionToken: string;
  readonly transcript: ChatItem[];
}

type ApiRequestLogEntry = { readonly at: string; readonly method: string; readonly params: unknown };
type ParticipantCallLogEntry = {
  readonly at: string;
  readonly path: string;
  readonly contactId: string | null;
  readonly body: unknown;
};
type AgentMessageLogEntry = {
  readonly at: string;
  readonly contactId: string;
  readonly contentType: string;
  readonly content: string;
};

type AttachmentRequestLogEntry = {
  readonly at: string;
  readonly method: string;
  readonly path: string;
  readonly attachmentId: string | null;
};

export interface EmulatorLog {
  readonly apiRequests: ApiRequestLogEntry[];
  readonly participantCalls: ParticipantCallLogEntry[];
  readonly agentMessages: AgentMessageLogEntry[];
  /** Requests to the attachment host (uploads and downloads). */
  readonly attachmentRequests: AttachmentRequestLogEntry[];
}
