import { describe, expect, it } from 'vitest';
import { buildChatMessageView } from '../../../src/core/chat/buildChatMessageView.ts';
import { failClosedMasker } from '../../../src/core/contact/failClosedMasker.ts';
import { HIDDEN_PLACEHOLDER as HIDDEN_DISPLAY } from '../../../src/core/masking/displayFormat.ts';

describe('buildChatMessageView', () => {
  it('masks the text and the display name of a customer message', () => {
    const view = buildChatMessageView(
      'c-1',
      { Id: 'm1', Type: 'MESSAGE', ContentType: 'text/plain', Content: 'my card is 4111111111111111', ParticipantRole: 'CUSTOMER', DisplayName: 'Taro', AbsoluteTime: '2026-11-29T01:02:03.000Z' },
      failClosedMasker,
      0,
    );
    expect(view).toEqual({ id: 'm1', contactId: 'c-1', role: 'customer', displayName: HIDDEN_DISPLAY, text: HIDDEN_DISPLAY, at: Date.parse('2026-11-29T01:02:03.000Z') });
  });

  it('ignores events, receipts and unknown content types', () => {
    const base = { Id: 'm1', Content: 'x', ParticipantRole: 'CUSTOMER' };
    expect(buildChatMessageView('c', { ...base, Type: 'EVENT', ContentType: 'application/vnd.amazonaws.connect.event.typing' }, failClosedMasker, 0)).toBeNull();
    expect(buildChatMessageView('c', { ...base, Type: 'MESSAGE', ContentType: 'application/json' }, failClosedMasker, 0)).toBeNull();
    expect(buildChatMessageView('c', { ...base, Type: 'MESSAGE', ContentType: 'text/plain', Content: 42 }, failClosedMasker, 0)).toBeNull();
  });
});
