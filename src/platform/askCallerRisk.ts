import browser from 'webextension-polyfill';
import { isCallerRisk, type AssessContactRequest } from '../core/risk/assessContactRequest.ts';
import type { CallerRisk } from '../core/risk/CallerRisk.ts';

export const ASSESS_CONTACT_MESSAGE = 'connect-shield/risk.assessContact';

/**
 * Asks the service worker about one contact's caller. The identifier travels in this runtime
 * message only (in-process IPC: no storage, no network) and the answer is a verdict.
 */
export async function askCallerRisk(request: AssessContactRequest): Promise<CallerRisk> {
  const response: unknown = await browser.runtime.sendMessage({ type: ASSESS_CONTACT_MESSAGE, request });
  if (!isCallerRisk(response)) throw new Error('no caller-risk verdict');
  return response;
}
