import { describe, expect, it } from 'vitest';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { FULL_MASK, HIDDEN_PLACEHOLDER } from '../../../src/core/masking/displayFormat.ts';
import { maskEverything } from '../../../src/core/masking/maskEverything.ts';
import { matchNameGlob } from '../../../src/core/masking/matchNameGlob.ts';
import type { MaskingSettings } from '../../../src/core/policy/Policy.ts';

const fixedNow = (): Date => new Date('2024-11-29T00:00:00.000Z');

function viewOf(masking: MaskingSettings | undefined, attributes: Record<string, unknown>) {
  return createMaskingEngine(masking, { now: fixedNow }).maskAttributes(attributes);
}

describe('masking engine: display formats', () => {
  it('shows cards as last four by default, keeping the surrounding text; the expiry beside a card is hidden', () => {
    const { attributes } = viewOf(undefined, { note: 'card 4111 1111 1111 1111 for the refund' });
    expect(attributes).toEqual([{ name: 'note', display: 'card •••• 1111 for the refund', kinds: ['pan'], masked: true }]);
    expect(viewOf(undefined, { note: 'card 4111 1111 1111 1111 exp 12/29' }).attributes).toEqual([
      { name: 'note', display: 'card •••• 1111 exp ••••••••', kinds: ['pan', 'secret'], masked: true },
    ]);
  });

  it('never shows a card beyond last four, and honours stricter policy formats', () => {
    expect(viewOf({ display: { pan: 'full' } }, { n: '4111111111111111' }).attributes[0]?.display).toBe(FULL_MASK);
    expect(viewOf({ display: { pan: 'label' } }, { n: '4111111111111111' }).attributes[0]?.display).toBe('[Card number]');
  });

  it('draws SSNs with the policy default (last four) and uses a fixed-length full mask that does not leak length', () => {
    expect(viewOf(undefined, { n: 'ssn 123-45-6789' }).attributes[0]?.display).toBe('ssn •••• 6789');
    expect(viewOf({ display: { ssn: 'label' } }, { n: 'ssn 123-45-6789' }).attributes[0]?.display).toBe('ssn [SSN]');
    const short = viewOf({ display: { ssn: 'full' } }, { n: '123-45-6789' }).attributes[0]?.display;
    const long = viewOf({ display: { pan: 'full' } }, { n: '4111111111111111' }).attributes[0]?.display;
    expect(short).toBe(FULL_MASK);
    expect(long).toBe(FULL_MASK);
  });

  it('never shows ciphertext, not even its last four', () => {
    const esdk = 'AYADeHh2cGxhY2Vob2xkZXJjaXBoZXJ0ZXh0AAAAAQAVYXdzLWNyeXB0by1wdWJsaWMta2V5';
    const view = viewOf({ display: { ciphertext: 'lastFour' } }, { PaymentCard: esdk, other: esdk }).attributes;
    expect(view.map((v) => v.display)).toEqual(['[Encrypted]', '[Encrypted]']);
  });

  it('uses the pattern name as the label of a custom pattern', () => {
    const masking: MaskingSettings = { patterns: [{ name: 'Policy number', regex: 'POL-[0-9]{6}', display: 'label' }] };
    expect(viewOf(masking, { n: 'see POL-123456' }).attributes[0]?.display).toBe('see [Policy number]');
    // Without a display of its own a pattern takes the policy default for custom patterns: full.
    expect(viewOf({ patterns: [{ name: 'Policy number', regex: 'POL-[0-9]{6}' }] }, { n: 'see POL-123456' }).attributes[0]?.display).toBe(`see ${FULL_MASK}`);
    const lastFour: MaskingSettings = { patterns: [{ name: 'Policy number', regex: 'POL-[0-9]{8}', display: 'lastFour' }] };
    expect(viewOf(lastFour, { n: 'POL-12345678' }).attributes[0]?.display).toBe('•••• 5678');
  });

  it('leaves harmless values untouched and unmasked', () => {
    const { attributes } = viewOf(undefined, { order: 'ORD-2024-000123', placed: '2024-11-29', total: '¥12,800', empty: '' });
    expect(attributes.map((a) => [a.display, a.masked])).toEqual([
      ['ORD-2024-000123', false],
      ['2024-11-29', false],
      ['¥12,800', false],
      ['', false],
    ]);
  });
});

