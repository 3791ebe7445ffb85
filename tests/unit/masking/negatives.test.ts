import { describe, expect, it } from 'vitest';
import { NEGATIVE_VALUES } from '../../../bench/corpus/negatives.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';

describe('values that must stay visible', () => {
  const us = createMaskingEngine(undefined, { defaultCountry: 'US' });
  const jp = createMaskingEngine(undefined, { defaultCountry: 'JP' });

  it.each(NEGATIVE_VALUES)('%s is shown unchanged (US and JP phone defaults)', (value) => {
    expect(us.maskText(value)).toEqual({ display: value, findings: [], auditEvents: [] });
    expect(jp.maskText(value)).toEqual({ display: value, findings: [], auditEvents: [] });
  });

  it('keeps a whole map of them visible', () => {
    const attributes = Object.fromEntries(NEGATIVE_VALUES.map((v, i) => [`attr${i}`, v]));
    const { attributes: views } = us.maskAttributes(attributes);
    expect(views.filter((v) => v.masked).map((v) => v.name)).toEqual([]);
  });
});

describe('numbers a label names as something else', () => {
  const engine = createMaskingEngine(undefined, { locale: 'en-US' });

  it.each([
    // From the third independent corpus (2026-12-06): a Yamato number that passes the My Number check, serials read as phone numbers.
    'ヤマト運輸　お問い合わせ伝票番号　5255-2533-4460　が「持戻」のままです',
    '製造番号：0312845907（本体裏面のシール）',
    'S/N: 08047731925 (ルーター本体)',
    'serial no. 4155550123',
    'tracking # 0312345678',
    'Order number: 020 7946 0958',
    // From the fifth (2026-12-07): a returns number, a reception ticket, a firmware build read as phone numbers.
    'Your RMA number is 312-948-2270; please write it on the outside of the box.',
    '整理番号：03-2405-0117（窓口でお伝えください）',
    'Device: Echo Show 8 (2nd Gen), software 8642858884, app version 2.2.564871.0',
    '証券番号 090-1234-5678 の契約内容',
  ])('leaves %s as written', (text) => {
    expect(engine.maskText(text).display).toBe(text);
  });

  it('still hides the numbers such a label does not stand right before', () => {
    expect(engine.maskText('order shipped, call 090-1234-5678').display).toBe('order shipped, call •••• 5678');
    expect(engine.maskText('reorder 090-1234-5678').display).toBe('reorder •••• 5678');
    expect(engine.maskText('伝票番号の件でマイナンバー 5255-2533-4460').display).toBe('伝票番号の件でマイナンバー [My Number]');
  });
});
