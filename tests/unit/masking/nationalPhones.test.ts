import { describe, expect, it } from 'vitest';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';

describe('national phone numbers with no country configured', () => {
  // No dialing.defaultCountry and no region, as with the smallest valid policy; an en-US browser.
  const engine = createMaskingEngine(undefined, { locale: 'en-US' });

  it.each([
    ['090-1234-5678', '•••• 5678'],
    ['080 2345 6789', '•••• 6789'],
    ['070-3456-7890', '•••• 7890'],
    ['03-1234-5678', '•••• 5678'],
    ['045-123-4567', '•••• 4567'],
    ['06-6123-4567', '•••• 4567'],
    ['０９０ー１２３４ー５６７８', '•••• 5678'],
    ['020 7946 0958', '•••• 0958'],
    ['07911 123456', '•••• 3456'],
    ['0161 496 0000', '•••• 0000'],
  ])('masks %s as a plain value', (value, shown) => {
    expect(engine.maskAttributes({ callback: value }).attributes[0]?.display).toBe(shown);
  });

  it('masks them inside English and Japanese sentences and next to other secrets', () => {
    expect(engine.maskText('Please call me back on 020 7946 0958 after 5pm').display).toBe('Please call me back on •••• 0958 after 5pm');
    expect(engine.maskText('お電話は090-1234-5678までお願いします').display).toBe('お電話は•••• 5678までお願いします');
    expect(engine.maskText('携帯：080-2345-6789、自宅：03-1234-5678').display).toBe('携帯：•••• 6789、自宅：•••• 5678');
    expect(engine.maskText('card 4111 1111 1111 1111, mobile 07911 123456, mail a@example.com').display).toBe('card •••• 1111, mobile •••• 3456, mail [Email]');
  });

  it('masks numbers a slash lists together (TEL/FAX pairs, a phone beside an e-mail), not an id a slash glues', () => {
    expect(engine.maskText('TEL/FAX 03-1234-5678/03-1234-5679').display).toBe('TEL/FAX •••• 5678/•••• 5679');
    expect(engine.maskText('090-1234-5678/03-1234-5678').display).toBe('•••• 5678/•••• 5678');
    expect(engine.maskText('TEL:03-1234-5678/FAX:03-1234-5679').display).toBe('TEL:•••• 5678/FAX:•••• 5679');
    expect(engine.maskText('taro@example.com/090-1234-5678').display).toBe('[Email]/•••• 5678');
    expect(engine.maskText('090-1234-5678/4111111111111111').display).toBe('•••• 5678/•••• 1111');
    for (const value of ['INV/5551234567', 'ref/4155550123', '4155550123/2', 'ORD/2024/4155550123']) expect(engine.maskText(value).display).toBe(value);
  });

  it('masks a number with its label written straight onto it, not one inside an id', () => {
    expect(engine.maskText('TEL0312345678').display).toBe('TEL•••• 5678');
    expect(engine.maskText('tel09012345678 / Fax0312345679').display).toBe('tel•••• 5678 / Fax•••• 5679');
    expect(engine.maskText('mobile09012345678 thanks').display).toBe('mobile•••• 5678 thanks');
    for (const value of ['A4155552671', 'hotel09012345678', 'SKU4155550123', 'stel09012345678']) expect(engine.maskText(value).display).toBe(value);
  });

  it('still leaves dates, times, order numbers and postal codes alone', () => {
    for (const value of ['2025-03-21 08:56:02', '2025-03-21', 'ORD-2024-000123', '〒100-0001', 'ご注文番号は123-4567890です', '1732838400000']) {
      expect(engine.maskText(value).display).toBe(value);
    }
  });

  it('reads national numbers in the configured country only when the policy names one', () => {
    const us = createMaskingEngine(undefined, { defaultCountry: 'US' });
    expect(us.maskText('tel 03-1234-5678').display).toBe('tel 03-1234-5678');
    const jp = createMaskingEngine(undefined, { defaultCountry: 'JP' });
    expect(jp.maskText('tel 03-1234-5678').display).toBe('tel •••• 5678');
  });
});
