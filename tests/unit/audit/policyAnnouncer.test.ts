import { describe, expect, it } from 'vitest';
import { createPolicyAnnouncer, type LocalArea } from '../../../src/background/audit/policyAnnouncer.ts';
import type { AuditEvent } from '../../../src/core/audit/AuditEvent.ts';
import type { PolicyState } from '../../../src/core/config/PolicyState.ts';
import type { DeploymentMode } from '../../../src/core/policy/mergePolicies.ts';
import { mergePolicies } from '../../../src/core/policy/mergePolicies.ts';
import { STORAGE_KEYS } from '../../../src/core/storage/storageKeys.ts';
import { memoryStorageArea } from '../support/memoryStorageArea.ts';

const API_KEY = 'sk-announce-canary-7730';
const BASE = {
  instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2', region: 'us-west-2' },
  approvedOrigins: ['https://otel.example.com'],
  audit: { endpoint: 'https://otel.example.com/v1/logs', headers: [{ name: 'X-Api-Key', value: API_KEY }] },
};

function verdict(managed: unknown, mode: DeploymentMode = 'organization'): PolicyState {
  return { ...mergePolicies(managed, undefined, { regexSafety: () => ({ safe: true }) }), checkedAt: new Date(0).toISOString(), mode };
}

/** A worker start: a fresh announcer (nothing in memory) over the same storage. */
function wake(local: LocalArea, recorded: AuditEvent[]) {
  return createPolicyAnnouncer(
    local,
    (event) => void recorded.push(event),
    () => Date.UTC(2026, 11, 2),
  );
}

const summary = (events: AuditEvent[]) => events.map((event) => [event.type, event.details]);

describe('policy.loaded and policy.changed: announced once per real change', () => {
  it('announces the first valid policy as loaded, and nothing when a woken worker sees it again', async () => {
    const local = memoryStorageArea();
    const recorded: AuditEvent[] = [];
    await wake(local, recorded).announce(verdict(BASE));
    expect(summary(recorded)).toEqual([['policy.loaded', { source: 'organization' }]]);
    expect(recorded[0]?.at).toBe('2026-12-02T00:00:00.000Z');
    // Three wakes (and a browser restart: local storage survives it) with the same policy.
    for (let n = 0; n < 3; n += 1) await wake(local, recorded).announce(verdict(BASE));
    expect(recorded).toHaveLength(1);
  });

  it('announces a change with the top-level sections that changed, sorted', async () => {
    const local = memoryStorageArea();
    const recorded: AuditEvent[] = [];
    const worker = wake(local, recorded);
    await worker.announce(verdict(BASE));
    await worker.announce(verdict({ ...BASE, roles: { revealSeconds: 45 }, approvedOrigins: [...BASE.approvedOrigins, 'https://crm.example.com'] }));
    await wake(local, recorded).announce(
      verdict({ ...BASE, roles: { revealSeconds: 45 }, approvedOrigins: [...BASE.approvedOrigins, 'https://crm.example.com'] }),
    );
    await wake(local, recorded).announce(verdict(BASE));
    expect(summary(recorded)).toEqual([
      ['policy.loaded', { source: 'organization' }],
      ['policy.changed', { source: 'organization', sections: ['approvedOrigins', 'roles'] }],
      ['policy.changed', { source: 'organization', sections: ['approvedOrigins', 'roles'] }],
    ]);
  });

  it('counts a rotated collector key as an audit change, but stores only digests, never a setting', async () => {
    const local = memoryStorageArea();
    const recorded: AuditEvent[] = [];
    const worker = wake(local, recorded);
    await worker.announce(verdict(BASE));
    await worker.announce(verdict({ ...BASE, audit: { ...BASE.audit, headers: [{ name: 'X-Api-Key', value: `${API_KEY}-next` }] } }));
    expect(summary(recorded).at(-1)).toEqual(['policy.changed', { source: 'organization', sections: ['audit'] }]);
    const stored = JSON.stringify(local.items);
    for (const setting of [API_KEY, 'otel.example.com', 'shield-demo']) expect(stored).not.toContain(setting);
    expect(Object.keys(local.items)).toEqual([STORAGE_KEYS.local.announcedPolicy]);
  });

  it('records nothing for a refused policy (policy.invalid covers it) and announces the next valid one as loaded', async () => {
    const local = memoryStorageArea();
    const recorded: AuditEvent[] = [];
    const worker = wake(local, recorded);
    await worker.announce(verdict(BASE));
    await worker.announce(verdict({ instance: { ccpUrl: 'http://insecure.example.com/ccp-v2' } }));
    expect(local.items).toEqual({});
    await worker.announce(verdict(BASE));
    expect(summary(recorded)).toEqual([
      ['policy.loaded', { source: 'organization' }],
      ['policy.loaded', { source: 'organization' }],
    ]);
  });

  it('says evaluation for a hand-installed browser, and handles verdicts in order', async () => {
    const local = memoryStorageArea();
    const recorded: AuditEvent[] = [];
    const worker = wake(local, recorded);
    // Not awaited in between: the worker's state listener fires and forgets.
    void worker.announce(verdict(BASE, 'evaluation'));
    void worker.announce(verdict({ ...BASE, dialing: { defaultCountry: 'JP' } }, 'evaluation'));
    await worker.announce(verdict({ ...BASE, dialing: { defaultCountry: 'JP' } }, 'evaluation'));
    expect(summary(recorded)).toEqual([
      ['policy.loaded', { source: 'evaluation' }],
      ['policy.changed', { source: 'evaluation', sections: ['dialing'] }],
    ]);
  });

  it('announces again at the next wake when the worker stopped before it stored the announcement (at least once)', async () => {
    const local = memoryStorageArea();
    const recorded: AuditEvent[] = [];
    const failing: LocalArea = { ...local, set: () => Promise.reject(new Error('worker stopped')) };
    await wake(failing, recorded)
      .announce(verdict(BASE))
      .catch(() => undefined);
    await wake(local, recorded).announce(verdict(BASE));
    expect(summary(recorded)).toEqual([
      ['policy.loaded', { source: 'organization' }],
      ['policy.loaded', { source: 'organization' }],
    ]);
  });
});
