import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditEvent } from '../../../src/core/audit/AuditEvent.ts';
import type { PolicyState } from '../../../src/core/config/PolicyState.ts';
import { STORAGE_KEYS } from '../../../src/core/storage/storageKeys.ts';
import type * as ValidatePolicyModule from '../../../src/core/policy/validatePolicy.ts';
import { installFakeChrome, type FakeChrome } from './fakeChrome.ts';

// The polyfill's `browser` is the same fake: the services see one platform, whichever API they use.
vi.mock('webextension-polyfill', () => ({
  default: new Proxy({}, { get: (_target, key): unknown => (globalThis as unknown as { chrome: Record<string | symbol, unknown> }).chrome[key] }),
}));

// Counted, to see when a woken worker skips the validators.
const validations = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../src/core/policy/validatePolicy.ts', async (original) => {
  const actual = await original<typeof ValidatePolicyModule>();
  return {
    ...actual,
    validatePolicy: (...args: Parameters<typeof actual.validatePolicy>) => (validations.count++, actual.validatePolicy(...args)),
    validatePolicyFragment: (...args: Parameters<typeof actual.validatePolicyFragment>) => (validations.count++, actual.validatePolicyFragment(...args)),
  };
});

const { startPolicyService } = await import('../../../src/background/policyService.ts');
const { readStartupLocal } = await import('../../../src/background/startupStorage.ts');

