import type { AgentView } from '../core/agent/AgentView.ts';
import type { AuditEvent } from '../core/audit/AuditEvent.ts';
import { initialCcpHealth, nextCcpHealth, type CcpHealth, type CcpHealthEvent } from '../core/connection/ccpHealth.ts';
import type { ContactView } from '../core/contact/ContactView.ts';
import type { ContactViewPolicy } from '../core/contact/buildContactView.ts';
import { startAgentActions, type AgentActions } from './agentActions.ts';
import { buildAuditEvent } from '../core/audit/buildAuditEvent.ts';
import { startChatFeed, type ChatFeed, type ChatFeedListener } from './chatFeed.ts';
import { startContactFeed, type ContactFeed } from './contactFeed.ts';
import { callWorker } from '../platform/callWorker.ts';
import { reportBlockedRequest, watchCspBlocks } from '../platform/blockedRequestReporter.ts';
import { sanitizeChatMarkdown } from './chatMarkdown.ts';
import { connectApi } from './connectLibraries.ts';
import { followAgent } from './followAgent.ts';
import { installFrameGuard } from './frameGuard.ts';
import { installPopupOpenerGuard } from './popupOpenerGuard.ts';
import { openDetachedPopup } from '../platform/detachedPopup.ts';
import { pinConduitOrigin } from './pinConduitOrigin.ts';
import { probeCcpFraming } from './probeCcpFraming.ts';
import { readAgentView } from './readAgentView.ts';
import { chatTextMasker } from '../core/chat/chatTextMasker.ts';

export interface CcpInstance {
  ccpUrl: string;
  loginUrl?: string;
  region: string;
  /**
   * The policy's framing compatibility mode: the extension rewrites the CCP's frame-ancestors for
   * its own frame, so the header the instance sends does not decide.
   */
  framingRewritten?: boolean;
}

export interface CcpSessionListener extends ChatFeedListener {
  agent(view: AgentView): void;
  contacts(views: ContactView[]): void;
  health(health: CcpHealth): void;
  audit(event: AuditEvent): void;
  /** An action the agent asked for failed; the key names a localized message. */
  actionFailed(messageKey: string): void;
  /** The CCP frame held another origin and was torn down; health is now `origin_violation`. */
  originViolation(origin: string): void;
}

export interface CcpSession extends Omit<AgentActions, 'dispose'>, Pick<ContactFeed, 'reveal'> {
  /** The chats: replies, typing, attachments (see chatFeed.ts). */
  readonly chats: Omit<ChatFeed, 'dispose' | 'setMasker'>;
  /** A new policy brings a new masker and secure fields: contacts are shown again with them at once. */
  setViewPolicy(policy: ContactViewPolicy): void;
  /** Stops the feeds, the health clock and the frame guard (the frame itself stays: one initCCP per window). */
  dispose(): void;
}

const HEALTH_TICK_MS = 1_000;
/** Streams' own load timeout: a CCP silent this long is asked directly why (see probeCcpFraming). */
const PROBE_AFTER_MS = 5_000;
/** While it stays silent, asked again this often, so the banner follows what IT changes. */
const PROBE_EVERY_MS = 15_000;
const PROBED_STATUSES = new Set<CcpHealth['status']>(['starting', 'unreachable', 'gave_up', 'not_approved']);

/**
 * Embeds the CCP with Streams and wires its three feeds: contacts (masked views), chats (masked
 * messages) and the agent's actions. Raw Streams objects never leave src/connect: the listener
 * only ever receives display data.
 */
