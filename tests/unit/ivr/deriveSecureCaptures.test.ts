import { describe, expect, it } from 'vitest';
import { buildContactView } from '../../../src/core/contact/buildContactView.ts';
import { classifySecureValue } from '../../../src/core/ivr/classifySecureValue.ts';
import { deriveSecureCaptures, type SecureCaptureHistory } from '../../../src/core/ivr/deriveSecureCaptures.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import type { EffectiveSecureIvrField } from '../../../src/core/policy/EffectivePolicy.ts';
import { DEFAULT_IVR_STATUS_VALUES } from '../../../src/core/policy/policyDefaults.ts';

const masker = createMaskingEngine(undefined);
const card: EffectiveSecureIvrField = {
  label: 'Card number',
  valueAttribute: 'card_number',
  statusAttribute: 'card_capture_status',
  attemptsAttribute: null,
  failureReasonAttribute: null,
  statusValues: { captured: [...DEFAULT_IVR_STATUS_VALUES.captured], inProgress: [...DEFAULT_IVR_STATUS_VALUES.inProgress], failed: ['failed', 'Timeout'] },
};
const CIPHERTEXT = `AYADeHhQ${'k9Zq3Rt7Vb2XyLmN4pQs8Ud'.repeat(6)}==`;
const PLAINTEXT_CARD = '4111 1111 1111 1111';

describe('classifySecureValue', () => {
  it('tells ciphertext, plaintext, nothing and nonsense apart', () => {
    const kind = (value: unknown) => classifySecureValue(value, masker);
    expect(kind(CIPHERTEXT)).toBe('ciphertext');
    expect(kind(` ${CIPHERTEXT} `)).toBe('ciphertext');
    for (const none of [undefined, null, '', '   ']) expect(kind(none)).toBe('none');
    for (const plain of [
      PLAINTEXT_CARD,
      '4111111111111111',
      '1234',
      '0312',
      '１２３４',
      `${CIPHERTEXT} 4111111111111111`,
      `${CIPHERTEXT} 12`,
      4111111111111111,
    ]) {
      expect(kind(plain)).toBe('plaintext');
    }
    for (const odd of ['null', 'undefined', 'N/A', '$.External.card', 'test', `${CIPHERTEXT} extra`, true, { value: 1 }]) expect(kind(odd)).toBe('odd');
  });
});

describe('deriveSecureCaptures: status for every combination of status word and value', () => {
  const words = {
    absent: undefined,
    empty: '',
    captured: 'Captured',
    in_progress: 'in_progress',
    failed: 'TIMEOUT',
    unknownWord: 'whatever',
    notAString: 7,
  } as const;
  const values = { absent: undefined, empty: '', ciphertext: CIPHERTEXT, plaintext: PLAINTEXT_CARD, odd: 'null' } as const;
  // [status, plaintextIncident]; rows: status words, columns: values.
  const expected: Record<keyof typeof words, Record<keyof typeof values, [string, boolean]>> = {
    absent: {
      absent: ['not_started', false],
      empty: ['not_started', false],
      ciphertext: ['unknown', false],
      plaintext: ['unknown', true],
      odd: ['unknown', false],
    },
    empty: {
      absent: ['not_started', false],
      empty: ['not_started', false],
      ciphertext: ['unknown', false],
      plaintext: ['unknown', true],
      odd: ['unknown', false],
    },
    captured: {
      absent: ['value_missing', false],
      empty: ['value_missing', false],
      ciphertext: ['captured', false],
      plaintext: ['captured', true],
      odd: ['value_missing', false],
    },
    in_progress: {
      absent: ['in_progress', false],
      empty: ['in_progress', false],
      ciphertext: ['in_progress', false],
      plaintext: ['in_progress', true],
      odd: ['in_progress', false],
    },
    failed: { absent: ['failed', false], empty: ['failed', false], ciphertext: ['failed', false], plaintext: ['failed', true], odd: ['failed', false] },
    unknownWord: {
      absent: ['unknown', false],
      empty: ['unknown', false],
      ciphertext: ['unknown', false],
      plaintext: ['unknown', true],
      odd: ['unknown', false],
    },
    notAString: {
      absent: ['unknown', false],
      empty: ['unknown', false],
      ciphertext: ['unknown', false],
      plaintext: ['unknown', true],
      odd: ['unknown', false],
    },
  };
  for (const [wordName, word] of Object.entries(words) as [keyof typeof words, unknown][]) {
    for (const [valueName, value] of Object.entries(values) as [keyof typeof values, unknown][]) {
      it(`status ${wordName}, value ${valueName}`, () => {
        const attributes: Record<string, unknown> = { card_capture_status: word };
        if (value !== undefined) attributes['card_number'] = value;
        if (word === undefined) delete attributes['card_capture_status'];
        const { captures, flowProblems } = deriveSecureCaptures([card], attributes, masker);
        if (word === undefined && value === undefined) {
          expect(captures).toEqual([]);
          return;
        }
        const [status, incident] = expected[wordName][valueName];
        expect([captures[0]?.status, captures[0]?.plaintextIncident]).toEqual([status, incident]);
        expect(flowProblems).toEqual(status === 'value_missing' ? ['Card number'] : []);
      });
    }
  }

  it('shows nothing for a contact whose flow never reached the step, but still keeps its attributes out', () => {
    const { captures, consumed } = deriveSecureCaptures(
      [{ ...card, attemptsAttribute: 'card_attempts', failureReasonAttribute: 'card_failure' }],
      { topic: 'refund' },
      masker,
    );
    expect(captures).toEqual([]);
    expect([...consumed]).toEqual(['card_number', 'card_capture_status', 'card_attempts', 'card_failure']);
  });
});

