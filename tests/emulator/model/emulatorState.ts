// The one source of truth of the emulated instance: agent, contacts, chat transcripts and the
// log of what the emulator received. Streams reloads the CCP iframe on auth failures, so none
// of this may live in the page. Every mutation notifies the listeners; the CCP site turns that
// into a complete snapshot for every open page.

import { randomUUID } from 'node:crypto';
import type { PageMediaReport } from '../shared/pageProtocol.ts';
import { EmulatorError } from './emulatorError.ts';
import {
  agentMessageItem,
  attachmentItem,
  chatEndedItem,
  customerMessageItem,
  participantEventItem,
  typingItem,
  type ParticipantEventName,
} from './chatItems.ts';
import type { InstanceCatalog } from './instanceCatalog.ts';
import type {
  AgentStateType,
  ChatItem,
  ContactStateType,
  ContactType,
  EmulatedAgent,
  EmulatedConnection,
  EmulatedContact,
  EmulatedEndpoint,
  EmulatedThirdParty,
  EmulatorLog,
  StoredAttachment,
} from './types.ts';

export interface AgentIdentity {
  readonly username: string;
  readonly name: string;
  readonly routingProfile: string;
  readonly permissions: readonly string[];
  /** One of the instance's agent state names, e.g. "Available". */
  readonly state: string;
}

const DEFAULT_AGENT: AgentIdentity = {
  username: 'demo.agent',
  name: 'Demo Agent',
  routingProfile: 'Basic Routing Profile',
  permissions: ['outboundCall', 'voiceContactAccess', 'chatContactAccess'],
  state: 'Offline',
};

export interface NewContact {
  readonly contactId?: string;
  readonly type: ContactType;
  readonly direction?: 'inbound' | 'outbound';
  readonly caller?: string | null;
  readonly customerName?: string;
  readonly queue?: string;
  readonly attributes?: Readonly<Record<string, string>>;
  readonly initialState?: 'connecting' | 'incoming';
  /** A supervisor monitoring the contact: Streams then gets no attributes, as from the real service. */
  readonly monitoring?: boolean;
}

/** States the control API can move a contact to; `on_hold` is the customer leg on hold. */
export type ControlContactState = 'connected' | 'missed' | 'ended' | 'rejected' | 'error' | 'on_hold';

type ChatItemListener = (contactId: string, item: ChatItem) => void;
type ChatSocketListener = (up: boolean) => void;

/** The next participant-service sends that fail, and how: a server error, or an expired token (403). */
export interface ChatSendFault {
  remaining: number;
  error: 'server' | 'expired';
}

export class EmulatorState {
  readonly catalog: InstanceCatalog;
  readonly log: EmulatorLog = { apiRequests: [], participantCalls: [], agentMessages: [], attachmentRequests: [] };
  private readonly initialAgent: AgentIdentity;
  private agentValue: EmulatedAgent;
  private contactList: EmulatedContact[] = [];
  private readonly changeListeners = new Set<() => void>();
  private readonly chatListeners = new Set<ChatItemListener>();
  private muted = false;
  private readonly pageReports = new Map<string, PageMediaReport>();
  private readonly chatSocketListeners = new Set<ChatSocketListener>();
  readonly attachments = new Map<string, StoredAttachment>();
  chatSendFault: ChatSendFault = { remaining: 0, error: 'server' };
  /** The agent's chat websocket (the CCP's): while down, nothing is pushed; the transcript still grows. */
  chatSocketUp = true;

  constructor(catalog: InstanceCatalog, agent: Partial<AgentIdentity> = {}) {
    this.catalog = catalog;
    this.initialAgent = { ...DEFAULT_AGENT, ...agent };
    this.agentValue = this.agentFrom(this.initialAgent);
  }

  get agent(): Readonly<EmulatedAgent> {
    return this.agentValue;
  }

  get contacts(): readonly EmulatedContact[] {
    return this.contactList;
  }

  /** The agent's softphone mute, as the CCP's `mute` broadcast sets it. */
  get agentMuted(): boolean {
    return this.muted;
  }

  /** The latest report of each CCP page that sent one (not a change: no snapshot is pushed). */
  recordPageReport(report: PageMediaReport): void {
    this.pageReports.set(report.pageId, report);
  }

  get pages(): readonly PageMediaReport[] {
    return [...this.pageReports.values()];
  }

