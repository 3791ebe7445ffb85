import type { ReactNode } from 'react';
import type { ContactView } from '../../core/contact/ContactView.ts';
import type { LinkPolicy } from '../../core/origins/LinkPolicy.ts';
import { t } from '../../platform/i18n.ts';
import { AttributeList, type RevealOptions } from './AttributeList.tsx';
import { CallerRiskBanner } from './risk/CallerRiskBanner.tsx';
import { SecureCaptureList } from './SecureCaptureList.tsx';

export interface ContactActions {
  accept(contactId: string): void;
  reject(contactId: string): void;
  hangUp(contactId: string): void;
  clear(contactId: string): void;
}

export function ContactCard({
  contact,
  actions,
  reveal,
  approved,
  elevated = false,
  children,
}: {
  contact: ContactView;
  actions: ContactActions;
  reveal: RevealOptions | null;
  approved: LinkPolicy;
  /** The supervisor's view: secure captures show their attempt history. */
  elevated?: boolean;
  /** The contact's own media, inside the card above its actions: a chat's thread and reply box. */
  children?: ReactNode;
}) {
  const id = contact.contactId;
  const ringing = contact.phase === 'incoming' || contact.phase === 'connecting';
  const live = contact.phase === 'connected' || contact.phase === 'on_hold';
  const closable = ['after_contact_work', 'missed', 'rejected', 'error', 'ended'].includes(contact.phase);
  return (
    <article className={`contact-card phase-${contact.phase}`} data-testid="contact-card" data-contact-id={id} data-phase={contact.phase} data-caller-risk={contact.callerRisk?.status}>
      <header>
        <span className="channel">{t(`channel_${contact.channel}`)}</span>
        <span className="phase" data-testid="contact-phase">{t(`phase_${contact.phase}`)}</span>
      </header>
      <CallerRiskBanner state={contact.callerRisk} />
      <dl className="contact-facts">
        {contact.queue ? (
          <div>
            <dt>{t('queue')}</dt>
            <dd>{contact.queue}</dd>
          </div>
        ) : null}
        {contact.caller ? (
          <div>
            <dt>{t('caller')}</dt>
            <dd data-testid="caller" className={contact.caller.masked ? 'masked no-select' : undefined}>
              {contact.caller.display}
            </dd>
          </div>
        ) : null}
      </dl>
      <SecureCaptureList captures={contact.secureCaptures} showHistory={elevated} />
      <AttributeList attributes={contact.attributes} unavailable={contact.attributesUnavailable} reveal={reveal} approved={approved} />
      {children}
      <div className="actions">
        {ringing ? (
          <>
            <button type="button" className="primary" data-testid="accept" onClick={() => actions.accept(id)}>
              {t('accept')}
            </button>
            <button type="button" data-testid="reject" onClick={() => actions.reject(id)}>
              {t('reject')}
            </button>
          </>
        ) : null}
        {live ? (
          <button type="button" className="danger" data-testid="hang-up" onClick={() => actions.hangUp(id)}>
            {contact.channel === 'chat' ? t('endChat') : t('hangUp')}
          </button>
        ) : null}
        {closable ? (
          <button type="button" data-testid="clear" onClick={() => actions.clear(id)}>
            {t('closeContact')}
          </button>
        ) : null}
      </div>
    </article>
  );
}
