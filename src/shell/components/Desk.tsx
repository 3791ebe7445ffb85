import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { startCcpSession, type CcpInstance, type CcpSession } from '../../connect/CcpSession.ts';
import { orderForDesk, type CallControl } from '../../core/agent/callControls.ts';
import { nativePanelVisibility } from '../../core/agent/nativePanel.ts';
import type { DialingRules } from '../../core/dialing/checkOutboundNumber.ts';
import type { ContactMasker } from '../../core/contact/ContactMasker.ts';
import { chatTextMasker } from '../../core/chat/chatTextMasker.ts';
import { approvedOriginsFromEffectivePolicy } from '../../core/origins/approvedOriginsFromEffectivePolicy.ts';
import { createLinkPolicy } from '../../core/origins/LinkPolicy.ts';
import type { EffectivePolicy } from '../../core/policy/EffectivePolicy.ts';
import { sendAuditEvent } from '../../platform/auditSink.ts';
import { t } from '../../platform/i18n.ts';
import { deskReducer, initialDeskState } from '../shellState.ts';
import { useRingingAttention } from '../attention/useRingingAttention.ts';
import { useShortcuts } from '../attention/useShortcuts.ts';
import { useLiveContactReport } from '../useLiveContactReport.ts';
import { useReveal, type RevealDeps } from '../useReveal.ts';
import { AgentBar } from './AgentBar.tsx';
import { ChatThreadView } from './chat/ChatThreadView.tsx';
import { useChatThreads } from './chat/useChatThreads.ts';
import { ConnectionBanner } from './ConnectionBanner.tsx';
import { ContactCard, type ContactActions } from './ContactCard.tsx';
import { DialBox } from './DialBox.tsx';
import { MicrophoneNotice } from './MicrophoneNotice.tsx';
import { AuditView } from './audit/AuditView.tsx';
import { reportDeskSignIn } from './audit/reportDeskSignIn.ts';
import { InstanceSwitcher } from './instancePicker/InstanceSwitcher.tsx';
import type { OrganizationInstance } from '../../core/instances/organizationInstances.ts';
import { liveContactCount } from '../../core/policy/deployment/updateDeferral.ts';

