import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditEvent } from '../../../src/core/audit/AuditEvent.ts';
import type { PolicyState } from '../../../src/core/config/PolicyState.ts';
import { DNR_RULE_IDS } from '../../../src/core/origins/buildDnrRules.ts';
import { applyDefaults } from '../../../src/core/policy/applyDefaults.ts';
import { STORAGE_KEYS, STORAGE_VERSION, VERSION_0_KEYS, VERSION_0_SESSION_KEYS, VERSION_1_KEYS } from '../../../src/core/storage/storageKeys.ts';
import { FAKE_EXTENSION_ID, installFakeChrome, type FakeChrome } from './fakeChrome.ts';

// The polyfill's `browser` is the same fake: the services see one platform, whichever API they use.
vi.mock('webextension-polyfill', () => ({
  default: new Proxy({}, { get: (_target, key): unknown => (globalThis as unknown as { chrome: Record<string | symbol, unknown> }).chrome[key] }),
}));

const { applyNetworkRules, readInstalledRulesDigest } = await import('../../../src/background/networkRules.ts');
const { startBlockAudit } = await import('../../../src/background/blockAudit.ts');
const { migrateStorage } = await import('../../../src/background/storageMigration.ts');
const { readStartupLocal } = await import('../../../src/background/startupStorage.ts');
const { isOwnPage } = await import('../../../src/background/isOwnPage.ts');

let chrome: FakeChrome;
beforeEach(() => {
  chrome = installFakeChrome();
});

const okState = (instance: { ccpUrl: string; region?: string }): PolicyState =>
  ({
    status: 'ok',
    policy: applyDefaults({ instance }),
    sources: {},
    delivery: 'none',
    checkedAt: '2026-12-02T00:00:00.000Z',
    mode: 'organization',
  }) as unknown as PolicyState;

