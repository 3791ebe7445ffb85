import { describe, expect, it } from 'vitest';
import { NEGATIVE_VALUES } from '../../../bench/corpus/negatives.ts';
import { seededRandom, type SeededRandom } from '../../../bench/corpus/seededRandom.ts';
import { groupCardNumber, printIban, validCardNumber, validIban, validMyNumber, validSsn } from '../../../bench/corpus/sensitiveValues.ts';
import { cardIssuerOf } from '../../../src/core/masking/cardIssuer.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { passesLuhn } from '../../../src/core/masking/luhn.ts';

const FILLER = ['hello', 'お客様', 'the', 'order', 'ご確認', 'please', 'thanks', 'です', 'and', 'ok', '\n', '、', ':'];

function toFullWidth(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 48 + 0xff10));
}

interface Embedded {
  written: string;
  digits: string;
}

function embedSecret(random: SeededRandom): Embedded {
  switch (random.int(4)) {
    case 0: {
      const pan = validCardNumber(random);
      const forms = [pan, groupCardNumber(pan, ' '), groupCardNumber(pan, '-'), toFullWidth(groupCardNumber(pan, ' '))];
      return { written: random.pick(forms), digits: pan };
    }
    case 1: {
      const ssn = validSsn(random);
      return { written: random.pick([ssn, ssn.replace(/-/g, ' '), `SSN ${ssn.replace(/-/g, '')}`]), digits: ssn.replace(/-/g, '') };
    }
    case 2: {
      const myNumber = validMyNumber(random);
      const grouped = `${myNumber.slice(0, 4)} ${myNumber.slice(4, 8)} ${myNumber.slice(8)}`;
      return { written: random.pick([grouped, `マイナンバー${myNumber}`, toFullWidth(grouped)]), digits: myNumber };
    }
    default: {
      const iban = validIban(random);
      return { written: random.pick([iban, printIban(iban)]), digits: iban.replace(/[^0-9]/g, '') };
    }
  }
}

function randomText(random: SeededRandom, secrets: Embedded[]): string {
  const parts: string[] = [];
  for (let i = 0; i < 12; i++) {
    parts.push(random.pick(FILLER));
    if (random.int(4) === 0) parts.push(random.pick(NEGATIVE_VALUES));
    if (random.int(5) === 0) {
      const secret = embedSecret(random);
      secrets.push(secret);
      parts.push(secret.written);
    }
  }
  // Parts are glued with or without spaces, except that two numbers are never one digit sequence:
  // digits glued to other digits, or joined by a single space, make a different, longer number
  // (20247694 7339 5438 and "4111 1111 7339 5438 4412" are no My Numbers).
  let text = '';
  for (const part of parts) {
    const glue = random.pick([' ', '', '、']);
    text += DIGIT_AT_END.test(text) && DIGIT_AT_START.test(part) && glue !== '、' ? '、' + part : glue + part;
  }
  return text;
}

const DIGIT_AT_END = /[0-9\uff10-\uff19]$/;
const DIGIT_AT_START = /^[0-9\uff10-\uff19]/;

/** Full-width digits folded so a leak in either width is found. */
function asciiDigits(text: string): string {
  return text.replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48)).replace(/[^0-9]/g, '');
}

describe('property: no valid secret survives masking', () => {
  const engine = createMaskingEngine(undefined, { defaultCountry: 'JP' });

  it('masks every embedded card, SSN, My Number and IBAN in 2,000 random texts', () => {
    const random = seededRandom(20241129);
    let embedded = 0;
    for (let round = 0; round < 2000; round++) {
      const secrets: Embedded[] = [];
      const text = randomText(random, secrets);
      const { display } = engine.maskText(text);
      for (const secret of secrets) {
        embedded++;
        expect(display, `seed 20241129 round ${round}`).not.toContain(secret.written);
        expect(asciiDigits(display), `seed 20241129 round ${round}`).not.toContain(secret.digits);
      }
    }
    expect(embedded).toBeGreaterThan(1000);
  });

  it('masks every issuer-range, Luhn-valid random digit string and shows the others', () => {
    const random = seededRandom(7);
    // Phone detection is off so that "shown" is decided by the card rules alone.
    const cardsOnly = createMaskingEngine({ detectors: { phone: false, ssn: false, myNumber: false, abaRouting: false } });
    let valid = 0;
    for (let i = 0; i < 20000; i++) {
      const prefix = random.pick(['4', '5', '2', '3', '6']);
      const digits = prefix + random.digits(11 + random.int(8));
      const { display } = cardsOnly.maskText(digits);
      if (cardIssuerOf(digits) !== null && passesLuhn(digits)) {
        valid++;
        expect(display).not.toContain(digits);
        expect(display).toMatch(/^•••• [0-9]{4}$/);
      } else {
        expect(display).toBe(digits);
      }
    }
    expect(valid).toBeGreaterThan(200);
  });
});