describe('deriveSecureCaptures: attempts, last change, failure reasons', () => {
  /** Feeds snapshots in order, as the adapter does, and returns the capture after each. */
  const run = (field: EffectiveSecureIvrField, snapshots: [number, Record<string, unknown>][]) => {
    let history: SecureCaptureHistory = {};
    return snapshots.map(([at, attributes]) => {
      const result = deriveSecureCaptures([field], attributes, masker, history, at);
      history = result.history;
      return result.captures[0];
    });
  };

  it('counts attempts from the status changes seen, and times the last change', () => {
    const seen = run(card, [
      [1_000, { card_capture_status: 'in_progress' }],
      [2_000, { card_capture_status: 'in_progress', note: 'same status again' }],
      [3_000, { card_capture_status: 'failed' }],
      [4_000, { card_capture_status: 'in_progress' }],
      [5_000, { card_capture_status: 'captured', card_number: CIPHERTEXT }],
      [6_000, { card_capture_status: 'captured', card_number: CIPHERTEXT }],
    ]);
    expect(seen.map((capture) => [capture?.status, capture?.attempts, capture?.lastChangedAt])).toEqual([
      ['in_progress', 1, 1_000],
      ['in_progress', 1, 1_000],
      ['failed', 1, 3_000],
      ['in_progress', 2, 4_000],
      ['captured', 2, 5_000],
      ['captured', 2, 5_000],
    ]);
    expect(seen.at(-1)?.history).toEqual([
      { status: 'in_progress', at: 1_000 },
      { status: 'failed', at: 3_000 },
      { status: 'in_progress', at: 4_000 },
      { status: 'captured', at: 5_000 },
    ]);
  });

  it('counts a result that no entering led up to as its own attempt (a transfer back into the secure flow)', () => {
    const seen = run(card, [
      [1, { card_capture_status: 'failed' }],
      [2, { card_capture_status: 'captured', card_number: CIPHERTEXT }],
      [3, { card_capture_status: 'captured' }],
    ]);
    expect(seen.map((capture) => [capture?.status, capture?.attempts])).toEqual([
      ['failed', 1],
      ['captured', 2],
      ['value_missing', 2],
    ]);
  });

  it('prefers the flow’s own attempts attribute, and ignores one that is not a small whole number', () => {
    const field = { ...card, attemptsAttribute: 'card_attempts' };
    const attempts = (value: unknown) => deriveSecureCaptures([field], { card_capture_status: 'failed', card_attempts: value }, masker).captures[0]?.attempts;
    expect(attempts('3')).toBe(3);
    expect(attempts(2)).toBe(2);
    expect(attempts(' 4 ')).toBe(4);
    expect(attempts('-1')).toBe(1);
    expect(attempts('three')).toBe(1);
    expect(attempts('99999')).toBe(1);
    expect(attempts(undefined)).toBe(1);
  });

  it('shows the failure reason masked, and none when the flow gives none', () => {
    const field = { ...card, failureReasonAttribute: 'card_failure' };
    const reason = (value: unknown) => deriveSecureCaptures([field], { card_capture_status: 'failed', card_failure: value }, masker).captures[0]?.failureReason;
    expect(reason('Card expired')).toBe('Card expired');
    expect(reason(`wrong card ${PLAINTEXT_CARD}`)).not.toContain('1111 1111');
    expect(reason('')).toBeNull();
    expect(reason(undefined)).toBeNull();
    expect(reason(42)).toBeNull();
  });

  it('keeps the history bounded', () => {
    const snapshots: [number, Record<string, unknown>][] = Array.from({ length: 60 }, (_, i) => [
      i,
      { card_capture_status: i % 2 === 0 ? 'in_progress' : 'failed' },
    ]);
    const last = run(card, snapshots).at(-1);
    expect(last?.history).toHaveLength(20);
    expect(last?.attempts).toBe(30);
  });
});

describe('buildContactView with secure fields', () => {
  it('keeps secure attributes out of the attribute list, so their values are never drawn', () => {
    const { view, plaintextIncidents } = buildContactView(
      {
        contactId: 'c',
        type: 'voice',
        state: 'connected',
        stateSince: 0,
        agentConnectionState: 'connected',
        queueName: null,
        callerNumber: null,
        attributes: { card_number: PLAINTEXT_CARD, card_capture_status: 'captured', orderId: 'ORD-1' },
      },
      { masker, secureFields: [card] },
      0,
    );
    expect(view.attributes.map((attribute) => attribute.name)).toEqual(['orderId']);
    expect(view.secureCaptures).toMatchObject([{ label: 'Card number', status: 'captured', plaintextIncident: true }]);
    expect(plaintextIncidents).toEqual(['Card number']);
    expect(JSON.stringify(view)).not.toContain('4111');
  });

  it('reports a capture with no value as a flow problem, and passes the history on', () => {
    const raw = {
      contactId: 'c',
      type: 'voice',
      state: 'connected',
      stateSince: 0,
      agentConnectionState: 'connected',
      queueName: null,
      callerNumber: null,
      attributes: { card_capture_status: 'in_progress' },
    };
    const first = buildContactView(raw, { masker, secureFields: [card] }, 10);
    const second = buildContactView({ ...raw, attributes: { card_capture_status: 'captured' } }, { masker, secureFields: [card] }, 20, first.captureHistory);
    expect(first.flowProblems).toEqual([]);
    expect(second.flowProblems).toEqual(['Card number']);
    expect(second.view.secureCaptures[0]).toMatchObject({ status: 'value_missing', attempts: 1, lastChangedAt: 20 });
  });
});
