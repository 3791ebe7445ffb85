import type { AuditEvent } from '../../core/audit/AuditEvent.ts';
import { STORAGE_KEYS } from '../../core/storage/storageKeys.ts';
import type { PolicyState } from '../../core/config/PolicyState.ts';
import { candidatePhoneCountries } from '../../core/masking/candidatePhoneCountries.ts';
import { readCallerIdentity } from '../../core/phone/readCallerIdentity.ts';
import { assessCaller, type RiskRules } from '../../core/risk/assessCaller.ts';
import type { AssessContactRequest } from '../../core/risk/assessContactRequest.ts';
import type { CallerRisk } from '../../core/risk/CallerRisk.ts';
import { isCallerRisk } from '../../core/risk/assessContactRequest.ts';
import { buildDenyList, type DenyList } from '../../core/risk/DenyList.ts';
import { importHashKey, keyedHash, newHashKeyMaterial } from '../../core/risk/keyedHash.ts';
import { isRepeatLedger } from '../../core/risk/repeatLedger.ts';
import { rememberVerdict, type VerdictCache } from '../../core/risk/verdictCache.ts';
import type { CountryCode, MetadataJson } from 'libphonenumber-js/core';

/** The part of `chrome.storage.session` the service needs (a fake in unit tests). */
export interface SessionArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Session storage: survives a worker restart, gone with the browser session. Hashes, never numbers. */
const RISK_HASH_KEY = STORAGE_KEYS.session.riskHashKey;
const RISK_LEDGER_KEY = STORAGE_KEYS.session.riskRepeatLedger;
const RISK_VERDICTS_KEY = STORAGE_KEYS.session.riskVerdicts;

export interface CallerRiskService {
  /** The policy changed: the deny list is normalized again (only when it changed), before the next contact. */
  setPolicy(state: PolicyState): void;
  assess(request: AssessContactRequest): Promise<CallerRisk>;
}

interface LoadedRules extends RiskRules {
  countries: readonly string[];
}

const NOBODY_DENIED: DenyList = { size: 0, has: () => false };
const NO_RULES: LoadedRules = { denyList: NOBODY_DENIED, repeatContact: null, countries: [] };

/**
 * The service worker's side of caller risk. It holds the deny list (as a Set of normalized
 * numbers, in memory only) and the repeat ledger (keyed hashes, in session storage). Requests are
 * handled one at a time so two contacts arriving together cannot lose each other's count.
 */
export function startCallerRiskService(deps: {
  session: SessionArea;
  audit(event: AuditEvent): void;
  locale: string | null;
  /**
   * libphonenumber-js's max metadata, for reading numbers (the worker fetches it on first use, see
   * loadPhoneMetadata.ts). A failed load fails the assessment; the next one loads again.
   */
  phoneMetadata(): Promise<MetadataJson>;
  now?: () => number;
}): CallerRiskService {
  const now = deps.now ?? Date.now;
  let resolveFirst: (rules: LoadedRules | Promise<LoadedRules>) => void = () => undefined;
  let rules: Promise<LoadedRules> = new Promise((resolve) => (resolveFirst = resolve));
  // Rejected only when the first rules fail to build; an assessment waiting on it answers that, nobody else need.
  rules.catch(() => undefined);
  let lastDenyList: readonly string[] | null = null;
  let lastPolicy: PolicyState | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let hashKey: Promise<CryptoKey> | null = null;

  const loadHashKey = async (): Promise<CryptoKey> => {
    const stored = await deps.session.get([RISK_HASH_KEY]);
    let material = stored[RISK_HASH_KEY];
    if (typeof material !== 'string') {
      material = newHashKeyMaterial();
      await deps.session.set({ [RISK_HASH_KEY]: material });
    }
    return importHashKey(material as string);
  };

  const assessNow = async (request: AssessContactRequest): Promise<CallerRisk> => {
    // Rules whose deny list could not be normalized (the metadata did not load) are built again.
    const current = await rules.catch(() => {
      lastDenyList = null;
      if (lastPolicy !== null) setPolicy(lastPolicy);
      return rules;
    });
    const stored = await deps.session.get([RISK_LEDGER_KEY, RISK_VERDICTS_KEY]);
    const verdicts = (typeof stored[RISK_VERDICTS_KEY] === 'object' && stored[RISK_VERDICTS_KEY] !== null ? stored[RISK_VERDICTS_KEY] : {}) as VerdictCache;
    const known = verdicts[request.contactId];
    if (known && isCallerRisk(known.risk)) return known.risk;
    const ledger = isRepeatLedger(stored[RISK_LEDGER_KEY]) ? stored[RISK_LEDGER_KEY] : [];
    const identity = request.customer === null ? null : readCallerIdentity(request.customer, current.countries as CountryCode[], await deps.phoneMetadata());
    const at = now();
    const assessment = await assessCaller(
      { contactId: request.contactId, channel: request.channel, identity },
      current,
      ledger,
      async (text) => {
        hashKey ??= loadHashKey();
        return keyedHash(await hashKey, text);
      },
      at,
    );
    await deps.session.set({
      [RISK_VERDICTS_KEY]: rememberVerdict(verdicts, request.contactId, assessment.risk, at),
      ...(assessment.ledger ? { [RISK_LEDGER_KEY]: assessment.ledger } : {}),
    });
    assessment.auditEvents.forEach((event) => deps.audit(event));
    return assessment.risk;
  };

  /** The policy changed: the deny list is normalized again (only when it changed), before the next contact. */
  const setPolicy = (state: PolicyState): void => {
    lastPolicy = state;
    if (state.status !== 'ok') {
      resolveFirst(NO_RULES);
      rules = Promise.resolve(NO_RULES);
      lastDenyList = null;
      return;
    }
    const { risk, dialing, instance } = state.policy;
    // The masking engine's rule: the card masks and the deny list matches a national number alike.
    const countries = candidatePhoneCountries({
      defaultCountry: dialing.defaultCountry,
      instanceRegion: instance.region ?? null,
      locale: deps.locale,
    }).countries;
    // Normalizing 100,000 numbers takes a noticeable fraction of a second: only when the list changed.
    const previous = lastDenyList;
    const sameList = previous !== null && previous.length === risk.denyList.length && risk.denyList.every((entry, index) => entry === previous[index]);
    const base = sameList ? rules : Promise.resolve(null);
    lastDenyList = risk.denyList;
    const next = base.then(async (loaded) => ({
      denyList: loaded?.denyList ?? (risk.denyList.length === 0 ? NOBODY_DENIED : buildDenyList(risk.denyList, await deps.phoneMetadata())),
      repeatContact: risk.repeatContact,
      countries,
    }));
    rules = next;
    resolveFirst(next);
    // A failed load is answered at the next assessment (it builds the rules again), not here.
    next.catch(() => undefined);
  };

  return {
    setPolicy,
    assess(request) {
      const result = queue.then(() => assessNow(request));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
