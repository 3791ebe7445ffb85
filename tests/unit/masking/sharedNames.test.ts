import { describe, expect, it } from 'vitest';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { mayBeShared } from '../../../src/core/masking/createNameClassifier.ts';

/**
 * A name's words and built-in hint are shared by every engine (createNameClassifier.ts); what a
 * policy's rules say stays each engine's own, whichever engine met the name first.
 */
describe('names shared between engines', () => {
  const attributes = { cardNumber: '4111 1111 1111 1111', memberCode: 'M-12', notes: 'call me' };

  it('gives each engine its own policy decisions, in any order of creation', () => {
    const plain = createMaskingEngine(undefined);
    const ruled = createMaskingEngine({
      attributeRules: [
        { match: 'cardNumber', kind: 'public' },
        { match: 'member*', kind: 'secret' },
      ],
    });
    const again = createMaskingEngine(undefined);
    for (let round = 0; round < 2; round++) {
      expect(plain.explain(attributes).explanations.map((e) => e.decidedBy)).toEqual(['builtInName', 'detectors', 'detectors']);
      expect(ruled.explain(attributes).explanations.map((e) => e.decidedBy)).toEqual(['detectors', 'policyRule', 'detectors']);
      expect(again.explain(attributes).explanations.map((e) => e.decidedBy)).toEqual(['builtInName', 'detectors', 'detectors']);
    }
    // A public rule turns the name hint off, but the detectors still hide the card.
    expect(ruled.maskAttributes(attributes).attributes.map((a) => a.display)).toEqual(['•••• 1111', '••••••••', 'call me']);
  });

  it('decides a name that holds a value the same way every time (such names are not kept across engines)', () => {
    const name = 'card 4111111111111111';
    const first = createMaskingEngine(undefined).explain({ [name]: 'x' }).explanations[0];
    const second = createMaskingEngine(undefined).explain({ [name]: 'x' }).explanations[0];
    expect(second?.decidedBy).toBe(first?.decidedBy);
    expect(second?.view.display).toBe(first?.view.display);
  });

  it('keeps no name across engines that could hold a number or an address, in any script', () => {
    for (const name of ['cardNumber', 'policy_no_2024', 'お客様番号', 'individualNumber']) expect(mayBeShared(name), name).toBe(true);
    for (const name of [
      'caller 09012345678',
      'caller ０９０１２３４５６７８',
      'caller ٠٩٠١٢٣٤٥٦٧٨',
      'caller ۰۹۰۱۲۳۴۵۶۷۸',
      'caller ०९०१२३४५६७८',
      'mail hanako@example.jp',
      'mail hanako＠example.jp',
      'x'.repeat(129),
    ])
      expect(mayBeShared(name), name).toBe(false);
  });
});
