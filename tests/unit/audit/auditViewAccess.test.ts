import { describe, expect, it } from 'vitest';
import { createDeskSignInRegistry } from '../../../src/background/audit/deskSignInRegistry.ts';
import { createWorkerRouter, RequestNotPermitted, type SenderInfo, type WorkerHandlers } from '../../../src/background/workerRouter.ts';
import { auditViewerOf, claimDeskSignIn, readDeskSignIns, type DeskSignIn } from '../../../src/core/audit/deskSignIns.ts';
import { workerRequestMessage } from '../../../src/core/messaging/workerMessages.ts';
import { NOTHING } from '../../../src/core/messaging/workerRequests.ts';
import type { RoleSettings } from '../../../src/core/policy/Policy.ts';
import { STORAGE_KEYS } from '../../../src/core/storage/storageKeys.ts';
import { memoryStorageArea } from '../support/memoryStorageArea.ts';

const ORIGIN = 'chrome-extension://own-id/';
const DESK = `${ORIGIN}src/shell/shell.html`;
const PANEL = `${ORIGIN}src/shell/sidepanel.html`;
const ROLES = { elevatedViewAllowed: true, supervisors: { usernames: ['Supervisor1'], permissions: ['ContactSearch.View'] } } as RoleSettings;
const agent = { username: 'agent7', routingProfile: 'Basic', permissions: ['outboundCall'] };
const supervisor = { username: 'supervisor1', routingProfile: 'Basic', permissions: [] };
const live = (...ids: string[]) => new Set(ids);

describe('who may see the audit view: the sign-in each desk document reported', () => {
  it('binds a document to its first report; a different later one contests it and it is refused for good', () => {
    let { signIns, verdict } = claimDeskSignIn([], { documentId: 'doc-a', identity: agent }, live('doc-a'));
    expect(verdict).toBe('recorded');
    expect(auditViewerOf(signIns, 'doc-a', ROLES)).toBeNull();
    ({ signIns, verdict } = claimDeskSignIn(signIns, { documentId: 'doc-a', identity: supervisor }, live('doc-a')));
    expect(verdict).toBe('contested');
    expect(signIns).toEqual([{ documentId: 'doc-a', identity: agent, contested: true }]);
    expect(auditViewerOf(signIns, 'doc-a', ROLES)).toBeNull();
    // Claiming the first identity again does not lift it.
    expect(claimDeskSignIn(signIns, { documentId: 'doc-a', identity: agent }, live('doc-a')).verdict).toBe('contested');
    // A supervisor's desk that then reports someone else loses the view too (fail closed).
    const bound = claimDeskSignIn([], { documentId: 'doc-s', identity: supervisor }, live('doc-s')).signIns;
    expect(auditViewerOf(bound, 'doc-s', ROLES)).toBe('supervisor1');
    expect(auditViewerOf(claimDeskSignIn(bound, { documentId: 'doc-s', identity: agent }, live('doc-s')).signIns, 'doc-s', ROLES)).toBeNull();
  });

  it('does not let an agent gain a supervisor permission by reporting the same user again', () => {
    const first = claimDeskSignIn([], { documentId: 'doc-a', identity: agent }, live('doc-a')).signIns;
    const { signIns, verdict } = claimDeskSignIn(first, { documentId: 'doc-a', identity: { ...agent, permissions: ['ContactSearch.View'] } }, live('doc-a'));
    expect(verdict).toBe('contested');
    expect(auditViewerOf(signIns, 'doc-a', ROLES)).toBeNull();
  });

  it('refuses a new document that claims a user other than the one another open desk has', () => {
    const first = claimDeskSignIn([], { documentId: 'desk', identity: agent }, live('desk')).signIns;
    const { signIns, verdict } = claimDeskSignIn(first, { documentId: 'forged', identity: supervisor }, live('desk', 'forged'));
    expect(verdict).toBe('conflict');
    expect(auditViewerOf(signIns, 'forged', ROLES)).toBeNull();
    // The side panel beside the tab: the same user, accepted (usernames compare case-insensitively).
    const panel = claimDeskSignIn(first, { documentId: 'panel', identity: { ...agent, username: 'AGENT7' } }, live('desk', 'panel'));
    expect(panel.verdict).toBe('recorded');
  });

  it('forgets closed documents, so the next user of this browser signs in on a fresh desk', () => {
    const first = claimDeskSignIn([], { documentId: 'morning', identity: agent }, live('morning')).signIns;
    const { signIns, verdict } = claimDeskSignIn(first, { documentId: 'evening', identity: supervisor }, live('evening'));
    expect(verdict).toBe('recorded');
    expect(signIns.map((signIn) => signIn.documentId)).toEqual(['evening']);
    expect(auditViewerOf(signIns, 'evening', ROLES)).toBe('supervisor1');
  });

  it('answers a supervisor by the policy: by name, by permission, never without an elevated view', () => {
    const signIns: DeskSignIn[] = [
      { documentId: 'by-name', identity: supervisor, contested: false },
      { documentId: 'by-permission', identity: { ...agent, permissions: ['ContactSearch.View'] }, contested: false },
    ];
    expect(auditViewerOf(signIns, 'by-name', ROLES)).toBe('supervisor1');
    expect(auditViewerOf(signIns, 'by-permission', ROLES)).toBe('agent7');
    expect(auditViewerOf(signIns, 'by-name', { ...ROLES, elevatedViewAllowed: false })).toBeNull();
    expect(auditViewerOf(signIns, 'by-name', undefined)).toBeNull();
    expect(auditViewerOf(signIns, 'unknown-document', ROLES)).toBeNull();
  });

  it('reads stored sign-ins leniently: what does not fit is dropped', () => {
    expect(readDeskSignIns('x')).toEqual([]);
    expect(
      readDeskSignIns([
        { documentId: 'a', identity: { username: '' }, contested: false },
        { documentId: 'b', identity: supervisor, contested: false },
      ]),
    ).toEqual([{ documentId: 'b', identity: supervisor, contested: false }]);
  });
});