  setAgentMuted(muted: boolean): void {
    this.muted = muted;
    this.changed();
  }

  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onChatItem(listener: ChatItemListener): () => void {
    this.chatListeners.add(listener);
    return () => this.chatListeners.delete(listener);
  }

  onChatSocket(listener: ChatSocketListener): () => void {
    this.chatSocketListeners.add(listener);
    return () => this.chatSocketListeners.delete(listener);
  }

  reset(): void {
    this.agentValue = this.agentFrom(this.initialAgent);
    this.contactList = [];
    this.muted = false;
    this.pageReports.clear();
    this.attachments.clear();
    this.chatSendFault = { remaining: 0, error: 'server' };
    if (!this.chatSocketUp) this.setChatSocket(true);
    this.log.apiRequests.length = 0;
    this.log.participantCalls.length = 0;
    this.log.agentMessages.length = 0;
    this.log.attachmentRequests.length = 0;
    this.changed();
  }

  updateAgent(patch: Partial<AgentIdentity>): void {
    const next = { ...this.agentValue };
    if (patch.username !== undefined) next.username = patch.username;
    if (patch.name !== undefined) next.name = patch.name;
    if (patch.routingProfile !== undefined) next.routingProfile = patch.routingProfile;
    if (patch.permissions !== undefined) next.permissions = [...patch.permissions];
    if (patch.state !== undefined) next.state = { ...this.knownAgentState(patch.state), since: Date.now() };
    this.agentValue = next;
    this.changed();
  }

  /** putAgentState from Streams: the state object comes from configuration.agentStates. */
  putAgentState(name: string): void {
    this.agentValue = { ...this.agentValue, state: { ...this.knownAgentState(name), since: Date.now() } };
    this.changed();
  }

  findContact(contactId: string): EmulatedContact {
    const contact = this.contactList.find((c) => c.contactId === contactId);
    if (!contact) throw new EmulatorError(404, `No contact with id "${contactId}" exists in the emulator.`);
    return contact;
  }

  findContactByToken(token: string): EmulatedContact | undefined {
    return this.contactList.find((c) => c.participantToken === token || c.connectionToken === token);
  }

  addContact(input: NewContact): EmulatedContact {
    const contactId = input.contactId ?? randomUUID();
    if (this.contactList.some((c) => c.contactId === contactId)) {
      throw new EmulatorError(400, `A contact with id "${contactId}" already exists.`);
    }
    const now = Date.now();
    const outbound = input.direction === 'outbound';
    const contact: EmulatedContact = {
      contactId,
      type: input.type,
      initiationMethod: outbound ? 'outbound' : 'inbound',
      createdAt: now,
      state: input.initialState ?? 'connecting',
      since: now,
      queueName: input.queue ?? this.catalog.defaultQueueName,
      customerNumber: input.type === 'voice' ? (input.caller ?? '+15555550100') : (input.caller ?? null),
      customerName: input.customerName ?? 'Customer',
      attributes: { ...(input.attributes ?? {}) },
      monitoring: input.monitoring === true,
      // Outbound: the agent is already on the line while the customer's phone rings.
      agentConnection: connection('agent', false, outbound ? 'connected' : 'connecting', now),
      customerConnection: connection(outbound ? 'outbound' : 'inbound', true, outbound ? 'connecting' : 'connected', now),
      thirdParties: [],
      participantToken: `ptok-${randomUUID()}`,
      connectionToken: `ctok-${randomUUID()}`,
      transcript: [],
    };
    this.contactList = [...this.contactList, contact];
    this.changed();
    return contact;
  }

  accept(contactId: string): void {
    const contact = this.findContact(contactId);
    if (!isActive(contact.state)) {
      throw new EmulatorError(400, `Contact "${contactId}" is ${contact.state} and can no longer be accepted.`);
    }
    setContactState(contact, 'connected');
    setConnectionState(contact.agentConnection, 'connected');
    setConnectionState(contact.customerConnection, 'connected');
    this.changed();
  }

  /** Reject, missed and error are transient: Streams sees the state once, then the contact is gone. */
  reject(contactId: string): void {
    this.endTransiently(this.findContact(contactId), 'rejected');
  }

  miss(contactId: string): void {
    this.agentValue = { ...this.agentValue, state: { name: 'MissedCallAgent', type: 'error', since: Date.now() } };
    this.endTransiently(this.findContact(contactId), 'missed');
  }

