import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classCorpus } from '../../../bench/corpus/classCorpus.ts';
import { fuzzTexts } from '../../../bench/corpus/fuzzTexts.ts';
import { labeledCorpus } from '../../../bench/corpus/labeledCorpus.ts';
import { NEGATIVE_VALUES } from '../../../bench/corpus/negatives.ts';
import { auditMaskSpans, maskAuditText, type AuditStringKind } from '../../../src/core/audit/maskAuditText.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';

/** Every text the masking corpus holds (labelled texts, the per-class cases, the fuzz texts, the negatives) and the independent corpora's. */
function corpusTexts(): string[] {
  const texts = labeledCorpus(20241129, 4000).map((entry) => entry.text);
  for (const entry of classCorpus(20261201)) {
    const { input } = entry;
    if (input.shape === 'text') texts.push(input.text);
    else if (input.shape === 'messages') texts.push(...input.texts);
    else texts.push(...Object.values(input.attributes));
  }
  texts.push(...fuzzTexts(20261202, 4000), ...NEGATIVE_VALUES);
  // And the corpora written by helpers that never saw the engine: transcripts, flow logs, JSON.
  for (const file of ['', '2', '3', '4', '5', '6']) {
    const items = JSON.parse(readFileSync(new URL(`../masking/independentCorpus${file}.json`, import.meta.url), 'utf8')) as Array<{ text: string }>;
    texts.push(...items.map((item) => item.text));
  }
  return texts;
}

const TEXTS = corpusTexts();

/** The engine the audit trail used before (sanitizeAuditDetails: e-mail kept only for the actor). */
const engine = createMaskingEngine(undefined);
const actorEngine = createMaskingEngine({ detectors: { email: false } });

function isLetterOrDigit(character: string): boolean {
  return /[\p{L}\p{N}]/u.test(character);
}

/** The letters and digits of `text` the engine would hide and the audit masker leaves visible. */
function leftVisible(kind: AuditStringKind, text: string): string[] {
  const spans = auditMaskSpans(kind, text);
  const covered = (index: number) => spans.some((span) => index >= span.start && index < span.end);
  const leaks: string[] = [];
  for (const finding of (kind === 'actor' ? actorEngine : engine).maskText(text, 'audit').findings) {
    for (let index = finding.start; index < finding.end; index++) {
      const character = text[index] ?? '';
      if (isLetterOrDigit(character) && !covered(index)) leaks.push(`${finding.detector} at ${String(index)} in ${JSON.stringify(text)}`);
    }
  }
  return leaks;
}

describe('the audit masker hides at least what the masking engine hides', () => {
  it('over the masking corpus, for free text and for the actor (e-mail kept)', { timeout: 60_000 }, () => {
    // Sanity: the corpus does hold what the engine finds, so the comparison below is not vacuous.
    expect(TEXTS.filter((text) => engine.maskText(text, 'audit').findings.length > 0).length).toBeGreaterThan(3000);
    for (const kind of ['text', 'actor'] as const) {
      const leaks = TEXTS.flatMap((text) => leftVisible(kind, text));
      expect(leaks.slice(0, 10)).toEqual([]);
    }
  });

  it('and no digits of a found number are shown, not even the last four the engine shows', () => {
    for (const text of [
      '4111 1111 1111 1111',
      '090-1234-5678',
      'DE89 3704 0044 0532 0130 00',
      'CVV 123',
      'SSN 219-09-9999',
      'card 4111 1111 1111 1111 exp 9/27 123',
    ]) {
      expect(engine.maskText(text, 'audit').display).not.toBe(text);
      expect(maskAuditText('text', text)).not.toMatch(/[0-9]/);
    }
  });
});

