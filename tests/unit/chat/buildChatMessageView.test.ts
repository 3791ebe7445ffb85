import { describe, expect, it } from 'vitest';
import { buildChatMessageView, type ChatViewContext } from '../../../src/core/chat/buildChatMessageView.ts';
import { failClosedMasker } from '../../../src/core/contact/failClosedMasker.ts';
import { HIDDEN_PLACEHOLDER as HIDDEN_DISPLAY } from '../../../src/core/masking/displayFormat.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import type { SanitizedNode } from '../../../src/core/chat/MarkdownNode.ts';

const engine = createMaskingEngine(undefined);
const nothingApproved = { matches: () => false, maskText: (text: string) => engine.maskText(text).display };
const context = (overrides: Partial<ChatViewContext> = {}): ChatViewContext => ({ masker: engine, approved: nothingApproved, now: 0, ...overrides });
const CARD = '4111 1111 1111 1111';

describe('buildChatMessageView', () => {
  it('masks the text and the display name of a customer message', () => {
    const view = buildChatMessageView(
      'c-1',
      {
        Id: 'm1',
        Type: 'MESSAGE',
        ContentType: 'text/plain',
        Content: 'my card is 4111111111111111',
        ParticipantRole: 'CUSTOMER',
        DisplayName: 'Taro',
        AbsoluteTime: '2026-11-29T01:02:03.000Z',
      },
      context({ masker: failClosedMasker }),
    );
    expect(view).toEqual({
      id: 'm1',
      contactId: 'c-1',
      role: 'customer',
      displayName: HIDDEN_DISPLAY,
      text: HIDDEN_DISPLAY,
      at: Date.parse('2026-11-29T01:02:03.000Z'),
      kind: 'text',
    });
  });

  it('ignores typing, receipts and unknown content types', () => {
    const base = { Id: 'm1', Content: 'x', ParticipantRole: 'CUSTOMER' };
    expect(buildChatMessageView('c', { ...base, Type: 'EVENT', ContentType: 'application/vnd.amazonaws.connect.event.typing' }, context())).toBeNull();
    expect(buildChatMessageView('c', { ...base, Type: 'EVENT', ContentType: 'application/vnd.amazonaws.connect.event.message.read' }, context())).toBeNull();
    expect(buildChatMessageView('c', { ...base, Type: 'MESSAGE', ContentType: 'application/json' }, context())).toBeNull();
    expect(buildChatMessageView('c', { ...base, Type: 'MESSAGE', ContentType: 'text/plain', Content: 42 }, context())).toBeNull();
  });

  it('names participant events: joined, left, transferred, ended', () => {
    const event = (contentType: string) =>
      buildChatMessageView(
        'c',
        { Id: contentType, Type: 'EVENT', ContentType: contentType, ParticipantRole: 'CUSTOMER', DisplayName: `Card ${CARD}` },
        context(),
      );
    expect(event('application/vnd.amazonaws.connect.event.participant.joined')).toMatchObject({
      kind: 'event',
      event: 'joined',
      displayName: 'Card •••• 1111',
    });
    expect(event('application/vnd.amazonaws.connect.event.participant.left')?.event).toBe('left');
    expect(event('application/vnd.amazonaws.connect.event.transfer.succeeded')?.event).toBe('transferred');
    expect(event('application/vnd.amazonaws.connect.event.chat.ended')?.event).toBe('ended');
  });

  it('masks attachment names and keeps type and size, never content', () => {
    const view = buildChatMessageView(
      'c',
      {
        Id: 'a',
        Type: 'ATTACHMENT',
        ParticipantRole: 'CUSTOMER',
        ContentType: 'application/pdf',
        Attachments: [
          { AttachmentId: 'att-1', AttachmentName: `statement ${CARD}.pdf`, ContentType: 'application/pdf', Status: 'APPROVED', AttachmentSizeInBytes: 2048 },
        ],
      },
      context(),
    );
    expect(view?.kind).toBe('attachment');
    expect(view?.attachments).toEqual([
      { attachmentId: 'att-1', name: 'statement •••• 1111.pdf', contentType: 'application/pdf', sizeBytes: 2048, status: 'approved' },
    ]);
    expect(JSON.stringify(view)).not.toContain('4111 1111');
  });

  it('shows Markdown as masked text when no sanitizer is present (the CLI, tests in Node)', () => {
    const view = buildChatMessageView('c', { Id: 'm', Type: 'MESSAGE', ContentType: 'text/markdown', Content: `**card** ${CARD}` }, context());
    expect(view).toMatchObject({ kind: 'text', text: '**card** •••• 1111' });
  });

  it('masks Markdown before the sanitizer sees it and again on the tree it returns', () => {
    const seen: string[] = [];
    const sanitizeMarkdown = (source: string): SanitizedNode[] => {
      seen.push(source);
      // As if entity-encoded digits decoded into a card number inside emphasis.
      return [{ tag: 'p', href: null, children: [{ tag: 'strong', href: null, children: [CARD] }] }];
    };
    const view = buildChatMessageView('c', { Id: 'm', Type: 'MESSAGE', ContentType: 'text/markdown', Content: `**${CARD}**` }, context({ sanitizeMarkdown }));
    expect(seen).toEqual(['**•••• 1111**']);
    expect(view?.kind).toBe('markdown');
    expect(view?.text).toBe('•••• 1111');
    expect(JSON.stringify(view)).not.toContain('4111 1111');
  });

  it('reads interactive messages as masked text with their options', () => {
    const content = JSON.stringify({
      templateType: 'ListPicker',
      version: '1.0',
      data: { content: { title: 'Which card?', elements: [{ title: `Card ${CARD}` }, { title: 'Other', subtitle: 'none' }] } },
    });
    const view = buildChatMessageView(
      'c',
      { Id: 'i', Type: 'MESSAGE', ContentType: 'application/vnd.amazonaws.connect.message.interactive', Content: content, ParticipantRole: 'SYSTEM' },
      context(),
    );
    expect(view?.interactive).toEqual({
      template: 'ListPicker',
      title: 'Which card?',
      subtitle: '',
      options: ['Card •••• 1111', 'Other — none'],
      sections: [],
    });
    expect(view?.text).toBe('Which card?\nCard •••• 1111\nOther — none');
  });
});