  fail(contactId: string): void {
    this.endTransiently(this.findContact(contactId), 'error');
  }

  /** Somebody hung up (agent or customer): the contact goes to after-contact work until cleared. */
  end(contactId: string): void {
    const contact = this.findContact(contactId);
    setContactState(contact, 'ended');
    setConnectionState(contact.agentConnection, 'disconnected');
    setConnectionState(contact.customerConnection, 'disconnected');
    contact.thirdParties = [];
    if (contact.type === 'chat') this.appendChatItem(contact, chatEndedItem(contact));
    this.changed();
  }

  /**
   * Hang-up of one leg, as Connect does it: the agent leaving a call that still has two other
   * parties hands it over to them (the agent goes to after-contact work); a third party leaving
   * drops out of the list; the customer leaving ends the call unless a third party is still on.
   */
  destroyConnection(contactId: string, connectionId: string): void {
    const contact = this.findContact(contactId);
    const conn = this.connectionOf(contactId, connectionId);
    const others = livingParties(contact).filter((party) => party !== conn);
    if (conn === contact.agentConnection) {
      if (others.length < 2) return this.end(contactId);
      setContactState(contact, 'ended');
      setConnectionState(contact.agentConnection, 'disconnected');
      return this.changed();
    }
    if (conn === contact.customerConnection) {
      if (!contact.thirdParties.some((party) => party.state !== 'disconnected')) return this.end(contactId);
      setConnectionState(conn, 'disconnected');
      return this.changed();
    }
    contact.thirdParties = contact.thirdParties.filter((party) => party !== conn);
    this.changed();
  }

  setConnectionHold(contactId: string, connectionId: string, onHold: boolean): void {
    const conn = this.connectionOf(contactId, connectionId);
    setConnectionState(conn, onHold ? 'hold' : 'connected');
    this.changed();
  }

  /**
   * createAdditionalConnection: the parties on the line are put on hold and the new one is
   * called. A queue takes the call at once; an agent or a phone number rings until the control
   * API says they answered.
   */
  addThirdParty(contactId: string, endpoint: EmulatedEndpoint, quickConnectName: string | null): EmulatedThirdParty {
    const contact = this.findContact(contactId);
    if (contact.type !== 'voice' || contact.state !== 'connected') {
      throw new EmulatorError(400, `Contact "${contactId}" is not a connected call; a party can only be added to one.`);
    }
    for (const party of livingParties(contact)) if (party.state === 'connected') setConnectionState(party, 'hold');
    const now = Date.now();
    const party: EmulatedThirdParty = {
      connectionId: randomUUID(),
      type: 'outbound',
      initial: false,
      state: endpoint.type === 'queue' ? 'connected' : 'connecting',
      since: now,
      endpoint,
      quickConnectName,
    };
    contact.thirdParties = [...contact.thirdParties, party];
    this.changed();
    return party;
  }

  /** The third party answers (the first still ringing one when no connection id is given). */
  thirdPartyAnswers(contactId: string, connectionId?: string): void {
    const party = this.thirdParty(contactId, connectionId, (p) => p.state === 'connecting');
    setConnectionState(party, 'connected');
    this.changed();
  }

  /** The third party hangs up (the last one added when no connection id is given). */
  thirdPartyLeaves(contactId: string, connectionId?: string): void {
    const party = this.thirdParty(contactId, connectionId, () => true, true);
    this.destroyConnection(contactId, party.connectionId);
  }

  /** conferenceConnections: everyone still on the call talks together. */
  conference(contactId: string): void {
    const contact = this.findContact(contactId);
    for (const party of livingParties(contact)) if (party.state === 'hold') setConnectionState(party, 'connected');
    this.changed();
  }

  /** toggleActiveConnections: the held party comes back and the one on the line waits (swap). */
  toggleActive(contactId: string): void {
    const contact = this.findContact(contactId);
    const parties = livingParties(contact).filter((party) => party !== contact.agentConnection);
    const held = parties.filter((party) => party.state === 'hold');
    const active = parties.filter((party) => party.state === 'connected');
    if (held.length === 0) throw new EmulatorError(400, `Contact "${contactId}" has nobody on hold to swap with.`);
    for (const party of active) setConnectionState(party, 'hold');
    for (const party of held) setConnectionState(party, 'connected');
    this.changed();
  }

