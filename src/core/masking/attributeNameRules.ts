import type { AttributeRule, AttributeRuleKind, SensitiveKind } from '../policy/Policy.ts';
import { describeName, nameSays, type NameWords } from './contextWords.ts';
import { matchNameGlob } from './matchNameGlob.ts';

/** Where a name-based decision came from, for `explain`. */
export type NameRuleSource = 'policy' | 'builtIn';

export interface NameRuleDecision {
  kind: AttributeRuleKind;
  source: NameRuleSource;
}

interface BuiltInHint {
  kind: SensitiveKind;
  /** Whole words of the name (`pan` in `card_pan`, not in `company`). */
  words: readonly string[];
  /** Substrings of the compacted name (`cardnumber` in `Card-Number`). */
  phrases: readonly string[];
}

/**
 * Names that say outright what the value is. Deliberately short: a hint masks the whole value
 * whatever it holds, so a loose hint would hide data agents need (an `accountNumber` is often the
 * customer's account id, so it is not here; organisations add such names as policy rules).
 */
export const BUILT_IN_NAME_HINTS: readonly BuiltInHint[] = [
  { kind: 'pan', words: ['pan'], phrases: ['cardnumber', 'creditcard', 'debitcard', 'ccnumber', 'cardno', 'primaryaccountnumber', 'カード番号'] },
  { kind: 'secret', words: ['cvv', 'cvc', 'cvv2', 'cvc2', 'pin', 'otp', 'password', 'passwd', 'pwd', 'secret', 'token', 'passcode'], phrases: ['securitycode', 'apikey', 'accesstoken', 'パスワード', '暗証番号', 'セキュリティコード'] },
  { kind: 'ssn', words: ['ssn'], phrases: ['socialsecurity'] },
  { kind: 'myNumber', words: [], phrases: ['mynumber', 'マイナンバー', '個人番号'] },
  { kind: 'iban', words: ['iban'], phrases: [] },
  { kind: 'abaRouting', words: ['aba', 'rtn'], phrases: ['routingnumber'] },
  { kind: 'dob', words: ['dob'], phrases: ['dateofbirth', 'birthdate', 'birthday', '生年月日', '誕生日'] },
];

/**
 * The policy's first matching rule wins; without one, a built-in hint; otherwise null (scan the value).
 * A policy rule of kind `public` turns built-in hints off for that name — detection still runs.
 */
export function decideByName(
  name: string,
  rules: readonly AttributeRule[] | undefined,
  words: NameWords = describeName(name),
): NameRuleDecision | null {
  for (const rule of rules ?? []) {
    if (matchNameGlob(rule.match, name)) return { kind: rule.kind, source: 'policy' };
  }
  for (const hint of BUILT_IN_NAME_HINTS) {
    if (nameSays(words, hint.words, hint.phrases)) return { kind: hint.kind, source: 'builtIn' };
  }
  return null;
}
