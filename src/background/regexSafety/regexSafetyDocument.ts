import type { RegexSafetyVerdict } from '../../core/policy/regexSafety.ts';
import { readRegexSafetyRequest } from '../../core/messaging/regexSafetyMessages.ts';

/** recheck's own timeout is 5 s per pattern; past this the whole batch is given up (unsafe). */
const BATCH_TIMEOUT_MS = 30_000;
const GIVEN_UP: RegexSafetyVerdict = { safe: false, reason: 'its running time could not be proven safe in time; simplify it' };

function analyse(sources: string[], flags: string): Promise<RegexSafetyVerdict[]> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./regexSafetyAnalyser.ts', import.meta.url), { type: 'module' });
    const giveUp = setTimeout(() => {
      worker.terminate();
      resolve(sources.map(() => GIVEN_UP));
    }, BATCH_TIMEOUT_MS);
    worker.onmessage = (event: MessageEvent<RegexSafetyVerdict[]>) => {
      clearTimeout(giveUp);
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = () => {
      clearTimeout(giveUp);
      worker.terminate();
      resolve(sources.map(() => GIVEN_UP));
    };
    worker.postMessage({ sources, flags });
  });
}

// The service worker asks; nobody else may (pages of this extension have no reason to, other extensions cannot reach it).
chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
  const request = readRegexSafetyRequest(message);
  if (request === null || sender.id !== chrome.runtime.id) return false;
  void analyse(request.sources, request.flags).then((verdicts) => sendResponse({ verdicts }));
  return true;
});
