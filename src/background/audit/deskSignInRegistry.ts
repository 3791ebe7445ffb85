import { auditViewerOf, claimDeskSignIn, readDeskSignIns, type SignInVerdict } from '../../core/audit/deskSignIns.ts';
import type { RoleSettings } from '../../core/policy/Policy.ts';
import type { AgentIdentity } from '../../core/roles/Role.ts';
import { STORAGE_KEYS } from '../../core/storage/storageKeys.ts';
import type { SenderInfo } from '../workerRouter.ts';

const SIGN_INS_KEY = STORAGE_KEYS.session.deskSignIns;

/** The part of `chrome.storage.session` the registry needs (a fake in unit tests). */
export interface SessionArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface DeskSignInRegistry {
  /** A desk page's report of who signed in to its CCP. */
  report(sender: SenderInfo, identity: AgentIdentity): Promise<SignInVerdict | 'not_a_desk'>;
  /** The supervisor whose audit view this sender may see, or null. */
  viewerOf(sender: SenderInfo, roles: RoleSettings | undefined): Promise<string | null>;
}

/**
 * Keeps each open desk document's signed-in user in session storage (a stopped worker keeps it;
 * a closed browser forgets it). Only a desk page's top-level document may report: a frame inside
 * a page, the options page or any other extension page is not a desk. `liveDocumentIds` asks
 * Chrome which extension documents are still open, so a closed desk's sign-in does not linger.
 */
export function createDeskSignInRegistry(deps: {
  session: SessionArea;
  deskPageUrls: readonly string[];
  liveDocumentIds(): Promise<ReadonlySet<string>>;
}): DeskSignInRegistry {
  let chain: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(operation: () => Promise<T>): Promise<T> => {
    const run = chain.then(operation, operation);
    chain = run.catch(() => undefined);
    return run;
  };
  const stored = async () => readDeskSignIns((await deps.session.get([SIGN_INS_KEY]))[SIGN_INS_KEY]);
  const deskDocumentOf = (sender: SenderInfo): string | null => {
    if (sender.frameId !== 0 || typeof sender.documentId !== 'string' || typeof sender.url !== 'string') return null;
    const page = sender.url.split(/[?#]/)[0];
    return deps.deskPageUrls.includes(page ?? '') ? sender.documentId : null;
  };

  return {
    report: (sender, identity) =>
      exclusive(async () => {
        const documentId = deskDocumentOf(sender);
        if (documentId === null) return 'not_a_desk';
        const { signIns, verdict } = claimDeskSignIn(await stored(), { documentId, identity }, await deps.liveDocumentIds());
        await deps.session.set({ [SIGN_INS_KEY]: signIns });
        return verdict;
      }),
    // Queued behind reports, so a desk that reported and then asked is answered with its report in place.
    viewerOf: (sender, roles) =>
      exclusive(async () => {
        const documentId = deskDocumentOf(sender);
        return documentId === null ? null : auditViewerOf(await stored(), documentId, roles);
      }),
  };
}
