import { describe, expect, it } from 'vitest';
import { applyDefaults } from '../../../src/core/policy/applyDefaults.ts';
import { describeSetting } from '../../../src/core/policy/describeSetting.ts';

describe('describeSetting', () => {
  const policy = applyDefaults({
    instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2' },
    approvedOrigins: ['https://crm.example.com', 'https://*.kb.example.com'],
    risk: { denyList: ['+81312345678', '+15555550100'] },
  });

  it('summarises lists and scalars for the options page', () => {
    expect(describeSetting(policy, '/approvedOrigins')).toEqual({ text: 'https://crm.example.com, https://*.kb.example.com' });
    expect(describeSetting(policy, '/masking/detectors/pan')).toEqual({ text: 'true' });
    expect(describeSetting(policy, '/risk/repeatContact')).toEqual({ text: '—' });
  });

  it('never shows the caller numbers of the deny list, only how many there are', () => {
    const summary = describeSetting(policy, '/risk/denyList');
    expect(summary).toEqual({ count: 2 });
    expect(JSON.stringify(summary)).not.toContain('+81');
  });
});
