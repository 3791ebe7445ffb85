import { useEffect, useRef, useState, type ReactNode } from 'react';
import { callControls, contactTimer, isRinging, type CallControl } from '../../core/agent/callControls.ts';
import { formatDuration } from '../../core/agent/formatDuration.ts';
import type { QuickConnectView } from '../../core/agent/QuickConnectView.ts';
import type { ContactView } from '../../core/contact/ContactView.ts';
import type { DialingRules } from '../../core/dialing/checkOutboundNumber.ts';
import type { LinkPolicy } from '../../core/origins/LinkPolicy.ts';
import { t } from '../../platform/i18n.ts';
import { useNow } from '../useNow.ts';
import { AttributeList, type RevealOptions } from './AttributeList.tsx';
import { Keypad } from './Keypad.tsx';
import { PartyPicker, type PickedParty } from './PartyPicker.tsx';
import { CallerRiskBanner } from './risk/CallerRiskBanner.tsx';
import { SecureCaptureList } from './SecureCaptureList.tsx';

export interface ContactActions {
  /** Runs one card control (everything but the keypad and adding a party). */
  control(control: CallControl, contactId: string): void;
  sendDigits(contactId: string, digit: string): void;
  addParty(contactId: string, party: PickedParty): void;
  quickConnects(): Promise<QuickConnectView[]>;
}

const CONTROL_LABELS: Record<CallControl, string> = {
  accept: 'accept',
  reject: 'reject',
  hangUp: 'hangUp',
  endChat: 'endChat',
  hold: 'hold',
  resume: 'resume',
  mute: 'mute',
  unmute: 'unmute',
  keypad: 'keypad',
  addParty: 'addParty',
  holdAll: 'holdAll',
  join: 'join',
  swap: 'swap',
  leave: 'leave',
  close: 'closeContact',
};

const CONTROL_STYLE: Partial<Record<CallControl, string>> = { accept: 'primary', hangUp: 'danger', endChat: 'danger' };

export function ContactCard({
  contact,
  actions,
  reveal,
  approved,
  dialing,
  elevated = false,
  children,
}: {
  contact: ContactView;
  actions: ContactActions;
  reveal: RevealOptions | null;
  approved: LinkPolicy;
  dialing: DialingRules;
  /** The supervisor's view: secure captures show their attempt history. */
  elevated?: boolean;
  /** The contact's own media, inside the card above its actions: a chat's thread and reply box. */
  children?: ReactNode;
}) {
  const id = contact.contactId;
  const card = useRef<HTMLElement>(null);
  const [panel, setPanel] = useState<'keypad' | 'addParty' | null>(null);
  const timer = contactTimer(contact);
  const now = useNow(timer !== null);
  const ringing = isRinging(contact);
  const controls = callControls(contact);

  // A ringing contact must not ring unseen below the fold.
  useEffect(() => {
    if (ringing) card.current?.scrollIntoView?.({ block: 'nearest' });
  }, [ringing]);
  useEffect(() => {
    if (panel !== null && !controls.includes(panel)) setPanel(null);
  }, [panel, controls]);

  const onControl = (control: CallControl) => {
    if (control === 'keypad' || control === 'addParty') return setPanel(panel === control ? null : control);
    actions.control(control, id);
  };

  return (
    <article
      ref={card}
      className={`contact-card phase-${contact.phase}${ringing ? ' ringing' : ''}`}
      data-testid="contact-card"
      data-contact-id={id}
      data-phase={contact.phase}
      data-caller-risk={contact.callerRisk?.status}
      aria-label={t(`channel_${contact.channel}`)}
    >
      <header>
        <h2 className="channel">{t(`channel_${contact.channel}`)}</h2>
        <span className="phase" data-testid="contact-phase">
          {t(`phase_${contact.phase}`)}
        </span>
        {timer ? (
          <span className={`timer timer-${timer.kind}`} data-testid="contact-timer" data-kind={timer.kind} aria-label={t(`timer_${timer.kind}`)}>
            {formatDuration(now - timer.since)}
          </span>
        ) : null}
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
      {contact.call && contact.call.parties.length > 1 ? (
        <ul className="parties" data-testid="parties" aria-label={t('partiesTitle')}>
          {contact.call.parties.map((party) => (
            <li key={party.connectionId} data-testid="party" data-role={party.role} data-state={party.state}>
              <span className={party.labelMasked ? 'masked no-select' : undefined}>
                {party.role === 'customer' ? t('partyCustomer', party.label) : party.label}
              </span>
              <span className="party-state">{t(`partyState_${party.state}`)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <SecureCaptureList captures={contact.secureCaptures} showHistory={elevated} />
      <AttributeList attributes={contact.attributes} unavailable={contact.attributesUnavailable} reveal={reveal} approved={approved} />
      {children}
      <div className="actions" role="group" aria-label={t('contactControls')}>
        {controls.map((control) => (
          <button
            key={control}
            type="button"
            className={CONTROL_STYLE[control]}
            data-testid={control === 'close' ? 'clear' : control === 'hangUp' ? 'hang-up' : control === 'endChat' ? 'hang-up' : control}
            aria-pressed={control === 'keypad' || control === 'addParty' ? panel === control : undefined}
            onClick={() => onControl(control)}
          >
            {t(CONTROL_LABELS[control])}
          </button>
        ))}
      </div>
      {panel === 'keypad' ? <Keypad onDigit={(digit) => actions.sendDigits(id, digit)} /> : null}
      {panel === 'addParty' ? (
        <PartyPicker
          rules={dialing}
          loadQuickConnects={actions.quickConnects}
          onPick={(party) => {
            actions.addParty(id, party);
            setPanel(null);
          }}
        />
      ) : null}
    </article>
  );
}
