import { useEffect, useReducer, useRef, useState } from 'react';
import { startCcpSession, type CcpInstance, type CcpSession } from '../../connect/CcpSession.ts';
import type { ContactMasker } from '../../core/contact/ContactMasker.ts';
import { sendAuditEvent } from '../../platform/auditSink.ts';
import { t } from '../../platform/i18n.ts';
import { deskReducer, initialDeskState } from '../shellState.ts';
import { AgentBar } from './AgentBar.tsx';
import { ChatPanel } from './ChatPanel.tsx';
import { ConnectionBanner } from './ConnectionBanner.tsx';
import { ContactCard, type ContactActions } from './ContactCard.tsx';
import { MicrophoneNotice } from './MicrophoneNotice.tsx';

/** The working desk: the CCP frame and, beside it, the masked contact cards and chats. */
export function Desk({ instance, masker, layout }: { instance: CcpInstance; masker: ContactMasker; layout: 'panel' | 'tab' }) {
  const [state, dispatch] = useReducer(deskReducer, initialDeskState);
  const [session, setSession] = useState<CcpSession | null>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const started = useRef(false);

  useEffect(() => {
    // Streams allows one initCCP per window; React's development double-mount must not call it twice.
    if (started.current || !frameRef.current) return;
    started.current = true;
    setSession(
      startCcpSession(frameRef.current, instance, masker, {
        agent: (agent) => dispatch({ type: 'agent', agent }),
        contacts: (contacts) => dispatch({ type: 'contacts', contacts }),
        health: (health) => dispatch({ type: 'health', health }),
        chatMessage: (message) => dispatch({ type: 'chatMessage', message }),
        audit: sendAuditEvent,
        actionFailed: (messageKey) => dispatch({ type: 'notice', messageKey }),
      }),
    );
  }, [instance, masker]);

  const actions: ContactActions = {
    accept: (id) => session?.accept(id),
    reject: (id) => session?.reject(id),
    hangUp: (id) => session?.hangUp(id),
    clear: (id) =>
      state.missed.some((contact) => contact.contactId === id) ? dispatch({ type: 'dismissMissed', contactId: id }) : session?.clear(id),
  };
  const shown = [...state.contacts, ...state.missed];

  return (
    <div className={`desk desk-${layout}`}>
      <AgentBar agent={state.agent} onSetState={(name) => session?.setAgentState(name)} />
      <ConnectionBanner health={state.health} />
      <MicrophoneNotice />
      {state.notice ? (
        <div className="banner banner-error" role="alert" data-testid="notice">
          <span>{t(state.notice)}</span>
          <button type="button" onClick={() => dispatch({ type: 'notice', messageKey: null })}>
            {t('dismiss')}
          </button>
        </div>
      ) : null}
      <div className="desk-body">
        <div className="ccp-frame" ref={frameRef} data-testid="ccp-container" />
        <section className="contacts" aria-label={t('contactsTitle')}>
          {shown.length === 0 ? <p className="muted" data-testid="no-contacts">{t('noContacts')}</p> : null}
          {shown.map((contact) => (
            <div key={contact.contactId} className="contact">
              <ContactCard contact={contact} actions={actions} />
              {contact.channel === 'chat' ? (
                <ChatPanel
                  contactId={contact.contactId}
                  messages={state.chats[contact.contactId] ?? []}
                  canSend={contact.phase === 'connected'}
                  onSend={async (id, text) => session?.sendChat(id, text)}
                />
              ) : null}
            </div>
          ))}
        </section>
      </div>
    </div>
  );
}
