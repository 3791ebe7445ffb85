import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../src/core/audit/AuditEvent.ts';
import { buildChatMessageView } from '../../../src/core/chat/buildChatMessageView.ts';
import { createMessageRuns } from '../../../src/core/chat/messageRuns.ts';
import { withTextAuditHandOff } from '../../../src/core/contact/textAuditHandOff.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { HIDDEN_PLACEHOLDER } from '../../../src/core/masking/displayFormat.ts';

const CARD = '4111 1111 1111 1111';

function setUp(patterns: { name: string; regex: string }[] = []) {
  const reported: AuditEvent[] = [];
  let clock = 1_000_000;
  const masker = withTextAuditHandOff(
    createMaskingEngine(patterns.length > 0 ? { patterns } : undefined),
    (event) => reported.push(event),
    () => clock,
  );
  return { masker, reported, advance: (ms: number) => (clock += ms) };
}

describe('the text methods hand their audit events on', () => {
  it('a chat message too long to scan is hidden and leaves a masking.failed_closed event, without its text', () => {
    const { masker, reported } = setUp();
    const text = `card ${CARD} `.repeat(2_000);
    const view = buildChatMessageView(
      'c1',
      { Id: 'm1', Type: 'MESSAGE', ContentType: 'text/plain', Content: text, ParticipantRole: 'CUSTOMER', AbsoluteTime: '2026-12-02T00:00:00.000Z' },
      { masker, approved: { matches: () => false, maskText: (value) => masker.maskText(value).display }, now: 0 },
    );
    expect(view?.text).toBe(HIDDEN_PLACEHOLDER);
    expect(reported.map((event) => [event.type, event.details])).toEqual([['masking.failed_closed', { attributeName: 'text', reason: 'too_long' }]]);
    expect(JSON.stringify(reported)).not.toContain('4111');
  });

  it('a detector that throws on a chat run is reported too, naming the detector', () => {
    const { masker, reported } = setUp([{ name: 'broken', regex: '(' }]);
    const runs = createMessageRuns();
    const message = (id: string, content: string) => ({ Id: id, Type: 'MESSAGE', ContentType: 'text/plain', Content: content, ParticipantRole: 'CUSTOMER' });
    runs.add(message('a', 'first'), masker);
    const second = runs.add(message('b', CARD), masker);
    expect(second.content ?? HIDDEN_PLACEHOLDER).toBe(HIDDEN_PLACEHOLDER);
    expect(reported.length).toBeGreaterThan(0);
    expect(reported.every((event) => event.type === 'masking.failed_closed')).toBe(true);
    expect(reported[0]?.details).toEqual({ attributeName: 'text', reason: 'detector_error', detector: 'custom:broken' });
  });

  it('names the source it is given', () => {
    const { masker, reported } = setUp();
    masker.maskText('x'.repeat(40_000), 'chat');
    expect(reported[0]?.details).toEqual({ attributeName: 'chat', reason: 'too_long' });
  });

  it('reports one fact once while the shell re-renders, and again after the window', () => {
    const { masker, reported, advance } = setUp();
    const text = 'x'.repeat(40_000);
    for (let i = 0; i < 20; i += 1) masker.maskText(text);
    masker.maskAdjacentTexts(['hello', text]);
    expect(reported).toHaveLength(1);
    advance(60_000);
    masker.maskText(text);
    expect(reported).toHaveLength(2);
  });

  it('hands on nothing for a text masked normally, and keeps what the engine displays', () => {
    const { masker, reported } = setUp();
    const engine = createMaskingEngine(undefined);
    expect(masker.maskText(`card ${CARD}`)).toEqual({ display: engine.maskText(`card ${CARD}`).display, findings: engine.maskText(`card ${CARD}`).findings });
    expect(masker.maskAdjacentTexts(['4111 1111', '1111 1111']).displays).toEqual(engine.maskAdjacentTexts(['4111 1111', '1111 1111']).displays);
    expect(reported).toEqual([]);
  });
});
