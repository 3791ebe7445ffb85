import { describe, expect, it } from 'vitest';
import { startCallerRiskService } from '../../../src/background/risk/callerRiskService.ts';
import type { AuditEvent } from '../../../src/core/audit/AuditEvent.ts';
import type { PolicyState } from '../../../src/core/config/PolicyState.ts';
import { phoneMetadata } from '../../../src/core/phone/phoneLibrary.ts';
import { mergePolicies } from '../../../src/core/policy/mergePolicies.ts';
import { memoryStorageArea } from '../support/memoryStorageArea.ts';

const MINUTE = 60_000;

function policyState(risk: Record<string, unknown>): PolicyState {
  const merged = mergePolicies({ instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2', region: 'ap-northeast-1' }, risk }, undefined, {
    regexSafety: () => ({ safe: true }),
  });
  return { ...merged, checkedAt: new Date(0).toISOString(), mode: 'organization' };
}

type ServiceDeps = Parameters<typeof startCallerRiskService>[0];

/** A service over a fresh session area, no audit sink, no locale, the package's metadata and a clock at 0, unless told otherwise. */
function startService(deps: Partial<ServiceDeps> = {}) {
  return startCallerRiskService({
    session: memoryStorageArea(),
    audit: () => undefined,
    locale: null,
    phoneMetadata: () => Promise.resolve(phoneMetadata()),
    now: () => 0,
    ...deps,
  });
}

describe('the worker’s caller-risk service', () => {
  const DENIED = '+819012345678';

  it('matches the deny list in any spelling (region Tokyo: national numbers are Japanese), audits once per contact', async () => {
    const audit: AuditEvent[] = [];
    const service = startService({ audit: (event) => audit.push(event), locale: 'en-US' });
    service.setPolicy(policyState({ denyList: [DENIED] }));
    expect(await service.assess({ contactId: 'a', channel: 'voice', customer: '090-1234-5678' })).toMatchObject({ check: 'checked', denyListed: true });
    expect(await service.assess({ contactId: 'a', channel: 'voice', customer: '090-1234-5678' })).toMatchObject({ denyListed: true });
    expect(await service.assess({ contactId: 'b', channel: 'voice', customer: '+81 90 1234 5679' })).toMatchObject({ denyListed: false });
    expect(await service.assess({ contactId: 'c', channel: 'voice', customer: 'anonymous' })).toEqual({ check: 'withheld', denyListed: false, repeat: null });
    expect(audit.map((event) => [event.type, event.details])).toEqual([['caller.denyListed', { contactId: 'a', channel: 'voice' }]]);
  });

  it('applies a changed deny list to the next contact', async () => {
    const service = startService();
    service.setPolicy(policyState({ denyList: [] }));
    expect((await service.assess({ contactId: 'a', channel: 'voice', customer: DENIED })).denyListed).toBe(false);
    service.setPolicy(policyState({ denyList: [DENIED] }));
    expect((await service.assess({ contactId: 'b', channel: 'voice', customer: DENIED })).denyListed).toBe(true);
    service.setPolicy(policyState({ denyList: [] }));
    expect((await service.assess({ contactId: 'c', channel: 'voice', customer: DENIED })).denyListed).toBe(false);
  });

  it('keeps counts across a worker restart (same session), never storing the number', async () => {
    const session = memoryStorageArea();
    let clock = Date.UTC(2026, 11, 1);
    const start = () => {
      const service = startService({ session, now: () => clock });
      service.setPolicy(policyState({ repeatContact: { count: 2, windowMinutes: 60 } }));
      return service;
    };
    let service = start();
    expect((await service.assess({ contactId: 'c1', channel: 'voice', customer: '03-1234-5678' })).repeat).toBeNull();
    clock += MINUTE;
    expect((await service.assess({ contactId: 'c2', channel: 'voice', customer: '+81 3 1234 5678' })).repeat).toBeNull();
    service = start();
    clock += MINUTE;
    expect((await service.assess({ contactId: 'c3', channel: 'voice', customer: '+81312345678' })).repeat).toEqual({ ordinal: 3, windowMinutes: 60 });
    const stored = JSON.stringify(session.items);
    for (const spelling of ['81312345678', '0312345678', '1234-5678', '1234 5678']) expect(stored).not.toContain(spelling);
    // A new browser session has a new key and an empty ledger: counting starts again.
    service = startService({ now: () => clock });
    service.setPolicy(policyState({ repeatContact: { count: 2, windowMinutes: 60 } }));
    expect((await service.assess({ contactId: 'c4', channel: 'voice', customer: '+81312345678' })).repeat).toBeNull();
  });

  it('counts contacts arriving together without losing one', async () => {
    const service = startService();
    service.setPolicy(policyState({ repeatContact: { count: 2, windowMinutes: 60 } }));
    const verdicts = await Promise.all(['a', 'b', 'c', 'd'].map((contactId) => service.assess({ contactId, channel: 'voice', customer: DENIED })));
    expect(verdicts.map((risk) => risk.repeat?.ordinal ?? null)).toEqual([null, null, 3, 4]);
  });

  it('waits for the policy before answering: a contact right after a restart is not waved through', async () => {
    const service = startService();
    const pending = service.assess({ contactId: 'a', channel: 'voice', customer: DENIED });
    service.setPolicy(policyState({ denyList: [DENIED] }));
    expect((await pending).denyListed).toBe(true);
  });

  it('fails the assessment when the phone metadata does not load (the rules are built again once), and loads it again for the next contact', async () => {
    let failures = 2;
    const load = () => (failures-- > 0 ? Promise.reject(new Error('not loaded')) : Promise.resolve(phoneMetadata()));
    const service = startService({ phoneMetadata: load });
    service.setPolicy(policyState({ denyList: [DENIED] }));
    await expect(service.assess({ contactId: 'a', channel: 'voice', customer: DENIED })).rejects.toThrow('not loaded');
    expect((await service.assess({ contactId: 'b', channel: 'voice', customer: DENIED })).denyListed).toBe(true);
  });
});