  clear(contactId: string): void {
    this.findContact(contactId);
    this.contactList = this.contactList.filter((c) => c.contactId !== contactId);
    this.changed();
  }

  moveTo(contactId: string, state: ControlContactState): void {
    const contact = this.findContact(contactId);
    switch (state) {
      case 'connected':
        return this.accept(contactId);
      case 'ended':
        return this.end(contactId);
      case 'rejected':
        return this.reject(contactId);
      case 'missed':
        return this.miss(contactId);
      case 'error':
        return this.fail(contactId);
      case 'on_hold':
        if (contact.state !== 'connected') this.accept(contactId);
        return this.setConnectionHold(contactId, contact.customerConnection.connectionId, true);
    }
  }

  mergeAttributes(contactId: string, patch: Readonly<Record<string, string | null>>): void {
    const contact = this.findContact(contactId);
    const next = { ...contact.attributes };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete next[key];
      else next[key] = value;
    }
    contact.attributes = next;
    this.changed();
  }

  addCustomerMessage(contactId: string, text: string, contentType: string, displayName?: string): ChatItem {
    const contact = this.chatContact(contactId);
    const item = customerMessageItem(contact, text, contentType, displayName ?? contact.customerName);
    this.appendChatItem(contact, item);
    return item;
  }

  addAgentMessage(contact: EmulatedContact, text: string, contentType: string): ChatItem {
    this.log.agentMessages.push({ at: new Date().toISOString(), contactId: contact.contactId, contentType, content: text });
    const item = agentMessageItem(contact, text, contentType, this.agentValue.name);
    this.appendChatItem(contact, item);
    return item;
  }

  /** The customer typing: pushed to the agent, not kept (typing is not transcript). */
  customerTyping(contactId: string): void {
    const contact = this.chatContact(contactId);
    this.relayChatItem(contact, typingItem(contact, 'CUSTOMER', contact.customerName));
  }

  addParticipantEvent(contactId: string, event: ParticipantEventName, role: 'CUSTOMER' | 'AGENT' | 'SYSTEM', displayName?: string): ChatItem {
    const contact = this.chatContact(contactId);
    const item = participantEventItem(contact, role, event, displayName ?? (role === 'AGENT' ? this.agentValue.name : contact.customerName));
    this.appendChatItem(contact, item);
    return item;
  }

  /** The customer leaves: a participant-left event, then the chat ends as Connect ends it. */
  customerLeaves(contactId: string): void {
    this.addParticipantEvent(contactId, 'left', 'CUSTOMER');
    this.end(contactId);
  }

  /** A file the customer sent, stored and listed in the transcript. */
  addCustomerAttachment(contactId: string, name: string, contentType: string, bytes: Buffer, displayName?: string): StoredAttachment {
    const contact = this.chatContact(contactId);
    const stored = this.storeAttachment(contact, name, contentType, bytes.length, 'CUSTOMER');
    stored.bytes = bytes;
    const item = attachmentItem(
      contact,
      'CUSTOMER',
      { AttachmentId: stored.attachmentId, AttachmentName: name, ContentType: contentType, Status: 'APPROVED' },
      displayName ?? contact.customerName,
    );
    this.appendChatItem(contact, item);
    return stored;
  }

  /** StartAttachmentUpload from the agent: an upload slot, filled by a PUT to the attachment host. */
  startAgentUpload(contact: EmulatedContact, name: string, contentType: string, size: number): StoredAttachment {
    return this.storeAttachment(contact, name, contentType, size, 'AGENT');
  }

  /** CompleteAttachmentUpload: uploaded files enter the transcript; ones never uploaded are refused. */
  completeAgentUploads(contact: EmulatedContact, attachmentIds: readonly string[]): boolean {
    const uploads = attachmentIds.map((id) => this.attachments.get(id));
    if (uploads.length === 0 || uploads.some((upload) => !upload || upload.contactId !== contact.contactId || upload.bytes === null)) return false;
    for (const upload of uploads) {
      if (!upload) continue;
      this.appendChatItem(
        contact,
        attachmentItem(
          contact,
          'AGENT',
          { AttachmentId: upload.attachmentId, AttachmentName: upload.name, ContentType: upload.contentType, Status: 'APPROVED' },
          this.agentValue.name,
        ),
      );
    }
    return true;
  }

  /** Consumes one injected send failure, if any. */
  takeSendFault(): ChatSendFault['error'] | null {
    if (this.chatSendFault.remaining <= 0) return null;
    this.chatSendFault.remaining--;
    return this.chatSendFault.error;
  }

  setChatSocket(up: boolean): void {
    this.chatSocketUp = up;
    for (const listener of this.chatSocketListeners) listener(up);
  }

  /** Pushes an item to the pages without keeping it (typing, receipts are not transcript). */
  relayChatItem(contact: EmulatedContact, item: ChatItem): void {
    if (!this.chatSocketUp) return;
    for (const listener of this.chatListeners) listener(contact.contactId, item);
  }

  private storeAttachment(contact: EmulatedContact, name: string, contentType: string, size: number, from: StoredAttachment['from']): StoredAttachment {
    const stored: StoredAttachment = {
      attachmentId: `att-${randomUUID()}`,
      contactId: contact.contactId,
      name,
      contentType,
      size,
      signature: randomUUID(),
      bytes: null,
      from,
    };
    this.attachments.set(stored.attachmentId, stored);
    return stored;
  }

  private appendChatItem(contact: EmulatedContact, item: ChatItem): void {
    contact.transcript.push(item);
    this.relayChatItem(contact, item);
  }

  private chatContact(contactId: string): EmulatedContact {
    const contact = this.findContact(contactId);
    if (contact.type !== 'chat') throw new EmulatorError(400, `Contact "${contactId}" is a ${contact.type} contact, not a chat.`);
    return contact;
  }

  private thirdParty(contactId: string, connectionId: string | undefined, pick: (party: EmulatedThirdParty) => boolean, last = false): EmulatedThirdParty {
    const contact = this.findContact(contactId);
    const candidates = contact.thirdParties.filter((party) => (connectionId === undefined ? pick(party) : party.connectionId === connectionId));
    const party = last ? candidates.at(-1) : candidates[0];
    if (!party) throw new EmulatorError(404, `Contact "${contactId}" has no such third party${connectionId ? ` "${connectionId}"` : ''}.`);
    return party;
  }

  private connectionOf(contactId: string, connectionId: string): EmulatedConnection {
    const contact = this.findContact(contactId);
    const conn = [contact.agentConnection, contact.customerConnection, ...contact.thirdParties].find((c) => c.connectionId === connectionId);
    if (!conn) throw new EmulatorError(404, `Contact "${contactId}" has no connection "${connectionId}".`);
    return conn;
  }

  private endTransiently(contact: EmulatedContact, state: 'rejected' | 'missed' | 'error'): void {
    setContactState(contact, state);
    setConnectionState(contact.agentConnection, 'disconnected');
    this.changed();
    this.contactList = this.contactList.filter((c) => c !== contact);
    this.changed();
  }

  private knownAgentState(name: string): { name: string; type: AgentStateType } {
    const state = this.catalog.agentStates.find((s) => s.name === name);
    if (!state) {
      const known = this.catalog.agentStates.map((s) => s.name).join(', ');
      throw new EmulatorError(400, `Unknown agent state "${name}"; the instance has: ${known}.`);
    }
    return { name: state.name, type: state.type };
  }

  private agentFrom(identity: AgentIdentity): EmulatedAgent {
    return {
      username: identity.username,
      name: identity.name,
      routingProfile: identity.routingProfile,
      permissions: [...identity.permissions],
      state: { ...this.knownAgentState(identity.state), since: Date.now() },
    };
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }
}

function connection(type: EmulatedConnection['type'], initial: boolean, state: EmulatedConnection['state'], now: number): EmulatedConnection {
  return { connectionId: randomUUID(), type, initial, state, since: now };
}

/** Everyone still on the call: the agent, the customer and third parties not disconnected. */
function livingParties(contact: EmulatedContact): EmulatedConnection[] {
  return [contact.agentConnection, contact.customerConnection, ...contact.thirdParties].filter((party) => party.state !== 'disconnected');
}

function isActive(state: ContactStateType): boolean {
  return state === 'incoming' || state === 'connecting' || state === 'connected';
}

function setContactState(contact: EmulatedContact, state: ContactStateType): void {
  contact.state = state;
  contact.since = Date.now();
}

function setConnectionState(conn: EmulatedConnection, state: EmulatedConnection['state']): void {
  conn.state = state;
  conn.since = Date.now();
}
