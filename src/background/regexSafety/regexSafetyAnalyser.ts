import { checkRegexSafety } from '../../core/policy/recheckRegexSafety.ts';

/**
 * A dedicated worker of the regex-safety document: the analyser runs here, so a pattern that
 * keeps it busy can be stopped from outside (the document terminates the worker).
 */
self.onmessage = (event: MessageEvent<{ sources: string[]; flags: string }>) => {
  const { sources, flags } = event.data;
  self.postMessage(sources.map((source) => checkRegexSafety(source, flags)));
};