describe('masking engine: attribute-name rules', () => {
  it('masks a policy "secret" attribute whatever its value', () => {
    const masking: MaskingSettings = { attributeRules: [{ match: 'memberCode', kind: 'secret' }] };
    const view = viewOf(masking, { memberCode: 'hello', MEMBERCODE: 'x' }).attributes;
    expect(view.map((v) => [v.display, v.kinds])).toEqual([
      [FULL_MASK, ['secret']],
      [FULL_MASK, ['secret']],
    ]);
  });

  it('matches globs case-insensitively, first rule wins', () => {
    expect(matchNameGlob('card_*', 'CARD_holder')).toBe(true);
    expect(matchNameGlob('*Token', 'sessionTOKEN')).toBe(true);
    expect(matchNameGlob('a*b*c', 'axxbyyc')).toBe(true);
    expect(matchNameGlob('a*b*c', 'axxbyy')).toBe(false);
    const masking: MaskingSettings = {
      attributeRules: [
        { match: 'card_holder', kind: 'public' },
        { match: 'card_*', kind: 'pan' },
      ],
    };
    const view = viewOf(masking, { card_holder: 'Jane Roe', card_ref: 'ref 1234 5678 1234' }).attributes;
    expect(view.map((v) => v.display)).toEqual(['Jane Roe', '•••• 1234']);
  });

  it('still scans a "public" attribute: a card number is never shown', () => {
    const masking: MaskingSettings = { attributeRules: [{ match: 'notes', kind: 'public' }] };
    expect(viewOf(masking, { notes: 'pan 5555555555554444' }).attributes[0]?.display).toBe('pan •••• 4444');
  });

  it('applies built-in hints conservatively, and a policy "public" rule overrides them', () => {
    const view = viewOf(undefined, {
      cardNumber: '4111',
      cvv: '123',
      password: 'hunter2',
      customer_ssn: '123456789',
      company: 'ACME Japan',
      panel: 'left',
      accountNumber: 'A-1001',
    }).attributes;
    expect(view.map((v) => v.display)).toEqual([FULL_MASK, FULL_MASK, FULL_MASK, '•••• 6789', 'ACME Japan', 'left', 'A-1001']);
    const publicToken = viewOf({ attributeRules: [{ match: 'token', kind: 'public' }] }, { token: 'abc' }).attributes[0];
    expect(publicToken?.display).toBe('abc');
  });
});

describe('masking engine: detector switches', () => {
  it('lets policy switch off e-mail detection but never cards or ciphertext', () => {
    const masking: MaskingSettings = { detectors: { email: false, pan: false, ciphertext: false } };
    const view = viewOf(masking, { a: 'a@example.com', b: '4111111111111111' }).attributes;
    expect(view.map((v) => v.display)).toEqual(['a@example.com', '•••• 1111']);
  });
});

describe('masking engine: fail closed', () => {
  it('hides non-strings and over-long values and audits name and reason only', () => {
    const engine = createMaskingEngine(undefined, { maxValueLength: 10, now: fixedNow });
    const { attributes, auditEvents } = engine.maskAttributes({ n: 42, o: { value: '4111111111111111' }, long: '4111111111111111 x' });
    expect(attributes.map((a) => [a.display, a.masked])).toEqual([
      [HIDDEN_PLACEHOLDER, true],
      [HIDDEN_PLACEHOLDER, true],
      [HIDDEN_PLACEHOLDER, true],
    ]);
    expect(auditEvents).toEqual([
      { type: 'masking.failed_closed', at: '2024-11-29T00:00:00.000Z', details: { attributeName: 'n', reason: 'not_a_string' } },
      { type: 'masking.failed_closed', at: '2024-11-29T00:00:00.000Z', details: { attributeName: 'o', reason: 'not_a_string' } },
      { type: 'masking.failed_closed', at: '2024-11-29T00:00:00.000Z', details: { attributeName: 'long', reason: 'too_long' } },
    ]);
    expect(JSON.stringify(auditEvents)).not.toContain('4111');
  });

  it('hides the value when a detector throws and names the detector', () => {
    const engine = createMaskingEngine({ patterns: [{ name: 'broken', regex: '(' }] }, { now: fixedNow });
    const { attributes, auditEvents } = engine.maskAttributes({ memo: 'ssn 123-45-6789' });
    expect(attributes[0]).toEqual({ name: 'memo', display: HIDDEN_PLACEHOLDER, kinds: ['secret'], masked: true });
    expect(auditEvents[0]?.details).toEqual({ attributeName: 'memo', reason: 'detector_error', detector: 'custom:broken' });
    expect(JSON.stringify(auditEvents)).not.toContain('6789');
    expect(engine.maskText('hello').display).toBe(HIDDEN_PLACEHOLDER);
  });

  it('maskEverything hides every value', () => {
    const { attributes } = maskEverything({ a: 'x', b: 1 });
    expect(attributes).toEqual([
      { name: 'a', display: HIDDEN_PLACEHOLDER, kinds: ['secret'], masked: true },
      { name: 'b', display: HIDDEN_PLACEHOLDER, kinds: ['secret'], masked: true },
    ]);
  });
});

