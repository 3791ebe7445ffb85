import { describe, expect, it } from 'vitest';
import { buildContactView } from '../../../src/core/contact/buildContactView.ts';
import type { RawContact } from '../../../src/core/contact/RawContact.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { applyDefaults } from '../../../src/core/policy/applyDefaults.ts';
import type { EffectiveCardAttribute } from '../../../src/core/policy/EffectivePolicy.ts';
import { mergePolicies } from '../../../src/core/policy/mergePolicies.ts';
import { checkRegexSafety } from '../../../src/core/policy/recheckRegexSafety.ts';
import { validatePolicy } from '../../../src/core/policy/validatePolicy.ts';

const CCP = 'https://shield-demo.my.connect.aws/ccp-v2';
const engine = createMaskingEngine(undefined);

const raw: RawContact = {
  contactId: 'c-1',
  type: 'voice',
  state: 'connected',
  stateSince: 1_000,
  agentConnectionState: 'connected',
  queueName: 'Payments',
  callerNumber: null,
  attributes: { orderId: 'ORD-1', internal_route: 'R7', cardNumber: '4111 1111 1111 1111', internal_score: '0.93', tier: 'gold' },
};

function cardFrom(attributes: unknown): EffectiveCardAttribute[] {
  const result = validatePolicy({ instance: { ccpUrl: CCP }, card: { attributes } }, { regexSafety: checkRegexSafety });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return applyDefaults(result.policy).card.attributes;
}

const layout = cardFrom([
  { match: 'cardNumber', label: { en: 'Card number', ja: 'カード番号' } },
  { match: 'internal_*', hidden: true },
  { match: 'orderId', label: { en: 'Order' } },
]);

function rows(locale: string) {
  const { view } = buildContactView(raw, { masker: engine, secureFields: [], card: { attributes: layout, locale } }, 5_000);
  return view.attributes.map((attribute) => [attribute.label ?? attribute.name, attribute.display]);
}

describe('attribute display configured by IT (policy card.attributes)', () => {
  it('shows configured attributes first in the list order with their English labels, hides the hidden ones, then the rest as before', () => {
    expect(rows('en-US')).toEqual([
      ['Card number', '•••• 1111'],
      ['Order', 'ORD-1'],
      ['tier', 'gold'],
    ]);
  });

  it('uses the Japanese label in a Japanese browser, and English where Japanese has none', () => {
    expect(rows('ja-JP')).toEqual([
      ['カード番号', '•••• 1111'],
      ['Order', 'ORD-1'],
      ['tier', 'gold'],
    ]);
  });

  it('a hidden attribute leaves nothing of its value in the view, and the name under a label is still the raw name for reveals', () => {
    const { view } = buildContactView(raw, { masker: engine, secureFields: [], card: { attributes: layout, locale: 'en' } }, 5_000);
    const rendered = JSON.stringify(view);
    expect(rendered).not.toContain('R7');
    expect(rendered).not.toContain('0.93');
    expect(view.attributes[0]?.name).toBe('cardNumber');
  });

  it('a label never unmasks: an attribute labelled and listed first is masked as without the layout', () => {
    const labelled = cardFrom([{ match: 'cardNumber', label: { en: 'Reference (safe to read)' } }]);
    const { view } = buildContactView(raw, { masker: engine, secureFields: [], card: { attributes: labelled, locale: 'en' } }, 5_000);
    expect(view.attributes[0]).toMatchObject({ label: 'Reference (safe to read)', display: '•••• 1111', masked: true });
  });

  it('without a layout the card is what it was: every attribute, in Connect order, by name', () => {
    const { view } = buildContactView(raw, { masker: engine, secureFields: [] }, 5_000);
    expect(view.attributes.map((attribute) => attribute.label ?? attribute.name)).toEqual([
      'orderId',
      'internal_route',
      'cardNumber',
      'internal_score',
      'tier',
    ]);
  });

  it('the first matching entry decides (a glob after an exact name does not hide it)', () => {
    const firstWins = cardFrom([
      { match: 'internal_route', label: { en: 'Route' } },
      { match: 'internal_*', hidden: true },
    ]);
    const { view } = buildContactView(raw, { masker: engine, secureFields: [], card: { attributes: firstWins, locale: 'en' } }, 5_000);
    expect(view.attributes.map((attribute) => attribute.label ?? attribute.name)).toEqual(['Route', 'orderId', 'cardNumber', 'tier']);
  });

  it('a misspelt language or key is refused with a suggestion', () => {
    const result = validatePolicy(
      {
        instance: { ccpUrl: CCP },
        card: {
          attributes: [
            { match: 'x', lable: { en: 'X' } },
            { match: 'y', label: { jp: 'Y' } },
          ],
        },
      },
      { regexSafety: checkRegexSafety },
    );
    expect(result.ok ? [] : result.errors.map((error) => `${error.pointer}: ${error.message}`)).toEqual([
      '/card/attributes/0/lable: Unknown key "lable" (did you mean "label"?)',
      '/card/attributes/1/label/jp: Unknown key "jp" (did you mean "ja"?)',
    ]);
  });

  it('on a managed browser the card layout is the organization’s alone: a local one is ignored', () => {
    const local = { card: { attributes: [{ match: 'cardNumber', label: { en: 'Safe to read out' } }] } };
    const result = mergePolicies({ instance: { ccpUrl: CCP } }, local, { regexSafety: checkRegexSafety });
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(result.policy.card.attributes).toEqual([]);
    expect(result.ignoredLocal.map((ignored) => ignored.pointer)).toContain('/card');
    // In evaluation mode (hand-installed, no managed policy) it applies.
    const evaluation = mergePolicies(undefined, { instance: { ccpUrl: CCP }, ...local }, { regexSafety: checkRegexSafety });
    expect(evaluation.status === 'ok' ? evaluation.policy.card.attributes.map((entry) => entry.label.en) : []).toEqual(['Safe to read out']);
  });
});