describe('network rules', () => {
  it("replaces the extension's rules with the policy's: the block rule, the instance and its Region's chat endpoint", async () => {
    chrome.declarativeNetRequest.rules = [{ id: 4242 }];
    await applyNetworkRules(okState({ ccpUrl: 'https://acme.my.connect.aws/ccp-v2', region: 'ap-northeast-1' }));
    const ids = chrome.declarativeNetRequest.rules.map((rule) => rule.id);
    expect(ids).not.toContain(4242);
    expect(ids).toEqual(expect.arrayContaining([DNR_RULE_IDS.blockAll, DNR_RULE_IDS.participantService, DNR_RULE_IDS.instanceFirst]));
  });

  it('installs only the block rule without a valid policy', async () => {
    await applyNetworkRules(null);
    expect(chrome.declarativeNetRequest.rules.map((rule) => rule.id)).toEqual([DNR_RULE_IDS.blockAll]);
  });

  it('falls back to blocking everything when Chrome refuses the rule set', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    chrome.declarativeNetRequest.rules = [{ id: DNR_RULE_IDS.instanceFirst }];
    chrome.declarativeNetRequest.refuseNext = true;
    await applyNetworkRules(okState({ ccpUrl: 'https://acme.my.connect.aws/ccp-v2' }));
    expect(chrome.declarativeNetRequest.rules.map((rule) => rule.id)).toEqual([DNR_RULE_IDS.blockAll]);
  });

  it('leaves an unchanged rule set as Chrome holds it (a woken worker writes nothing), and rewrites a changed one', async () => {
    const acme = okState({ ccpUrl: 'https://acme.my.connect.aws/ccp-v2', region: 'ap-northeast-1' });
    await applyNetworkRules(acme);
    const installed = chrome.declarativeNetRequest.rules;
    const update = vi.spyOn(chrome.declarativeNetRequest, 'updateDynamicRules');
    await applyNetworkRules(acme);
    expect(update).not.toHaveBeenCalled();
    expect(chrome.declarativeNetRequest.rules).toBe(installed);
    await applyNetworkRules(okState({ ccpUrl: 'https://other.my.connect.aws/ccp-v2', region: 'ap-northeast-1' }));
    expect(update).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(chrome.declarativeNetRequest.rules)).toContain('other.my.connect.aws');
    expect(JSON.stringify(chrome.declarativeNetRequest.rules)).not.toContain('acme.my.connect.aws');
  });

  it('a woken worker whose policy calls for the set it installed skips reading the rules back; a changed policy rewrites them', async () => {
    const acme = okState({ ccpUrl: 'https://acme.my.connect.aws/ccp-v2', region: 'ap-northeast-1' });
    await applyNetworkRules(acme);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const kept = chrome.storage.session.data.get(STORAGE_KEYS.session.installedNetworkRules);
    expect(kept).toMatch(/^[0-9a-f]{64}$/);
    chrome.restartWorker();
    const read = vi.spyOn(chrome.declarativeNetRequest, 'getDynamicRules');
    const update = vi.spyOn(chrome.declarativeNetRequest, 'updateDynamicRules');
    await applyNetworkRules(acme, readInstalledRulesDigest());
    expect(read).not.toHaveBeenCalled();
    expect(update).not.toHaveBeenCalled();
    // The policy changed while the worker was stopped: the kept digest names the old set.
    chrome.restartWorker();
    await applyNetworkRules(okState({ ccpUrl: 'https://other.my.connect.aws/ccp-v2', region: 'ap-northeast-1' }), readInstalledRulesDigest());
    expect(update).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(chrome.declarativeNetRequest.rules)).toContain('other.my.connect.aws');
    expect(JSON.stringify(chrome.declarativeNetRequest.rules)).not.toContain('acme.my.connect.aws');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(chrome.storage.session.data.get(STORAGE_KEYS.session.installedNetworkRules)).not.toBe(kept);
  });

  it('removes the kept digest before a rewrite, so a worker stopped mid-rewrite leaves no digest naming a set Chrome may not hold', async () => {
    const acme = okState({ ccpUrl: 'https://acme.my.connect.aws/ccp-v2', region: 'ap-northeast-1' });
    await applyNetworkRules(acme);
    await new Promise((resolve) => setTimeout(resolve, 0));
    let digestAtRewrite: unknown = 'not rewritten';
    let finishRewrite: () => void = () => undefined;
    vi.spyOn(chrome.declarativeNetRequest, 'updateDynamicRules').mockImplementationOnce(() => {
      digestAtRewrite = chrome.storage.session.data.get(STORAGE_KEYS.session.installedNetworkRules);
      // Were the worker stopped here, this is what storage would hold: no digest at all.
      return new Promise<void>((resolve) => (finishRewrite = resolve));
    });
    const rewrite = applyNetworkRules(okState({ ccpUrl: 'https://other.my.connect.aws/ccp-v2', region: 'ap-northeast-1' }));
    await vi.waitFor(() => expect(digestAtRewrite).toBeUndefined());
    expect(await readInstalledRulesDigest()).toBeNull();
    finishRewrite();
    await rewrite;
  });

  it('reads the rules back when the kept digest cannot be read, and fails closed when Chrome refuses the set', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const acme = okState({ ccpUrl: 'https://acme.my.connect.aws/ccp-v2', region: 'ap-northeast-1' });
    await applyNetworkRules(acme);
    chrome.restartWorker();
    vi.spyOn(chrome.storage.session, 'get').mockRejectedValueOnce(new Error('storage unavailable'));
    const read = vi.spyOn(chrome.declarativeNetRequest, 'getDynamicRules');
    await applyNetworkRules(acme, readInstalledRulesDigest());
    expect(read).toHaveBeenCalledTimes(1);
    chrome.declarativeNetRequest.refuseNext = true;
    await applyNetworkRules(okState({ ccpUrl: 'https://other.my.connect.aws/ccp-v2', region: 'ap-northeast-1' }));
    expect(chrome.declarativeNetRequest.rules.map((rule) => rule.id)).toEqual([DNR_RULE_IDS.blockAll]);
    // The refused set is not remembered as installed: the same policy is tried again, not skipped.
    const update = vi.spyOn(chrome.declarativeNetRequest, 'updateDynamicRules');
    await applyNetworkRules(okState({ ccpUrl: 'https://other.my.connect.aws/ccp-v2', region: 'ap-northeast-1' }));
    expect(update).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(chrome.declarativeNetRequest.rules)).toContain('other.my.connect.aws');
  });

  it('applies two quick policy changes in order', async () => {
    const first = applyNetworkRules(okState({ ccpUrl: 'https://first.my.connect.aws/ccp-v2', region: 'us-west-2' }));
    const second = applyNetworkRules(null);
    await Promise.all([first, second]);
    expect(chrome.declarativeNetRequest.rules.map((rule) => rule.id)).toEqual([DNR_RULE_IDS.blockAll]);
  });
});