describe('masking engine: maskText, explain and reveal', () => {
  const engine = createMaskingEngine(undefined, { defaultCountry: 'JP', now: fixedNow });

  it('masks chat text and reports offsets only', () => {
    const text = 'カード番号は４１１１ １１１１ １１１１ １１１１、電話は090-1234-5678です';
    const { display, findings } = engine.maskText(text);
    expect(display).toBe('カード番号は•••• 1111、電話は•••• 5678です');
    for (const finding of findings) expect(Object.keys(finding).sort()).toEqual(['detector', 'end', 'kind', 'start']);
  });

  it('masks the caller number', () => {
    expect(engine.maskText('+81312345678', 'caller').display).toBe('•••• 5678');
  });

  it('explains which rule or detector decided', () => {
    const { explanations } = engine.explain({ cardNumber: 'x', memo: 'SSN 123-45-6789', plain: 'hi' });
    expect(explanations.map((e) => e.decidedBy)).toEqual(['builtInName', 'detectors', 'detectors']);
    expect(explanations[1]?.findings).toContainEqual({ kind: 'ssn', start: 4, end: 15, detector: 'ssn' });
    expect(explanations[1]?.view.kinds).toEqual(['ssn']);
  });

  it('reveals the full value except cards and ciphertext', () => {
    expect(engine.revealDisplay('memo', 'SSN 123-45-6789, card 4111111111111111', 'ssn').display).toBe('SSN 123-45-6789, card •••• 1111');
    expect(engine.revealDisplay('cardNumber', '4111111111111111', 'pan').display).toBe('•••• 1111');
    expect(engine.revealDisplay('whatever', '4111111111111111', 'secret').display).toBe('•••• 1111');
    expect(engine.revealDisplay('memo', 7, 'ssn').display).toBe(HIDDEN_PLACEHOLDER);
  });

  it('caps a revealed card at the policy format, not at last four', () => {
    const strict = createMaskingEngine({ display: { pan: 'label' } });
    expect(strict.revealDisplay('cardNumber', '4111111111111111', 'pan').display).toBe('[Card number]');
  });
});

describe('masking engine: UUIDs', () => {
  it('never takes the digit segments of a UUID for a card number', () => {
    const engine = createMaskingEngine(undefined);
    // 6528351837464988 is an issuer-range, Luhn-valid 16-digit number.
    const uuid = '65283518-3746-4988-a583-713431371251';
    expect(engine.maskText(`contact ${uuid}`).display).toBe(`contact ${uuid}`);
    expect(engine.maskText('6528351837464988').display).toBe('•••• 4988');
  });
});

describe('masking engine: what it remembers between calls', () => {
  it('keeps no phone validation across engines: another default country decides for itself', () => {
    const tokyo = '03-1234-5678';
    const jp = createMaskingEngine(undefined, { defaultCountry: 'JP' });
    const us = createMaskingEngine(undefined, { defaultCountry: 'US' });
    expect(jp.maskText(`tel ${tokyo}`).display).toBe('tel •••• 5678');
    expect(us.maskText(`tel ${tokyo}`).display).toBe(`tel ${tokyo}`);
    expect(jp.maskText(`tel ${tokyo}`).display).toBe('tel •••• 5678');
    expect(us.maskText(`tel ${tokyo}`).display).toBe(`tel ${tokyo}`);
  });

  it('remembers a name decision per engine, so another policy decides for itself', () => {
    const secretMemo = createMaskingEngine({ attributeRules: [{ match: 'memo', kind: 'secret' }] });
    const plain = createMaskingEngine(undefined);
    expect(secretMemo.maskAttributes({ memo: 'hello' }).attributes[0]?.display).toBe(FULL_MASK);
    expect(plain.maskAttributes({ memo: 'hello' }).attributes[0]?.display).toBe('hello');
    expect(secretMemo.maskAttributes({ memo: 'hello' }).attributes[0]?.display).toBe(FULL_MASK);
  });
});