describe('the audit masker keeps what an audit record needs', () => {
  it('keeps contact ids, policy pointers, names and plain origins', () => {
    expect(maskAuditText('id', '65283518-3746-4988-9b1d-2f1c3a4b5c6d')).toBe('65283518-3746-4988-9b1d-2f1c3a4b5c6d');
    expect(maskAuditText('id', 'c-7f3e1a2b-0001')).toBe('c-7f3e1a2b-0001');
    expect(maskAuditText('pointer', '/masking/patterns/12/regex')).toBe('/masking/patterns/12/regex');
    expect(maskAuditText('origin', 'https://evil.example:8443')).toBe('https://evil.example:8443');
    expect(maskAuditText('name', 'customerAccountNumber')).toBe('customerAccountNumber');
    expect(maskAuditText('origin', 'https://crm.example.com')).toBe('https://crm.example.com');
    expect(maskAuditText('actor', 'supervisor@example.com')).toBe('supervisor@example.com');
  });

  it('keeps every contact id whole, whatever its hex digits happen to spell, and still hides an IBAN after one', () => {
    // Version-4 UUIDs from a seeded generator: about a third hold a stretch shaped like an IBAN
    // ("…-bb29-8d83395ebc55") or a digit run a shape alone would hide.
    let state = 20261202;
    const hex = (count: number): string => {
      let out = '';
      for (let i = 0; i < count; i++) {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        out += ((state >>> 16) & 15).toString(16);
      }
      return out;
    };
    const changed: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const id = `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'.charAt(Number.parseInt(hex(1), 16) % 4)}${hex(3)}-${hex(12)}`;
      if (maskAuditText('id', id) !== id) changed.push(id);
    }
    expect(changed).toEqual([]);
    expect(maskAuditText('text', '6b7d6466-83ce-4f01-bb29-8d83395ebc55 DE89 3704 0044 0532 0130 00')).toBe('6b7d6466-83ce-4f01-bb29-8d83395ebc55 ••••');
    // A UUID is kept as an id, not where it is the secret: a password or an e-mail address.
    expect(maskAuditText('text', 'password: 6b7d6466-83ce-4f01-bb29-8d83395ebc55')).toBe('password: ••••');
    expect(maskAuditText('text', 'from 6b7d6466-83ce-4f01-bb29-8d83395ebc55@example.com')).toBe('from [Email]');
  });

  it('hides an e-mail address with a percent-encoded @ (its linear reading: tests/unit/builtInRegexSafety.test.ts)', () => {
    expect(maskAuditText('text', 'https://x.example/?mail=ito.y%40au.com&type=2')).toBe('[Email]');
    expect(maskAuditText('text', 'a.'.repeat(16_384))).toBe('a.'.repeat(16_384));
  });

  it('hides e-mail addresses (except the actor), long tokens, IBANs and passwords whole', () => {
    expect(maskAuditText('text', 'asked by jane.doe@example.com today')).toBe('asked by [Email] today');
    expect(maskAuditText('text', `key ${'aB3dE5fG7h'.repeat(4)} end`)).toBe('key •••• end');
    expect(maskAuditText('text', 'GB82 WEST 1234 5698 7654 32')).toBe('••••');
    expect(maskAuditText('text', 'password: hunter2 ok')).toBe('password: •••• ok');
  });

  it('hides every code-sized digit run and every written date, with the date words glued to them, when a code, password or birth word occurs', () => {
    expect(maskAuditText('text', 'DOB 15th Jan 1990, ok')).toBe('DOB •••• ok');
    expect(maskAuditText('text', '生年月日 平成2年1月15日')).toBe('生年月日 ••••');
    expect(maskAuditText('text', 'born 1st May 92')).toBe('born ••••');
    expect(maskAuditText('text', '誕生日は令和元年1月5日')).toBe('誕生日は••••');
    expect(maskAuditText('text', '平成2年4月12日生')).toBe('••••');
    expect(maskAuditText('text', 'pin 482')).toBe('pin ••••');
    // A name that holds a context word keeps its own digit: no detector finds one digit.
    expect(maskAuditText('name', 'CVC2')).toBe('CVC2');
    expect(maskAuditText('text', 'order 1234 shipped')).toBe('order 1234 shipped');
  });

  it('hides in free text what the engine finds under a document, expiry or last-four word, and a password in quotes or after "pw"', () => {
    expect(maskAuditText('text', 'checked passport TR4827193 today')).toBe('checked passport •••• today');
    expect(maskAuditText('text', 'driving licence no: MORGA753116SM9IJ')).toBe('driving licence no: ••••');
    expect(maskAuditText('text', '在留カードの番号は UH 8214 6037 EN です')).toBe('在留カードの番号は •••• です');
    expect(maskAuditText('text', 'card exp Jan 2028 confirmed')).toBe('card exp •••• confirmed');
    expect(maskAuditText('text', '有効期限：2027年3月')).toBe('••••');
    expect(maskAuditText('text', 'the last four of my social is 6718')).toBe('the last four of my social is ••••');
    expect(maskAuditText('text', '新しいパスワードは「Tokyo#2024」にしました')).toBe('新しいパスワードは「••••」にしました');
    expect(maskAuditText('text', 'temp pw issued: Xk7#pq29Lm (told to reset)')).toBe('temp pw issued: •••• (told to reset)');
    expect(maskAuditText('text', 'msisdn=%2B447458203117')).toBe('msisdn=••••');
    // Origins, names and pointers keep their digits under those words: a host or an attribute may hold them.
    expect(maskAuditText('origin', 'https://expense.example.com:8443')).toBe('https://expense.example.com:8443');
    expect(maskAuditText('name', 'cardExpiry2024')).toBe('cardExpiry2024');
  });

  it('hides full-width, circled and invisibly separated digits', () => {
    expect(maskAuditText('text', 'カード４１１１ １１１１ １１１１ １１１１です')).toBe('カード••••です');
    expect(maskAuditText('text', 'call ⑤⑤⑤1234')).toBe('call ••••');
    expect(maskAuditText('text', '4111\u20631111\u20631111\u20631111')).toBe('••••');
  });
});
