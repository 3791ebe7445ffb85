import type { RegexSafetyVerdict } from '../policy/regexSafety.ts';

/**
 * The worker's private channel to its regex-safety document (an offscreen document, the only page
 * that loads the analyser). Pages never use it; the document answers only this extension.
 */
const REGEX_SAFETY_CHANNEL = 'connect-shield/regex-safety';

export interface RegexSafetyRequest {
  channel: typeof REGEX_SAFETY_CHANNEL;
  sources: string[];
  flags: string;
}

export function regexSafetyRequest(sources: string[], flags: string): RegexSafetyRequest {
  return { channel: REGEX_SAFETY_CHANNEL, sources, flags };
}

export function readRegexSafetyRequest(message: unknown): RegexSafetyRequest | null {
  if (typeof message !== 'object' || message === null) return null;
  const { channel, sources, flags } = message as Record<string, unknown>;
  if (channel !== REGEX_SAFETY_CHANNEL || typeof flags !== 'string' || !Array.isArray(sources)) return null;
  if (!sources.every((source): source is string => typeof source === 'string')) return null;
  return { channel, sources, flags };
}

/** One verdict per source, in order; anything else is no answer (the worker then fails closed). */
export function readRegexSafetyReply(reply: unknown, count: number): RegexSafetyVerdict[] | null {
  if (typeof reply !== 'object' || reply === null) return null;
  const { verdicts } = reply as Record<string, unknown>;
  if (!Array.isArray(verdicts) || verdicts.length !== count) return null;
  const read: RegexSafetyVerdict[] = [];
  for (const verdict of verdicts as unknown[]) {
    if (typeof verdict !== 'object' || verdict === null) return null;
    const { safe, reason } = verdict as Record<string, unknown>;
    if (safe === true) read.push({ safe: true });
    else if (safe === false && typeof reason === 'string') read.push({ safe: false, reason });
    else return null;
  }
  return read;
}
