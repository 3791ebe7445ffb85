import { describe, expect, it } from 'vitest';
import { buildDnrRules } from '../../../src/core/origins/buildDnrRules.ts';
import { sameDnrRules } from '../../../src/core/origins/sameDnrRules.ts';

const EXTENSION_ID = 'ojodoldnmcabjmcojfoebnmebmadjfdm';
const rules = (approvedOrigins: string[], auditEndpoint?: string) =>
  buildDnrRules({
    extensionId: EXTENSION_ID,
    instanceOrigins: ['https://shield-demo.my.connect.aws'],
    region: 'ap-northeast-1',
    approvedOrigins,
    compatibilityMode: false,
    ...(auditEndpoint ? { auditEndpoint } : {}),
  });

/** What `getDynamicRules()` hands back: plain JSON, keys in Chrome's own order. */
function asChromeReturnsThem(installed: unknown[]): unknown[] {
  const reorder = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(reorder);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, item]) => [key, reorder(item)]),
    );
  };
  return [...installed].reverse().map(reorder);
}

describe("sameDnrRules: is a woken worker's rule set already installed", () => {
  it('is the same set when Chrome returns the installed rules in another key and rule order', () => {
    const wanted = rules(['https://crm.example.com']);
    expect(sameDnrRules(asChromeReturnsThem(JSON.parse(JSON.stringify(wanted)) as unknown[]), wanted)).toBe(true);
  });

  it('is another set when an approved origin was added, removed or changed, or the audit endpoint moved', () => {
    const installed = asChromeReturnsThem(rules(['https://crm.example.com']));
    expect(sameDnrRules(installed, rules(['https://crm.example.com', 'https://second.example.com']))).toBe(false);
    expect(sameDnrRules(installed, rules([]))).toBe(false);
    expect(sameDnrRules(installed, rules(['https://crn.example.com']))).toBe(false);
    expect(sameDnrRules(installed, rules(['https://crm.example.com'], 'https://siem.example/v1/logs'))).toBe(false);
  });

  it('is another set when one rule differs in a single field, its priority or its resource types', () => {
    const wanted = rules(['https://crm.example.com']);
    const lowered = wanted.map((rule, index) => (index === 1 ? { ...rule, priority: rule.priority - 1 } : rule));
    expect(sameDnrRules(lowered, wanted)).toBe(false);
    const fewerTypes = wanted.map((rule) => ({ ...rule, condition: { ...rule.condition, resourceTypes: rule.condition.resourceTypes?.slice(1) } }));
    expect(sameDnrRules(fewerTypes, wanted)).toBe(false);
  });

  it('is another set when nothing is installed, or a rule of the same id is there twice', () => {
    const wanted = rules([]);
    expect(sameDnrRules([], wanted)).toBe(false);
    const [first] = wanted;
    expect(sameDnrRules([first, first], [...wanted, ...wanted].slice(0, 2))).toBe(false);
  });
});
