import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../src/core/audit/AuditEvent.ts';
import { buildChatMessageView } from '../../../src/core/chat/buildChatMessageView.ts';
import { chatTextMasker } from '../../../src/core/chat/chatTextMasker.ts';
import { createMessageRuns } from '../../../src/core/chat/messageRuns.ts';
import { withTextAuditHandOff } from '../../../src/core/contact/textAuditHandOff.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { HIDDEN_PLACEHOLDER } from '../../../src/core/masking/displayFormat.ts';

const CARD = '4111 1111 1111 1111';

function chatMasker(patterns: { name: string; regex: string }[] = []) {
  const reported: AuditEvent[] = [];
  const masker = chatTextMasker(
    withTextAuditHandOff(
      createMaskingEngine(patterns.length > 0 ? { patterns } : undefined),
      (event) => reported.push(event),
      () => 0,
    ),
  );
  return { masker, reported };
}

describe("chat's masker names chat as the source of what it audits", () => {
  it('a customer message too long to scan is hidden and audited as chat', () => {
    const { masker, reported } = chatMasker();
    const view = buildChatMessageView(
      'c1',
      {
        Id: 'm1',
        Type: 'MESSAGE',
        ContentType: 'text/plain',
        Content: `card ${CARD} `.repeat(2_000),
        ParticipantRole: 'CUSTOMER',
        AbsoluteTime: '2026-12-02T00:00:00.000Z',
      },
      { masker, approved: { matches: () => false, maskText: (value) => masker.maskText(value).display }, now: 0 },
    );
    expect(view?.text).toBe(HIDDEN_PLACEHOLDER);
    expect(reported.map((event) => event.details)).toEqual([{ attributeName: 'chat', reason: 'too_long' }]);
    expect(JSON.stringify(reported)).not.toContain('4111');
  });

  it("names the chat's contact once the feed asks for it: a code sent after a card is that contact's incident", () => {
    const { masker, reported } = chatMasker();
    const runs = createMessageRuns();
    const message = (id: string, content: string) => ({ Id: id, Type: 'MESSAGE', ContentType: 'text/plain', Content: content, ParticipantRole: 'CUSTOMER' });
    const contact = masker.forContact?.('c7') ?? masker;
    runs.add(message('a', `my card is ${CARD}`), contact);
    runs.add(message('b', '12/27'), contact);
    runs.add(message('c', '123'), contact);
    expect(reported.map((event) => [event.type, event.details])).toEqual([
      ['masking.sensitive_auth_data', { source: 'chat', kind: 'securityCode', contactId: 'c7' }],
    ]);
    // Without a contact the event says only where it was seen.
    const bare = chatMasker();
    bare.masker.maskText('CVV 123');
    expect(bare.reported.map((event) => event.details)).toEqual([{ source: 'chat', kind: 'securityCode' }]);
  });

  it('a run of messages read together is audited as chat too', () => {
    const { masker, reported } = chatMasker([{ name: 'broken', regex: '(' }]);
    const runs = createMessageRuns();
    const message = (id: string, content: string) => ({ Id: id, Type: 'MESSAGE', ContentType: 'text/plain', Content: content, ParticipantRole: 'CUSTOMER' });
    runs.add(message('a', 'first'), masker);
    runs.add(message('b', CARD), masker);
    expect(reported.length).toBeGreaterThan(0);
    expect(reported.map((event) => ('attributeName' in event.details ? event.details.attributeName : null))).toEqual(reported.map(() => 'chat'));
  });
});
