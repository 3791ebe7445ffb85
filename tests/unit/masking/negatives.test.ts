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
