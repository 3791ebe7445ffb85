import type { ContactView } from '../../core/contact/ContactView.ts';
import type { LinkPolicy } from '../../core/origins/LinkPolicy.ts';
import { t } from '../../platform/i18n.ts';
import { AttributeList, type RevealOptions } from './AttributeList.tsx';
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
}: {
  contact: ContactView;
  actions: ContactActions;
  reveal: RevealOptions | null;
  approved: LinkPolicy;
}) {
  const id = contact.contactId;
  const ringing = contact.phase === 'incoming' || contact.phase === 'connecting';
  const live = contact.phase === 'connected' || contact.phase === 'on_hold';
  const closable = ['after_contact_work', 'missed', 'rejected', 'error', 'ended'].includes(contact.phase);
  return (
    <article className={`contact-card phase-${contact.phase}`} data-testid="contact-card" data-contact-id={id} data-phase={contact.phase}>
      <header>
        <span className="channel">{t(`channel_${contact.channel}`)}</span>
        <span className="phase" data-testid="contact-phase">{t(`phase_${contact.phase}`)}</span>
      </header>
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
      <SecureCaptureList captures={contact.secureCaptures} />
      <AttributeList attributes={contact.attributes} unavailable={contact.attributesUnavailable} reveal={reveal} approved={approved} />
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
