import type { AgentView } from '../core/agent/AgentView.ts';
import type { AuditEvent } from '../core/audit/AuditEvent.ts';
import type { ChatMessageView } from '../core/chat/ChatMessageView.ts';
import { buildChatMessageView, type RawChatItem } from '../core/chat/buildChatMessageView.ts';
import { initialCcpHealth, nextCcpHealth, type CcpHealth, type CcpHealthEvent } from '../core/connection/ccpHealth.ts';
import type { ContactView } from '../core/contact/ContactView.ts';
import type { SensitiveKind } from '../core/policy/Policy.ts';
import { buildContactView, type ContactViewPolicy } from '../core/contact/buildContactView.ts';
import { watchCspBlocks } from '../platform/blockedRequestReporter.ts';
import { connectApi } from './connectLibraries.ts';
import { installFrameGuard } from './frameGuard.ts';
import { pinConduitOrigin } from './pinConduitOrigin.ts';
import { readAgentView } from './readAgentView.ts';
import { readRawContact } from './readRawContact.ts';

export interface CcpInstance {
  ccpUrl: string;
  loginUrl?: string;
  region: string;
}

export interface CcpSessionListener {
  agent(view: AgentView): void;
  contacts(views: ContactView[]): void;
  health(health: CcpHealth): void;
  chatMessage(message: ChatMessageView): void;
  audit(event: AuditEvent): void;
  /** An action the agent asked for failed; the key names a localized message. */
  actionFailed(messageKey: string): void;
  /** The CCP frame held another origin and was torn down; health is now `origin_violation`. */
  originViolation(origin: string): void;
}

export interface CcpSession {
  setAgentState(name: string): void;
  accept(contactId: string): void;
  reject(contactId: string): void;
  hangUp(contactId: string): void;
  clear(contactId: string): void;
  sendChat(contactId: string, text: string): Promise<void>;
  /**
   * Re-reads one attribute from Streams for a supervisor's reveal and returns what the policy lets
   * them see, or null when the contact or attribute is gone. The raw value is not kept.
   */
  reveal(contactId: string, attributeName: string, kind: SensitiveKind): string | null;
  /** A new policy brings a new masker and secure fields: contacts are shown again with them at once. */
  setViewPolicy(policy: ContactViewPolicy): void;
}

const HEALTH_TICK_MS = 1_000;

/**
 * Embeds the CCP with Streams and turns everything it reports into masked views. Raw Streams
 * objects never leave this module: the listener only ever receives display data.
 */
