import type { XssSummary } from './collectEvidence.ts';
import type { OtlpReport } from './otlpRehearsal.ts';
import type { RawValueCheck } from './rawValueCheck.ts';
import type { PageStorage } from './readPageStorage.ts';
import type { NetworkEntry } from './recordNetwork.ts';
import type { StepType } from './Scenario.ts';

/** How the policy reached the extension: Chromium's managed-policy file, or the local settings. */
export type PolicyPath = 'managed' | 'local';

/** What an extension page showed at one moment. */
export interface PageText {
  url: string;
  /** `document.body.innerText`: the text an agent can read. */
  text: string;
}

/** The desk before the first step, or what is seen after one step. */
export interface Snapshot {
  ok: boolean;
  /** Why the step could not do its work (the run stops here). */
  error?: string;
  /** Why the step had nothing to do although the run can go on (e.g. "reveal not offered"). */
  reason?: string;
  pages: PageText[];
  /** File name inside the output directory; null when the step was not run. */
  screenshot: string | null;
}

export interface StepResult extends Snapshot {
  /** 1-based, as in the file name step-N.png. */
  index: number;
  /** JSON pointer of the step in the scenario, e.g. /steps/0. */
  pointer: string;
  type: StepType;
  durationMs: number;
}

export interface ConsoleEntry {
  /** `page` for extension and framed pages, `worker` for the service worker. */
  source: 'page' | 'worker';
  url: string;
  level: string;
  text: string;
}

export interface DialogEntry {
  url: string;
  kind: string;
  message: string;
}

export interface CspViolation {
  /** The document that broke the policy. */
  url: string;
  directive: string;
  blocked: string;
  sourceFile: string;
  line: number;
  /** From a `securitypolicyviolation` event, or from a console line when the event was not seen. */
  seenBy: 'event' | 'console';
}

export interface PreviewReport {
  /** Report format version; bump on incompatible changes. */
  format: 1;
  scenario: { name: string | null; steps: number };
  agent: { username: string; name: string; routingProfile: string | null; permissions: string[] };
  policyPath: PolicyPath;
  /** Why that path: forced by the caller, or what the machine allows. */
  policyPathReason: string;
  extensionId: string;
  instance: { host: string; region: string };
  startedAt: string;
  durationMs: number;
  /** True when the desk came up and no step failed (a step with only a `reason` still counts as ok for the run). */
  ok: boolean;
  desk: Snapshot;
  steps: StepResult[];
  /** `chrome.storage` of the extension, and each open extension page's localStorage, sessionStorage and IndexedDB. */
  storage: { local: unknown; session: unknown; sync: unknown; pages: PageStorage[] };
  /** The service worker's audit log (the audit outbox in `chrome.storage.local`, oldest first). */
  auditEvents: unknown[];
  /** With `--otlp`: what the local OTLP receiver got, exactly what a collector at `audit.endpoint` would get. */
  otlp?: OtlpReport;
  console: ConsoleEntry[];
  dialogs: DialogEntry[];
  cspViolations: CspViolation[];
  /** Every request of the extension's pages, the frames in them and its worker (query stripped, masked). */
  network: NetworkEntry[];
  xss: XssSummary;
  /** The scenario's planted secrets searched for in every part of this report (a leak makes `ok` false). */
  rawValues: RawValueCheck;
  warnings: string[];
}