const GOOD = { instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2', region: 'us-west-2' } };
const BAD = { instance: { ccpUrl: 'https://evil.example/ccp-v2' } };

let chrome: FakeChrome;
beforeEach(() => {
  chrome = installFakeChrome();
});

function start(after: Promise<Record<string, unknown> | null> = Promise.resolve(null)) {
  const order: string[] = [];
  const audits: AuditEvent[] = [];
  const service = startPolicyService({
    state: (state: PolicyState) => {
      // What pages could read when the rules for this state are being installed.
      order.push(
        `rules:${state.status} (pages saw ${String((chrome.storage.session.data.get(STORAGE_KEYS.session.policyState) as PolicyState | undefined)?.status)})`,
      );
      return Promise.resolve();
    },
    audit: (event) => audits.push(event),
    after,
  });
  return { service, order, audits };
}

const published = () => chrome.storage.session.data.get(STORAGE_KEYS.session.policyState) as PolicyState | undefined;

describe('the policy service', () => {
  it('waits for the storage migration, then installs the rules before pages see the verdict', async () => {
    await chrome.storage.local.set({ [STORAGE_KEYS.local.localPolicy]: GOOD });
    let migrated = (): void => undefined;
    const { service, order } = start(new Promise<Record<string, unknown> | null>((resolve) => (migrated = () => resolve(null))));
    await Promise.resolve();
    expect(order).toEqual([]);
    migrated();
    const state = await service.ready;
    expect(state.status).toBe('ok');
    expect(order).toEqual(['rules:ok (pages saw undefined)']);
    expect(published()?.status).toBe('ok');
    // A hand-installed extension with only local settings runs in evaluation mode.
    expect(service.mode()).toBe('evaluation');
  });

  it('fails closed without a policy, and applies a new local policy live', async () => {
    const { service } = start();
    expect((await service.ready).status).toBe('missing');
    expect(published()?.status).toBe('missing');
    await chrome.storage.local.set({ [STORAGE_KEYS.local.localPolicy]: GOOD });
    expect((await service.current()).status).toBe('ok');
    expect(published()?.status).toBe('ok');
  });

  it('audits an invalid policy once, also across a worker restart, and again after it was fixed and broken again', async () => {
    await chrome.storage.local.set({ [STORAGE_KEYS.local.localPolicy]: BAD });
    const first = start();
    expect((await first.service.ready).status).toBe('invalid-local');
    await first.service.refresh();
    expect(first.audits.map((event) => [event.type, event.details])).toEqual([['policy.invalid', { source: 'local', pointers: ['/instance/ccpUrl'] }]]);

    chrome.restartWorker();
    const woken = start();
    await woken.service.ready;
    expect(woken.audits).toEqual([]);

    await chrome.storage.local.set({ [STORAGE_KEYS.local.localPolicy]: GOOD });
    await woken.service.current();
    await chrome.storage.local.set({ [STORAGE_KEYS.local.localPolicy]: BAD });
    await woken.service.current();
    expect(woken.audits.map((event) => event.type)).toEqual(['policy.invalid']);
    expect(JSON.stringify(woken.audits)).not.toContain('evil.example');
  });

  it('publishes the verdict even when the rules could not be installed', async () => {
    await chrome.storage.local.set({ [STORAGE_KEYS.local.localPolicy]: GOOD });
    const service = startPolicyService({ state: () => Promise.reject(new Error('refused')), audit: () => undefined, after: Promise.resolve(null) });
    expect((await service.ready).status).toBe('ok');
    expect(published()?.status).toBe('ok');
  });

  it('treats a policy-installed extension as the organization’s, whatever local settings say', async () => {
    chrome.installType = 'admin';
    await chrome.storage.local.set({ [STORAGE_KEYS.local.localPolicy]: GOOD });
    const { service } = start();
    const state = await service.ready;
    expect(service.mode()).toBe('organization');
    expect(state.status).not.toBe('ok');
  });

  it('a woken worker whose verdict pages already hold leaves it unwritten; a different verdict is published', async () => {
    await chrome.storage.local.set({ [STORAGE_KEYS.local.localPolicy]: GOOD });
    await start(readStartupLocal()).service.ready;
    const first = published();
    expect(first?.status).toBe('ok');
    // Chrome's storage hands objects back with their keys sorted.
    const sorted = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(sorted)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(
              Object.entries(value)
                .sort(([a], [b]) => (a < b ? -1 : 1))
                .map(([key, item]) => [key, sorted(item)]),
            )
          : value;
    chrome.storage.session.data.set(STORAGE_KEYS.session.policyState, sorted(first));
    expect(JSON.stringify(published())).not.toBe(JSON.stringify(first));
    const pageChanges: unknown[] = [];
    chrome.restartWorker();
    chrome.storage.onChanged.addListener((changes, area) => {
      if (area === 'session' && STORAGE_KEYS.session.policyState in changes) pageChanges.push(changes);
    });
    const woken = await start(readStartupLocal()).service.ready;
    expect(woken.status).toBe('ok');
    expect(pageChanges).toEqual([]);
    expect(published()).toEqual(sorted(first));

    // Changed while the worker was stopped: the woken worker publishes the new verdict before it is ready.
    chrome.restartWorker();
    await chrome.storage.local.set({ [STORAGE_KEYS.local.localPolicy]: { ...GOOD, approvedOrigins: ['https://crm.example.com'] } });
    chrome.restartWorker();
    await start(readStartupLocal()).service.ready;
    expect(JSON.stringify(published())).toContain('https://crm.example.com');
  });

  it('skips the validators at a wake for the exact input that passed them, and validates any other input', async () => {
    const denied = '+81312345678';
    await chrome.storage.local.set({ [STORAGE_KEYS.local.localPolicy]: { ...GOOD, risk: { denyList: [denied] } } });
    const wake = async () => {
      chrome.restartWorker();
      validations.count = 0;
      return start(readStartupLocal()).service.ready;
    };
    const first = await wake();
    expect(first.status).toBe('ok');
    expect(validations.count).toBeGreaterThan(0);
    // What is kept is a hash of the whole input, never a value of it.
    const kept = chrome.storage.session.data.get(STORAGE_KEYS.session.validatedPolicyInput);
    expect(kept).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify([...chrome.storage.session.data])).not.toContain('312345678');

    const second = await wake();
    expect(validations.count).toBe(0);
    expect(second.status === 'ok' && first.status === 'ok' ? second.policy : null).toEqual(first.status === 'ok' ? first.policy : undefined);

    // A changed input is validated again, and refused when invalid, whatever is kept.
    await chrome.storage.local.set({ [STORAGE_KEYS.local.localPolicy]: BAD });
    const third = await wake();
    expect(validations.count).toBeGreaterThan(0);
    expect(third.status).toBe('invalid-local');
    expect(chrome.storage.session.data.get(STORAGE_KEYS.session.validatedPolicyInput)).toBe(kept);
  });
});