export function startCcpSession(container: HTMLElement, instance: CcpInstance, initialPolicy: ContactViewPolicy, listener: CcpSessionListener): CcpSession {
  const api = connectApi;
  let health = initialCcpHealth(Date.now());

  const onHealth = (event: CcpHealthEvent): void => {
    const next = nextCcpHealth(health, event);
    if (next.status !== health.status) {
      if (next.status === 'unreachable') listener.audit(buildAuditEvent('ccp.unreachable', {}));
      if (next.status === 'not_approved' && next.refusal) listener.audit(buildAuditEvent('ccp.framing_refused', { by: next.refusal.by }));
      if (next.status === 'connected' && (health.status === 'unreachable' || health.status === 'signed_out' || health.status === 'not_approved')) {
        listener.audit(buildAuditEvent('ccp.recovered', {}));
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

  // Before initCCP: no page in a popup Streams opens (the login page) can navigate the shell.
  const loginPages = [instance.loginUrl ?? instance.ccpUrl].map((url) => new URL(url).href);
  installPopupOpenerGuard(window, openDetachedPopup, (url) => loginPages.includes(url));
  // Before initCCP: nothing from a non-instance document in the frame may ever reach Streams.
  watchCspBlocks(document);
  const frameGuard = installFrameGuard({
    window,
    container,
    instanceOrigin: instance.ccpUrl,
    onViolation: (origin) => {
      listener.audit(buildAuditEvent('ccp.origin_violation', { origin }));
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
  const busSubscriptions = [
    bus.subscribe(api.EventType.ACKNOWLEDGE, () => onHealth({ type: 'ack', at: Date.now() })),
    bus.subscribe(api.EventType.AUTH_FAIL, () => onHealth({ type: 'auth_fail', at: Date.now() })),
    api.core.onIframeRetriesExhausted(() => onHealth({ type: 'retries_exhausted', at: Date.now() })),
  ];
  let probing = false;
  let lastProbeAt: number | null = null;
  const probe = (now: number): void => {
    if (probing || !PROBED_STATUSES.has(health.status) || now - (health.lastAckAt ?? health.startedAt) < PROBE_AFTER_MS) return;
    if (lastProbeAt !== null && now - lastProbeAt < PROBE_EVERY_MS) return;
    probing = true;
    lastProbeAt = now;
    void probeCcpFraming(instance.ccpUrl, location.origin)
      .then((result) => {
        if (result.kind === 'down') onHealth({ type: 'instance_down', at: Date.now() });
        if (result.kind === 'refused' && !(instance.framingRewritten === true && result.refusal.by === 'frame_ancestors')) {
          onHealth({ type: 'framing_refused', at: Date.now(), refusal: result.refusal });
        }
      })
      .finally(() => {
        probing = false;
      });
  };
  const healthClock = setInterval(() => {
    const now = Date.now();
    onHealth({ type: 'tick', at: now });
    probe(now);
  }, HEALTH_TICK_MS);

  // Streams reports the softphone mute only as a toggle event; the agent view carries the latest.
  let muted = false;
  let latestAgent: connect.Agent | null = null;
  let muteSubscription: connect.Subscription | null = null;
  const stopAgentView = followAgent(api, (agent) => {
    latestAgent = agent;
    muteSubscription ??= agent.onMuteToggle(({ muted: now }) => {
      muted = now;
      if (latestAgent) listener.agent(readAgentView(latestAgent, muted));
    });
    listener.agent(readAgentView(agent, muted));
  });
  const contacts = startContactFeed(api, initialPolicy, listener, async (request) => {
    const result = await callWorker('risk.assessContact', request);
    if (!result.ok) throw new Error(`caller risk: ${result.error}`);
    return result.response.risk;
  });
  const chats = startChatFeed(api, chatTextMasker(initialPolicy.masker), listener, {
    sanitizeMarkdown: sanitizeChatMarkdown,
    reportBlocked: (origin, kind) => reportBlockedRequest(origin, kind, 'link'),
  });
  const actions = startAgentActions(api, contacts.findContact, listener);

  return {
    ...actions,
    chats,
    reveal: (contactId, attributeName, kind) => contacts.reveal(contactId, attributeName, kind),
    setViewPolicy(next) {
      chats.setMasker(chatTextMasker(next.masker));
      contacts.setViewPolicy(next);
    },
    dispose() {
      stopAgentView();
      muteSubscription?.unsubscribe();
      actions.dispose();
      chats.dispose();
      contacts.dispose();
      busSubscriptions.forEach((subscription) => subscription.unsubscribe());
      clearInterval(healthClock);
      frameGuard.dispose();
    },
  };
}