export function startCcpSession(container: HTMLElement, instance: CcpInstance, initialPolicy: ContactViewPolicy, listener: CcpSessionListener): CcpSession {
  const api = connectApi;
  let viewPolicy = initialPolicy;
  // Snapshots arrive many times per contact; each audit fact is reported once per contact.
  const reported = new Map<string, Set<string>>();
  const reportOnce = (contactId: string, event: AuditEvent): void => {
    const key = `${event.type} ${JSON.stringify(event.details)}`;
    const seen = reported.get(contactId) ?? new Set<string>();
    reported.set(contactId, seen);
    if (seen.has(key)) return;
    seen.add(key);
    listener.audit(event);
  };
  let agentRef: connect.Agent | null = null;
  let health = initialCcpHealth(Date.now());
  const chatSessions = new Map<string, Promise<connect.AgentChatSession>>();

  const onHealth = (event: CcpHealthEvent): void => {
    const next = nextCcpHealth(health, event);
    if (next.status !== health.status) {
      if (next.status === 'unreachable') listener.audit(auditEvent('ccp.unreachable', {}));
      if (next.status === 'connected' && (health.status === 'unreachable' || health.status === 'signed_out')) {
        listener.audit(auditEvent('ccp.recovered', {}));
      }
      health = next;
      listener.health(health);
    } else {
      health = next;
    }
  };

  // Streams echoes its log (snapshots, chat events) to the console at INFO. Console output must
  // never carry contact data, so only critical entries are echoed; the in-memory log is untouched.
  api.getLog().setEchoLevel(api.LogLevel.CRITICAL);

  // Chat starts at the participant service of the instance's region; there is no endpoint override,
  // so the production code path is the tested one.
  api.ChatSession.setGlobalConfig({ region: instance.region, loggerConfig: { level: api.ChatSession.LogLevel.ERROR, useDefaultLogger: false } });

  // Before initCCP: nothing from a non-instance document in the frame may ever reach Streams.
  watchCspBlocks(document);
  installFrameGuard({
    window,
    container,
    instanceOrigin: instance.ccpUrl,
    onViolation: (origin) => {
      listener.audit(auditEvent('ccp.origin_violation', { origin }));
      onHealth({ type: 'origin_violation', at: Date.now() });
      listener.originViolation(origin);
    },
  });

  api.core.initCCP(container, {
    ccpUrl: instance.ccpUrl,
    ...(instance.loginUrl ? { loginUrl: instance.loginUrl } : {}),
    region: instance.region,
    loginPopup: true,
    loginPopupAutoClose: true,
    loginOptions: { autoClose: true, enableAckTimeout: true },
    softphone: { allowFramedSoftphone: true, disableRingtone: false },
    pageOptions: { enableAudioDeviceSettings: true, enablePhoneTypeSettings: true },
    ccpLoadTimeout: 5_000,
    iframeTitle: 'Amazon Connect CCP',
  } as connect.InitCCPOptions);

  pinConduitOrigin(api.core, instance.ccpUrl);

  const bus = api.core.getEventBus();
  bus.subscribe(api.EventType.ACKNOWLEDGE, () => onHealth({ type: 'ack', at: Date.now() }));
  bus.subscribe(api.EventType.AUTH_FAIL, () => onHealth({ type: 'auth_fail', at: Date.now() }));
  api.core.onIframeRetriesExhausted(() => onHealth({ type: 'retries_exhausted', at: Date.now() }));
  setInterval(() => onHealth({ type: 'tick', at: Date.now() }), HEALTH_TICK_MS);

  const publishContacts = (agent: connect.Agent): void => {
    const now = Date.now();
    const views: ContactView[] = [];
    for (const contact of agent.getContacts()) {
      const { view, auditEvents, plaintextIncidents } = buildContactView(readRawContact(contact), viewPolicy, now);
      auditEvents.forEach((event) => reportOnce(view.contactId, event));
      plaintextIncidents.forEach((field) => reportOnce(view.contactId, auditEvent('ivr.plaintext_incident', { contactId: view.contactId, field })));
      views.push(view);
      if (view.channel === 'chat' && view.phase === 'connected') followChat(contact);
    }
    for (const contactId of chatSessions.keys()) {
      if (!views.some((view) => view.contactId === contactId)) chatSessions.delete(contactId);
    }
    for (const contactId of reported.keys()) {
      if (!views.some((view) => view.contactId === contactId)) reported.delete(contactId);
    }
    listener.contacts(views);
  };

  const followChat = (contact: connect.Contact): void => {
    const contactId = contact.getContactId();
    if (chatSessions.has(contactId)) return;
    const connection = contact.getAgentConnection();
    if (!(connection instanceof api.ChatConnection)) return;
    const session = connection.getMediaController() as Promise<connect.AgentChatSession>;
    chatSessions.set(contactId, session);
    session.then(
      (chat) => {
        const show = (item: RawChatItem): void => {
          const view = buildChatMessageView(contactId, item, { masker: viewPolicy.masker, approved: { matches: () => false }, now: Date.now() });
          if (view) listener.chatMessage(view);
        };
        chat.onMessage((event) => show(event.data as RawChatItem));
        // A panel opened (or reloaded) mid-chat shows what was said before it, not only what comes next.
        chat.getTranscript({ maxResults: 100, scanDirection: 'BACKWARD', sortOrder: 'ASCENDING' }).then(
          (response) => (response.data?.Transcript ?? []).forEach((item: RawChatItem) => show(item)),
          () => listener.actionFailed('errorChatHistory'),
        );
      },
      () => {
        chatSessions.delete(contactId);
        listener.actionFailed('errorChatUnavailable');
      },
    );
  };

  api.agent((agent) => {
    agentRef = agent;
    listener.agent(readAgentView(agent));
    publishContacts(agent);
    agent.onRefresh((refreshed) => {
      listener.agent(readAgentView(refreshed));
      publishContacts(refreshed);
    });
  });

  const findContact = (contactId: string): connect.Contact | null =>
    agentRef?.getContacts().find((contact) => contact.getContactId() === contactId) ?? null;

  const callbacks = (messageKey: string): connect.SuccessFailOptions => ({
    failure: () => listener.actionFailed(messageKey),
  });

  return {
    setAgentState(name) {
      const target = agentRef?.getAgentStates().find((state) => state.name === name);
      if (!agentRef || !target) return listener.actionFailed('errorStateChange');
      agentRef.setState(target, callbacks('errorStateChange'));
    },
    accept(contactId) {
      findContact(contactId)?.accept(callbacks('errorAccept'));
    },
    reject(contactId) {
      findContact(contactId)?.reject(callbacks('errorReject'));
    },
    hangUp(contactId) {
      findContact(contactId)?.getAgentConnection().destroy(callbacks('errorHangUp'));
    },
    clear(contactId) {
      findContact(contactId)?.clear(callbacks('errorClear'));
    },
    reveal(contactId, attributeName, kind) {
      const contact = findContact(contactId);
      if (!contact) return null;
      let attributes: connect.AttributeDictionary | null;
      try {
        attributes = contact.getAttributes();
      } catch {
        return null;
      }
      const entry = attributes?.[attributeName];
      // Secure-IVR attributes are status only: nobody reveals them.
      if (!entry || viewPolicy.secureFields.some((field) => field.valueAttribute === attributeName || field.statusAttribute === attributeName)) return null;
      const { display, auditEvents } = viewPolicy.masker.revealDisplay(attributeName, entry.value, kind);
      auditEvents.forEach((event) => listener.audit(event));
      return display;
    },
    setViewPolicy(next) {
      viewPolicy = next;
      if (agentRef) publishContacts(agentRef);
    },
    async sendChat(contactId, text) {
      const session = chatSessions.get(contactId);
      if (!session) return listener.actionFailed('errorChatUnavailable');
      try {
        await (await session).sendMessage({ message: text, contentType: 'text/plain' });
      } catch {
        listener.actionFailed('errorChatSend');
      }
    },
  };
}

function auditEvent(type: AuditEvent['type'], details: AuditEvent['details']): AuditEvent {
  return { type, at: new Date().toISOString(), details };
}
