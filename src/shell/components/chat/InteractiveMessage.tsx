import type { InteractiveView } from '../../../core/chat/InteractiveView.ts';
import { t } from '../../../platform/i18n.ts';

/** A list picker, time picker, panel or carousel as text: what it asks, and its options. */
export function InteractiveMessage({ view }: { view: InteractiveView }) {
  if (view.template === 'unknown') return <span className="muted">{t('chatInteractiveUnreadable')}</span>;
  return (
    <div className="chat-interactive" data-testid="chat-interactive" data-template={view.template}>
      <span className="kind">{t(`chatTemplate_${view.template}`)}</span>
      {view.title ? <strong className="chat-interactive-title">{view.title}</strong> : null}
      {view.subtitle ? <span className="muted">{view.subtitle}</span> : null}
      {view.options.length > 0 ? (
        <ul className="chat-options">
          {view.options.map((option, index) => (
            <li key={index}>{option}</li>
          ))}
        </ul>
      ) : null}
      {view.sections.map((section, index) => (
        <InteractiveMessage key={index} view={section} />
      ))}
    </div>
  );
}