describe('the worker’s desk sign-in registry', () => {
  const registry = (session = memoryStorageArea(), open = live('doc-a', 'doc-b', 'doc-c')) =>
    createDeskSignInRegistry({ session, deskPageUrls: [DESK, PANEL], liveDocumentIds: async () => open });
  const sender = (documentId: string, url = DESK, frameId = 0): SenderInfo => ({ id: 'own-id', url, documentId, frameId });

  it('takes reports only from a desk page’s top-level document', async () => {
    const desks = registry();
    expect(await desks.report(sender('doc-a', `${ORIGIN}src/options/options.html`), supervisor)).toBe('not_a_desk');
    expect(await desks.report(sender('doc-a', DESK, 3), supervisor)).toBe('not_a_desk');
    expect(await desks.report({ id: 'own-id', url: DESK, frameId: 0 }, supervisor)).toBe('not_a_desk');
    expect(await desks.viewerOf(sender('doc-a'), ROLES)).toBeNull();
    expect(await desks.report(sender('doc-a', `${PANEL}?from=action#x`), supervisor)).toBe('recorded');
    expect(await desks.viewerOf(sender('doc-a', PANEL), ROLES)).toBe('supervisor1');
    // The same document framed elsewhere is not asked about its frame's report.
    expect(await desks.viewerOf(sender('doc-a', PANEL, 2), ROLES)).toBeNull();
  });

  it('keeps the sign-ins in session storage: a stopped and woken worker still knows them', async () => {
    const session = memoryStorageArea();
    await registry(session).report(sender('doc-b'), agent);
    expect(session.items[STORAGE_KEYS.session.deskSignIns]).toEqual([{ documentId: 'doc-b', identity: agent, contested: false }]);
    const woken = registry(session);
    expect(await woken.report(sender('doc-b'), supervisor)).toBe('contested');
    expect(await woken.viewerOf(sender('doc-b'), ROLES)).toBeNull();
  });

  it('answers a report and a question sent together in the order they were sent', async () => {
    const desks = registry();
    const [, viewer] = await Promise.all([desks.report(sender('doc-c'), supervisor), desks.viewerOf(sender('doc-c'), ROLES)]);
    expect(viewer).toBe('supervisor1');
  });
});

describe('the router’s not-permitted refusal', () => {
  it('turns a handler’s RequestNotPermitted into a typed refusal and hands the sender to the handler', async () => {
    const seen: SenderInfo[] = [];
    const handlers = {
      'audit.recent': async (_payload: unknown, from: SenderInfo) => {
        seen.push(from);
        throw new RequestNotPermitted();
      },
    } as unknown as WorkerHandlers;
    const router = createWorkerRouter({ handlers, isAllowedSender: () => true, ready: Promise.resolve() });
    const from = { id: 'own-id', url: DESK, documentId: 'doc-a', frameId: 0 };
    expect(await router.handle(workerRequestMessage('audit.recent', NOTHING), from)).toEqual({ ok: false, refusal: 'not-permitted' });
    expect(seen).toEqual([from]);
    // The request names nobody: a payload that tries to is not even read.
    expect(await router.handle({ ...workerRequestMessage('audit.recent', NOTHING), payload: { viewer: 'supervisor1' } }, from)).toEqual({
      ok: false,
      refusal: 'invalid-payload',
    });
  });
});