describe('block audit', () => {
  const ownInitiator = `chrome-extension://${FAKE_EXTENSION_ID}`;
  const blockedRequest = (url: string, initiator = ownInitiator) =>
    chrome.webRequest.errorListeners.forEach((listener) => listener({ url, initiator, error: 'net::ERR_BLOCKED_BY_CLIENT', type: 'xmlhttprequest' }));
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('audits a request the rules blocked by its origin only, once a minute, and remembers that across a worker restart', async () => {
    const audits: AuditEvent[] = [];
    startBlockAudit((event) => audits.push(event));
    blockedRequest('https://evil.example/steal?card=4111111111111111');
    await settle();
    blockedRequest('https://evil.example/again');
    await settle();
    expect(audits.map((event) => event.details)).toEqual([{ origin: 'https://evil.example', kind: 'xmlhttprequest', layer: 'dnr' }]);
    expect(JSON.stringify([...chrome.storage.session.data])).not.toContain('4111');

    chrome.restartWorker();
    const woken: AuditEvent[] = [];
    startBlockAudit((event) => woken.push(event));
    blockedRequest('https://evil.example/third');
    await settle();
    expect(woken).toEqual([]);
  });

  it('ignores what other initiators had blocked and errors that are not blocks', async () => {
    const audits: AuditEvent[] = [];
    startBlockAudit((event) => audits.push(event));
    blockedRequest('https://evil.example/', 'https://some.site');
    chrome.webRequest.errorListeners.forEach((listener) =>
      listener({ url: 'https://down.example/', initiator: ownInitiator, error: 'net::ERR_CONNECTION_REFUSED', type: 'xmlhttprequest' }),
    );
    await settle();
    expect(audits).toEqual([]);
  });

  it("takes a page's report with an unknown kind as 'other' and refuses what is not an origin", async () => {
    const audits: AuditEvent[] = [];
    const audit = startBlockAudit((event) => audits.push(event));
    await audit.blocked('https://crm.evil.example/path', 'Frame Src!', 'csp');
    await audit.blocked('javascript:alert(1)', 'link', 'link');
    expect(audits.map((event) => event.details)).toEqual([{ origin: 'https://crm.evil.example', kind: 'other', layer: 'csp' }]);
  });
});

describe('storage migration at start-up', () => {
  const policy = { instance: { ccpUrl: 'https://shield-demo.my.connect.aws/ccp-v2' } };

  it('moves data of the layout before the registry to the current keys and version', async () => {
    await chrome.storage.local.set({
      [VERSION_0_KEYS.localPolicy]: policy,
      [VERSION_0_KEYS.auditLog]: [{ type: 'ccp.unreachable', at: '2026-12-01T00:00:00.000Z', details: {} }],
    });
    await chrome.storage.session.set({ [String(VERSION_0_SESSION_KEYS[0])]: { status: 'ok' } });
    await migrateStorage(await readStartupLocal());
    const local = chrome.storage.local.data;
    expect(local.get(STORAGE_KEYS.local.localPolicy)).toEqual(policy);
    expect(local.get(STORAGE_KEYS.local.version)).toBe(STORAGE_VERSION);
    expect(local.has(VERSION_0_KEYS.localPolicy)).toBe(false);
    expect(local.has(VERSION_0_KEYS.auditLog)).toBe(false);
    expect(local.has(VERSION_1_KEYS.auditLog)).toBe(false);
    expect(local.has(STORAGE_KEYS.local.auditOutbox)).toBe(true);
    expect(chrome.storage.session.data.size).toBe(0);
  });

  it('does nothing on current data (one read), and leaves data of a newer build untouched', async () => {
    await chrome.storage.local.set({ [STORAGE_KEYS.local.version]: STORAGE_VERSION, [VERSION_0_KEYS.localPolicy]: policy });
    const writes = chrome.storage.local.writes;
    await migrateStorage(await readStartupLocal());
    expect(chrome.storage.local.writes).toBe(writes);

    await chrome.storage.local.set({ [STORAGE_KEYS.local.version]: STORAGE_VERSION + 1 });
    await migrateStorage(await readStartupLocal());
    expect(chrome.storage.local.data.get(STORAGE_KEYS.local.version)).toBe(STORAGE_VERSION + 1);
    expect(chrome.storage.local.data.get(VERSION_0_KEYS.localPolicy)).toEqual(policy);
  });
});

describe('isOwnPage', () => {
  const origin = `chrome-extension://${FAKE_EXTENSION_ID}`;
  it("accepts only this extension's own pages", () => {
    expect(isOwnPage({ id: FAKE_EXTENSION_ID, url: `${origin}/src/shell/shell.html` }, FAKE_EXTENSION_ID, origin)).toBe(true);
    // A content script of this extension runs in a web page: its sender URL is the page's.
    expect(isOwnPage({ id: FAKE_EXTENSION_ID, url: 'https://evil.example/' }, FAKE_EXTENSION_ID, origin)).toBe(false);
    expect(isOwnPage({ id: 'a'.repeat(32), url: `chrome-extension://${'a'.repeat(32)}/x.html` }, FAKE_EXTENSION_ID, origin)).toBe(false);
    expect(isOwnPage({ id: FAKE_EXTENSION_ID }, FAKE_EXTENSION_ID, origin)).toBe(false);
    expect(isOwnPage({ url: `${origin}/x.html` }, FAKE_EXTENSION_ID, origin)).toBe(false);
  });
});
