import { describe, expect, it } from 'vitest';
import { checkAgentAttachment, CONNECT_ATTACHMENT_MAX_BYTES } from '../../../src/core/chat/checkAgentAttachment.ts';
import { checkAgentReply } from '../../../src/core/chat/checkAgentReply.ts';
import { createTypingThrottle } from '../../../src/core/chat/typingThrottle.ts';
import { readInteractiveMessage } from '../../../src/core/chat/readInteractiveMessage.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';

const engine = createMaskingEngine(undefined);

describe('checkAgentReply', () => {
  it('passes ordinary replies and flags card numbers and national IDs as the policy says', () => {
    expect(checkAgentReply('Your order 12345 ships today', engine, 'block')).toEqual({ outcome: 'send' });
    expect(checkAgentReply('I see card 4111 1111 1111 1111', engine, 'warn')).toMatchObject({ outcome: 'warn', kinds: expect.arrayContaining(['pan']) });
    expect(checkAgentReply('SSN 123-45-6789 confirmed', engine, 'block')).toEqual({ outcome: 'block', kinds: ['ssn'] });
    expect(checkAgentReply('マイナンバー 123456789018', engine, 'block')).toEqual({ outcome: 'block', kinds: ['myNumber'] });
  });

  it('flags a security code, PIN or one-time code the agent is about to echo into the transcript, and not the words alone', () => {
    expect(checkAgentReply('Thanks, CVV 737 confirmed', engine, 'warn')).toEqual({ outcome: 'warn', kinds: ['sensitiveAuth'] });
    expect(checkAgentReply('暗証番号は4321でよろしいですか', engine, 'block')).toEqual({ outcome: 'block', kinds: ['sensitiveAuth'] });
    expect(checkAgentReply('your one-time code 482913 has expired', engine, 'warn')).toEqual({ outcome: 'warn', kinds: ['sensitiveAuth'] });
    expect(checkAgentReply('card 4111 1111 1111 1111 exp 12/27 cvv 123', engine, 'warn')).toEqual({
      outcome: 'warn',
      kinds: expect.arrayContaining(['pan', 'sensitiveAuth']),
    });
    // Asking for it is fine; only a value is a secret. Other secrets (an expiry alone) are not checked.
    expect(checkAgentReply('Please enter your PIN on the keypad, not in the chat', engine, 'block')).toEqual({ outcome: 'send' });
    expect(checkAgentReply('セキュリティコードはカード裏面の3桁です', engine, 'block')).toEqual({ outcome: 'send' });
  });
});

describe('checkAgentAttachment', () => {
  it("applies Connect's type and size limits and the policy switch", () => {
    const pdf = { name: 'receipt.pdf', type: 'application/pdf', size: 1000 };
    expect(checkAgentAttachment(pdf, true)).toBeNull();
    expect(checkAgentAttachment(pdf, false)).toBe('disabled');
    expect(checkAgentAttachment({ ...pdf, size: CONNECT_ATTACHMENT_MAX_BYTES + 1 }, true)).toBe('size');
    expect(checkAgentAttachment({ ...pdf, size: 0 }, true)).toBe('empty');
    expect(checkAgentAttachment({ name: 'page.html', type: 'text/html', size: 10 }, true)).toBe('type');
    expect(checkAgentAttachment({ name: 'receipt.exe', type: 'application/pdf', size: 10 }, true)).toBe('type');
  });
});

describe('createTypingThrottle', () => {
  it('lets one typing event through per window, on the leading edge', () => {
    const shouldSend = createTypingThrottle(10_000);
    expect([0, 1, 9_999, 10_000, 15_000, 20_001].map(shouldSend)).toEqual([true, false, false, true, false, true]);
  });
});

describe('readInteractiveMessage', () => {
  it('reads time pickers, panels and carousels; anything else is unknown', () => {
    const time = readInteractiveMessage(
      JSON.stringify({ templateType: 'TimePicker', data: { content: { title: 'When?', timeslots: [{ date: '2026-12-02T10:00+00:00', duration: 3600 }] } } }),
      engine,
    );
    expect(time).toMatchObject({ template: 'TimePicker', title: 'When?', options: ['2026-12-02T10:00+00:00 (60 min)'] });
    const carousel = readInteractiveMessage(
      JSON.stringify({
        templateType: 'Carousel',
        data: { content: { title: 'Plans', elements: [{ templateType: 'Panel', data: { content: { title: 'Basic', elements: [{ title: 'Pick' }] } } }] } },
      }),
      engine,
    );
    expect(carousel.sections).toEqual([{ template: 'Panel', title: 'Basic', subtitle: '', options: ['Pick'], sections: [] }]);
    expect(readInteractiveMessage('<img src=x onerror=alert(1)>', engine).template).toBe('unknown');
    expect(readInteractiveMessage(JSON.stringify({ templateType: '__proto__' }), engine).template).toBe('unknown');
  });
});
