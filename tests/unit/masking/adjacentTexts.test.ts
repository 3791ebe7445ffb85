import { describe, expect, it } from 'vitest';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { FULL_MASK } from '../../../src/core/masking/displayFormat.ts';

const engine = createMaskingEngine(undefined, { defaultCountry: 'US' });

describe('secrets written across boundaries', () => {
  it('finds a card number broken by a line break inside one value', () => {
    expect(engine.maskText('card 4111 1111\n1111 1111 thanks').display).toBe('card •••• 1111 thanks');
    expect(engine.maskText('4111111111\r\n111111').display).toBe('•••• 1111');
  });

  it('finds one broken by a blank line (a new paragraph), and not over more', () => {
    expect(engine.maskText('card 4111 1111\n\n1111 1111 thanks').display).toBe('card •••• 1111 thanks');
    expect(engine.maskText('4111 1111 \r\n\r\n 1111 1111').display).toBe('•••• 1111');
    expect(engine.maskText('マイナンバー\n1234 5678\n\n9018').display).toBe('マイナンバー\n[My Number]');
    expect(engine.maskText('4111 1111\n\n\n1111 1111').display).toBe('4111 1111\n\n\n1111 1111');
  });

  it('masks a card number split over two chat messages in a row, in both', () => {
    const { displays, findings } = engine.maskAdjacentTexts(['my card is 4111 1111', '1111 1111', 'thanks']);
    expect(displays).toEqual([`my card is ${FULL_MASK}`, '•••• 1111', 'thanks']);
    expect(findings[0]).toEqual([{ kind: 'pan', start: 11, end: 20, detector: 'pan', continues: true }]);
    expect(findings[1]).toEqual([{ kind: 'pan', start: 0, end: 9, detector: 'pan' }]);
  });

  it('masks a card split over three messages, and a My Number over two', () => {
    expect(engine.maskAdjacentTexts(['4111 1111', '1111', '1111']).displays).toEqual([FULL_MASK, FULL_MASK, FULL_MASK]);
    expect(engine.maskAdjacentTexts(['マイナンバーは5506 1408', '9288です']).displays).toEqual(['マイナンバーは[My Number]', '[My Number]です']);
  });

  it('masks a card split over the attributes card1 and card2, in both', () => {
    const { attributes } = engine.maskAttributes({ card1: '4111 1111', card2: '1111 1111', orderId: 'ORD-2024-000123' });
    expect(attributes.map((a) => [a.display, a.kinds, a.masked])).toEqual([
      [FULL_MASK, ['pan'], true],
      ['•••• 1111', ['pan'], true],
      ['ORD-2024-000123', [], false],
    ]);
  });

  it('does not join numbers that are complete on their own', () => {
    expect(engine.maskAdjacentTexts(['order 12', '3 items']).displays).toEqual(['order 12', '3 items']);
    expect(engine.maskAdjacentTexts(['call (415) 555-1102', '4111 1111 1111 1111']).displays).toEqual(['call •••• 1102', '•••• 1111']);
    const { attributes } = engine.maskAttributes({ qty: '2', total: '1999', zip: '94105' });
    expect(attributes.map((a) => a.display)).toEqual(['2', '1999', '94105']);
  });

  it('masks each message as maskText would when nothing straddles', () => {
    const texts = ['hello', 'ssn 123-45-6789', 'mail a@example.com'];
    expect(engine.maskAdjacentTexts(texts).displays).toEqual(texts.map((t) => engine.maskText(t).display));
  });

  it('reads neighbours together with the policy’s own patterns too, which may match across the line break', () => {
    // A member number the organisation writes as two blocks of four, split over two messages.
    const custom = createMaskingEngine({ patterns: [{ name: 'member', regex: '[0-9]{4}\\s[0-9]{4}' }] }, { defaultCountry: 'US' });
    expect(custom.maskAdjacentTexts(['member 1234', '5678 thanks']).displays).toEqual([`member ${FULL_MASK}`, `${FULL_MASK} thanks`]);
  });
});
