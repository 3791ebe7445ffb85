import type { CustomPattern } from '../../policy/Policy.ts';
import type { Detector, Finding } from '../Finding.ts';

/**
 * One detector per policy pattern, compiled once. The policy validator rejects patterns that can
 * backtrack catastrophically (recheck); this module still never runs them over more than the
 * engine's value size limit. A source that does not compile yields a detector that throws, so
 * every value fails closed (masked and audited) instead of silently skipping the organisation's rule.
 */
export function createCustomPatternDetector(pattern: CustomPattern): Detector {
  const name = `custom:${pattern.name}`;
  let compiled: RegExp | null = null;
  let compileError = false;
  try {
    compiled = new RegExp(pattern.regex, 'g');
  } catch {
    compileError = true;
  }
  return {
    name,
    detect({ text }) {
      if (compileError || compiled === null) throw new Error(`custom pattern "${pattern.name}" does not compile`);
      const findings: Finding[] = [];
      compiled.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = compiled.exec(text)) !== null) {
        if (match[0].length === 0) {
          compiled.lastIndex++;
          continue;
        }
        findings.push({ kind: 'custom', start: match.index, end: match.index + match[0].length, detector: name });
      }
      return findings;
    },
  };
}
