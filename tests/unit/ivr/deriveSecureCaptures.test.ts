import { describe, expect, it } from 'vitest';
import { buildContactView } from '../../../src/core/contact/buildContactView.ts';
import { deriveSecureCaptures } from '../../../src/core/ivr/deriveSecureCaptures.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import type { EffectiveSecureIvrField } from '../../../src/core/policy/EffectivePolicy.ts';
import { DEFAULT_IVR_STATUS_VALUES } from '../../../src/core/policy/policyDefaults.ts';

const masker = createMaskingEngine(undefined);
const card: EffectiveSecureIvrField = {
  label: 'Card number',
  valueAttribute: 'card_number',
  statusAttribute: 'card_capture_status',
  statusValues: { captured: [...DEFAULT_IVR_STATUS_VALUES.captured], inProgress: [...DEFAULT_IVR_STATUS_VALUES.inProgress], failed: ['failed', 'Timeout'] },
};
const CIPHERTEXT = `AYADeHhQ${'k9Zq3Rt7Vb2XyLmN4pQs8Ud'.repeat(6)}==`;

describe('deriveSecureCaptures', () => {
  it('reads the status from the status attribute, case-insensitively', () => {
    const status = (value: unknown) => deriveSecureCaptures([card], { card_number: CIPHERTEXT, card_capture_status: value }, masker).captures[0]?.status;
    expect(status('captured')).toBe('captured');
    expect(status('In_Progress')).toBe('in_progress');
    expect(status('timeout')).toBe('failed');
    expect(status('whatever')).toBe('unknown');
    expect(status(undefined)).toBe('unknown');
    expect(deriveSecureCaptures([card], { card_capture_status: '' }, masker).captures[0]?.status).toBe('not_started');
  });

  it('shows nothing for a contact whose flow never reached the step, but still keeps its attributes out', () => {
    const { captures, consumed } = deriveSecureCaptures([card], { topic: 'refund' }, masker);
    expect(captures).toEqual([]);
    expect([...consumed]).toEqual(['card_number', 'card_capture_status']);
  });

  it('treats ciphertext as expected and anything else in the secure field as a plaintext incident', () => {
    const incident = (value: string) => deriveSecureCaptures([card], { card_number: value, card_capture_status: 'captured' }, masker).captures[0]?.plaintextIncident;
    expect(incident(CIPHERTEXT)).toBe(false);
    expect(incident('4111 1111 1111 1111')).toBe(true);
    expect(incident('test')).toBe(true);
    expect(incident(`${CIPHERTEXT} 4111111111111111`)).toBe(true);
  });

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
        attributes: { card_number: '4111 1111 1111 1111', card_capture_status: 'captured', orderId: 'ORD-1' },
      },
      { masker, secureFields: [card] },
      0,
    );
    expect(view.attributes.map((attribute) => attribute.name)).toEqual(['orderId']);
    expect(view.secureCaptures).toEqual([{ label: 'Card number', status: 'captured', plaintextIncident: true }]);
    expect(plaintextIncidents).toEqual(['Card number']);
    expect(JSON.stringify(view)).not.toContain('4111');
  });
});