/** The working desk: the CCP frame and, beside it, the masked contact cards and chats. */
export function Desk({
  instance,
  policy,
  masker,
  layout,
  instanceChoice,
}: {
  instance: CcpInstance;
  policy: EffectivePolicy;
  masker: ContactMasker;
  layout: 'panel' | 'tab';
  /** Present when the organization lists more than one instance: the agent may switch between contacts. */
  instanceChoice?: { instances: OrganizationInstance[]; current: OrganizationInstance };
}) {
  const [state, dispatch] = useReducer(deskReducer, initialDeskState);
  const [session, setSession] = useState<CcpSession | null>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const started = useRef(false);
  const viewPolicy = useMemo(
    () => ({ masker, secureFields: policy.secureIvr.fields, card: { attributes: policy.card.attributes, locale: navigator.language } }),
    [masker, policy.secureIvr.fields, policy.card.attributes],
  );
  // An extension update waits while a contact here is live (the worker reloads between calls).
  useLiveContactReport(state.contacts);
  const shown = orderForDesk([...state.contacts, ...state.missed]);
  // `shown` is rebuilt on every render; the ids change only when the contact lists do.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const contactIds = useMemo(() => shown.map((contact) => contact.contactId), [state.contacts, state.missed]);
  const chatThreads = useChatThreads(contactIds);

  useEffect(() => {
    // Streams allows one initCCP per window; React's development double-mount must not call it twice.
    if (started.current || !frameRef.current) return;
    started.current = true;
    setSession(
      startCcpSession(frameRef.current, { ...instance, framingRewritten: policy.framing.compatibilityMode }, viewPolicy, {
        agent: (agent) => dispatch({ type: 'agent', agent }),
        contacts: (contacts) => dispatch({ type: 'contacts', contacts }),
        health: (health) => dispatch({ type: 'health', health }),
        ...chatThreads.listener,
        audit: sendAuditEvent,
        actionFailed: (messageKey) => dispatch({ type: 'notice', messageKey }),
        originViolation: () => dispatch({ type: 'contacts', contacts: [] }),
      }),
    );
    // The session keeps the view policy it started with until told otherwise; see the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [instance]);

  useEffect(() => session?.setViewPolicy(viewPolicy), [session, viewPolicy]);

  // Links are decided on the canonical URL, masked again with the policy's engine (see classifyLink).
  const chatMasker = useMemo(() => chatTextMasker(masker), [masker]);
  const approved = useMemo(() => createLinkPolicy(approvedOriginsFromEffectivePolicy(policy), (text) => masker.maskText(text).display), [policy, masker]);
  useEffect(() => session?.chats.setApproved(approved), [session, approved]);
  const readValue = useCallback<RevealDeps['readValue']>((contactId, name, kind) => session?.reveal(contactId, name, kind) ?? null, [session]);
  const revealFailed = useCallback((messageKey: string) => dispatch({ type: 'notice', messageKey }), []);
  // Every desk tells the worker who signed in (agents too): the audit view is answered only to a supervisor's desk.
  useEffect(() => {
    if (state.agent) void reportDeskSignIn(state.agent);
  }, [state.agent]);
  const { role, revealFor } = useReveal({ agent: state.agent, policy, masker, contactIds, readValue, audit: sendAuditEvent, failed: revealFailed });

  const runControl = useCallback(
    (control: CallControl, id: string) => {
      if (!session) return;
      switch (control) {
        case 'close':
          return state.missed.some((contact) => contact.contactId === id) ? dispatch({ type: 'dismissMissed', contactId: id }) : session.clear(id);
        case 'hangUp':
        case 'endChat':
          return session.hangUp(id);
        case 'holdAll':
          return session.hold(id);
        case 'mute':
          return session.mute();
        case 'unmute':
          return session.unmute();
        case 'keypad':
        case 'addParty':
          return;
        default:
          return session[control](id);
      }
    },
    [session, state.missed],
  );
  const quickConnects = useCallback(() => session?.quickConnects() ?? Promise.resolve([]), [session]);
  const actions: ContactActions = {
    control: runControl,
    sendDigits: (id, digit) => session?.sendDigits(id, digit),
    addParty: (id, party) => session?.addParty(id, party),
    quickConnects,
  };
  const dialing: DialingRules = policy.dialing;
  useRingingAttention(state.contacts);
  useShortcuts(state.contacts, runControl);
  const panel = nativePanelVisibility({
    showNativePanel: policy.ccp.showNativePanel,
    signedIn: state.agent !== null,
    health: state.health?.status ?? 'starting',
  });
  const frameHidden = panel === 'hidden';
  useEffect(() => {
    // `inert` keeps the hidden CCP out of the tab order and away from screen readers: it still
    // holds the raw caller number and chat.
    const frame = frameRef.current;
    if (!frame) return;
    if (frameHidden) frame.setAttribute('inert', '');
    else frame.removeAttribute('inert');
  }, [frameHidden]);

  return (
    <div className={`desk desk-${layout}`}>
      <AgentBar agent={state.agent} elevated={role === 'supervisor'} onSetState={(name) => session?.setAgentState(name)} />
      {/* A named region, so that a screen reader finds the desk's problems and nothing sits outside a landmark. */}
      <section className="desk-notices" aria-label={t('deskNotices')}>
        {panel === 'policy' ? (
          <div className="banner banner-warning" role="note" data-testid="native-panel-warning">
            <span>{t('nativePanelShownByPolicy')}</span>
          </div>
        ) : null}
        {panel === 'sign_in' && state.health?.status !== 'origin_violation' && state.health?.status !== 'not_approved' ? (
          <div className="banner banner-info" role="status" data-testid="native-panel-sign-in">
            <span>{t('nativePanelSignIn')}</span>
          </div>
        ) : null}
        {instanceChoice ? (
          <InstanceSwitcher
            instances={instanceChoice.instances}
            current={instanceChoice.current}
            contactLive={liveContactCount(state.contacts.map((contact) => contact.phase)) > 0}
          />
        ) : null}
        <ConnectionBanner health={state.health} />
        <MicrophoneNotice />
        {state.notice ? (
          <div className="banner banner-error" role="alert" data-testid="notice" data-message-key={state.notice}>
            <span>{t(state.notice)}</span>
            <button type="button" onClick={() => dispatch({ type: 'notice', messageKey: null })}>
              {t('dismiss')}
            </button>
          </div>
        ) : null}
      </section>
      <main className="desk-body">
        <div
          className={`ccp-frame${frameHidden ? ' ccp-frame-hidden' : ''}`}
          ref={frameRef}
          data-testid="ccp-container"
          data-native-panel={panel}
          aria-hidden={frameHidden ? true : undefined}
        />
        <section className="contacts" aria-labelledby="contacts-heading">
          <h2 id="contacts-heading" className="visually-hidden">
            {t('contactsTitle')}
          </h2>
          {state.agent ? <DialBox rules={dialing} onDial={(e164) => session?.dial(e164)} /> : null}
          {shown.length === 0 ? (
            <p className="muted" data-testid="no-contacts">
              {t('noContacts')}
            </p>
          ) : null}
          {shown.map((contact) => (
            <div key={contact.contactId} className="contact">
              <ContactCard
                contact={contact}
                actions={actions}
                reveal={revealFor(contact.contactId)}
                approved={approved}
                dialing={dialing}
                elevated={role === 'supervisor'}
              >
                {contact.channel === 'chat' ? (
                  <ChatThreadView
                    contactId={contact.contactId}
                    thread={chatThreads.threads[contact.contactId]}
                    live={contact.phase === 'connected'}
                    chats={session?.chats ?? null}
                    approved={approved}
                    masker={chatMasker}
                    replyCheck={policy.chat.replyCheck}
                    attachmentsAllowed={policy.chat.agentAttachments}
                    onRead={chatThreads.markRead}
                  />
                ) : null}
              </ContactCard>
            </div>
          ))}
        </section>
        {role === 'supervisor' && state.agent ? <AuditView viewer={state.agent} /> : null}
      </main>
    </div>
  );
}
