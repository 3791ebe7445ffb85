import { describe, expect, it } from 'vitest';
import { checkRawValues, reportPartsToCheck } from '../../../src/cli/preview/rawValueCheck.ts';
import type { PreviewReport } from '../../../src/cli/preview/PreviewReport.ts';
import { STORAGE_KEYS } from '../../../src/core/storage/storageKeys.ts';
import type { Scenario } from '../../../src/cli/preview/Scenario.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';

const engine = createMaskingEngine(undefined, { defaultCountry: 'US' });
const scenario: Scenario = {
  agent: { username: 'a', name: 'A' },
  steps: [
    { type: 'contact', id: 'c', channel: 'chat', customerName: 'Hanako', attributes: { card: '4111 1111 1111 1111', orderId: 'ORD-7' } },
    { type: 'chat', contact: 'c', text: 'my SSN is 123-45-6789' },
  ],
};

describe('the preview searches its report for the values the scenario planted', () => {
  it('finds a planted card in any spelling and an SSN, says where and of what kind, never the value', () => {
    const check = checkRawValues(scenario, engine, {
      network: [{ url: 'https://crm.example.com/4111111111111111' }],
      'storage.pages': { localStorage: { note: 'ssn 123-45-6789' } },
      desk: [{ text: 'card •••• 1111, order ORD-7' }],
    });
    expect(check.values).toBeGreaterThan(2);
    expect(check.leaks).toEqual([
      { where: 'network', kind: 'pan' },
      { where: 'storage.pages', kind: 'ssn' },
    ]);
    expect(JSON.stringify(check)).not.toContain('4111');
  });

  it("leaves out IT's own policy document in local settings, and still finds a value stored beside it", () => {
    const local: Record<string, unknown> = {
      [STORAGE_KEYS.local.localPolicy]: { risk: { denyList: ['4111 1111 1111 1111'] } },
      other: { note: '4111111111111111' },
    };
    const report = {
      desk: { pages: [] },
      steps: [],
      storage: { local, session: {}, sync: {}, pages: [] },
      network: [],
      auditEvents: [],
      console: [],
      dialogs: [],
      cspViolations: [],
    };
    const parts = reportPartsToCheck(report as unknown as PreviewReport);
    expect(checkRawValues(scenario, engine, parts).leaks).toEqual([{ where: 'storage.local', kind: 'pan' }]);
    delete local.other;
    expect(checkRawValues(scenario, engine, reportPartsToCheck(report as unknown as PreviewReport)).leaks).toEqual([]);
  });
});
