import { useRef, useState, type ChangeEvent, type FormEvent, type KeyboardEvent } from 'react';
import { checkAgentAttachment } from '../../../core/chat/checkAgentAttachment.ts';
import { checkAgentReply, type ReplyCheckMode, type ReplyVerdict } from '../../../core/chat/checkAgentReply.ts';
import type { SendProblem } from '../../../core/chat/classifySendError.ts';
import type { TextMasker } from '../../../core/chat/TextMasker.ts';
import type { ChatSendResult } from '../../../connect/chatFeed.ts';
import { t } from '../../../platform/i18n.ts';

export interface ComposerActions {
  send(text: string): Promise<ChatSendResult>;
  typing(): void;
  sendAttachment(file: File): Promise<ChatSendResult>;
}

/** Connect's limit for one chat message. */
const MAX_MESSAGE = 1024;

type Status =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'failed'; problem: SendProblem }
  | { kind: 'checked'; verdict: Exclude<ReplyVerdict, { outcome: 'send' }> }
  | { kind: 'attachment'; message: string };

/**
 * The reply box. What the agent typed stays in it until the participant service took it: a
 * failure, a lost connection or an expired session is said plainly and the text is kept with a
 * resend. Replies are checked for card numbers and national IDs before they leave (policy: warn
 * or block).
 */
export function ChatComposer({
  contactId,
  actions,
  masker,
  replyCheck,
  attachmentsAllowed,
  offline,
}: {
  contactId: string;
  actions: ComposerActions;
  masker: TextMasker;
  replyCheck: ReplyCheckMode;
  attachmentsAllowed: boolean;
  /** The connection is lost or the session expired: sending waits, the text is kept. */
  offline: boolean;
}) {
  const [draft, setDraft] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);

  const deliver = (text: string) => {
    setStatus({ kind: 'sending' });
    void actions.send(text).then((result) => {
      if (result.ok) {
        // Only what was sent is cleared: text typed meanwhile stays.
        setDraft((current) => (current.trim() === text ? '' : current));
        setStatus({ kind: 'idle' });
      } else {
        setStatus({ kind: 'failed', problem: result.problem });
      }
    });
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const text = draft.trim();
    if (!text || offline || status.kind === 'sending') return;
    const verdict = checkAgentReply(text, masker, replyCheck);
    if (verdict.outcome !== 'send') return setStatus({ kind: 'checked', verdict });
    deliver(text);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  const onChange = (event: ChangeEvent<HTMLTextAreaElement>) => {
    setDraft(event.target.value);
    if (status.kind === 'checked') setStatus({ kind: 'idle' });
    if (event.target.value !== '') actions.typing();
  };

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const problem = checkAgentAttachment(file, attachmentsAllowed);
    if (problem) return setStatus({ kind: 'attachment', message: t(`chatAttachmentProblem_${problem}`) });
    setStatus({ kind: 'sending' });
    void actions.sendAttachment(file).then((result) => setStatus(result.ok ? { kind: 'idle' } : { kind: 'failed', problem: result.problem }));
  };

  return (
    <form className="chat-compose" onSubmit={submit} data-testid="chat-compose">
      {offline ? (
        <p className="chat-problem" role="status" data-testid="chat-offline">
          {t('chatOfflineKept')}
        </p>
      ) : null}
      {status.kind === 'failed' ? (
        <p className="chat-problem" role="alert" data-testid="chat-send-failed" data-problem={status.problem}>
          {t(`chatSendProblem_${status.problem}`)}
          {status.problem !== 'expired' ? (
            <button type="button" data-testid="chat-resend" onClick={() => submit()} disabled={offline}>
              {t('chatResend')}
            </button>
          ) : null}
        </p>
      ) : null}
      {status.kind === 'checked' ? (
        <p className={`chat-problem chat-reply-${status.verdict.outcome}`} role="alert" data-testid="chat-reply-check" data-outcome={status.verdict.outcome}>
          {t(status.verdict.outcome === 'block' ? 'chatReplyBlocked' : 'chatReplyWarned', status.verdict.kinds.map((kind) => t(`kind_${kind}`)).join(', '))}
          {status.verdict.outcome === 'warn' ? (
            <button type="button" data-testid="chat-send-anyway" onClick={() => deliver(draft.trim())}>
              {t('chatSendAnyway')}
            </button>
          ) : null}
        </p>
      ) : null}
      {status.kind === 'attachment' ? (
        <p className="chat-problem" role="alert" data-testid="chat-attachment-refused">
          {status.message}
        </p>
      ) : null}
      <div className="chat-compose-row">
        <textarea
          data-testid="chat-input"
          value={draft}
          onChange={onChange}
          onKeyDown={onKeyDown}
          placeholder={t('chatPlaceholder')}
          aria-label={t('chatPlaceholder')}
          maxLength={MAX_MESSAGE}
          rows={2}
          id={`chat-input-${contactId}`}
        />
        <div className="chat-compose-buttons">
          <button type="submit" className="primary" data-testid="chat-send" disabled={offline || status.kind === 'sending' || draft.trim() === ''}>
            {t('send')}
          </button>
          {attachmentsAllowed ? (
            <>
              <button type="button" data-testid="chat-attach" onClick={() => fileInput.current?.click()} disabled={offline || status.kind === 'sending'}>
                {t('chatAttach')}
              </button>
              <input ref={fileInput} type="file" hidden data-testid="chat-file" onChange={onFile} />
            </>
          ) : null}
        </div>
      </div>
    </form>
  );
}