/**
 * Work done while `run` runs, counted, not timed: every character the scanners read
 * (`charCodeAt`) plus, for every regular-expression execution, the stretch of text it ran over
 * (a regex re-run over the whole text per candidate would show up as quadratic). Counts are
 * deterministic, so the test says "linear" without a timing threshold.
 */
function workOf(run: () => void): number {
  const charCodeAt = String.prototype.charCodeAt;
  const exec = RegExp.prototype.exec;
  let work = 0;
  String.prototype.charCodeAt = function (this: string, index: number) {
    work += 1;
    return charCodeAt.call(this, index);
  };
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    const length = String(input).length;
    // A global or sticky regex resumes at lastIndex: count what it scanned, not the whole text again.
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const result = exec.call(this, input);
    work += result && (this.global || this.sticky) ? Math.max(1, this.lastIndex - from) : length - from;
    return result;
  };
  try {
    run();
  } finally {
    String.prototype.charCodeAt = charCodeAt;
    RegExp.prototype.exec = exec;
  }
  return work;
}

describe('property: linear time', () => {
  const adversarial: Array<[string, string]> = [
    ['spaced digits', '1 '],
    ['digit run', '4'],
    ['dashed groups', '1234-'],
    ['at signs', 'a@'],
    ['base64 alphabet', 'aB3+'],
    ['phone-like', '(213) 373-4253 '],
    ['mixed text', 'card 4111 1111 1111 1111 ssn 123-45-6789 お客様 ORD-2024-000123 '],
  ];
  const sized = (unit: string, chars: number) => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);

  it.each(adversarial)('%s: 4× the input costs about 4× the work, not 16×', (_name, unit) => {
    // A fresh engine each time: nothing remembered from an earlier run can hide work.
    const small = workOf(() => createMaskingEngine(undefined, { defaultCountry: 'US' }).maskText(sized(unit, 4096)));
    const large = workOf(() => createMaskingEngine(undefined, { defaultCountry: 'US' }).maskText(sized(unit, 16384)));
    expect(small).toBeGreaterThan(4096);
    // Linear work gives ~4 (a constant start-up cost makes it a little less); quadratic gives ~16.
    expect(large / small).toBeLessThan(5);
  });

  it('distinct phone numbers: 4× the input costs about 4× the work', () => {
    function distinctNumbers(chars: number): string {
      let text = '';
      for (let i = 0; text.length < chars; i++) text += `(213) ${String(200 + (i % 800))}-${String(i).padStart(4, '0')} `;
      return text.slice(0, chars);
    }
    const phones = createMaskingEngine(undefined, { defaultCountry: 'US' })
      .maskText(distinctNumbers(4096))
      .findings.filter((f) => f.kind === 'phone');
    expect(phones.length).toBeGreaterThan(250);
    const small = workOf(() => createMaskingEngine(undefined, { defaultCountry: 'US' }).maskText(distinctNumbers(4096)));
    const large = workOf(() => createMaskingEngine(undefined, { defaultCountry: 'US' }).maskText(distinctNumbers(16384)));
    expect(large / small).toBeLessThan(5);
  });

  it('the work counter sees quadratic work when there is some', () => {
    // Guards the guard: a deliberately quadratic scan must fail the bound used above.
    const quadratic = (text: string) => {
      for (let i = 0; i < text.length; i++) for (let j = i; j < text.length; j++) text.charCodeAt(j);
    };
    const small = workOf(() => quadratic('x'.repeat(256)));
    const large = workOf(() => quadratic('x'.repeat(1024)));
    expect(large / small).toBeGreaterThan(5);
  });
});
