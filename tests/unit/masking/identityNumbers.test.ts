import { describe, expect, it } from 'vitest';
import { abaRoutingDetector, isValidAbaRouting } from '../../../src/core/masking/detectors/abaRouting.ts';
import { ibanDetector } from '../../../src/core/masking/detectors/iban.ts';
import { isValidMyNumber, myNumberDetector } from '../../../src/core/masking/detectors/myNumber.ts';
import { isPlausibleSsn, ssnDetector } from '../../../src/core/masking/detectors/ssn.ts';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { spansFound } from './detect.ts';

describe('SSN detector', () => {
  it('applies the SSA rules', () => {
    expect(isPlausibleSsn('123456789')).toBe(true);
    for (const bad of ['000456789', '666456789', '900456789', '999456789', '123006789', '123450000', '12345678']) {
      expect(isPlausibleSsn(bad)).toBe(false);
    }
  });

  it('finds 3-2-4 SSNs with dashes or spaces anywhere', () => {
    expect(spansFound(ssnDetector, 'my ssn is 123-45-6789.')).toEqual(['123-45-6789']);
    expect(spansFound(ssnDetector, 'number 123 45 6789 thanks')).toEqual(['123 45 6789']);
    expect(spansFound(ssnDetector, '１２３－４５－６７８９')).toEqual(['１２３－４５－６７８９']);
  });

  it('rejects invalid areas, groups, serials and mixed separators', () => {
    for (const text of ['000-12-3456', '666-12-3456', '912-12-3456', '123-00-4567', '123-45-0000', '123-45 6789']) {
      expect(spansFound(ssnDetector, text)).toEqual([]);
    }
  });

  it('takes nine bare digits only with context', () => {
    expect(spansFound(ssnDetector, 'ref 123456789')).toEqual([]);
    expect(spansFound(ssnDetector, 'SSN: 123456789')).toEqual(['123456789']);
    expect(spansFound(ssnDetector, '123456789', 'customer_ssn')).toEqual(['123456789']);
    // "tin" must stand alone: "routing" or "listing" are not context.
    expect(spansFound(ssnDetector, 'listing 123456789')).toEqual([]);
  });

  it('takes "my social" as context, as callers say it, but not social media or events', () => {
    expect(spansFound(ssnDetector, 'my social is 123456789')).toEqual(['123456789']);
    expect(spansFound(ssnDetector, 'can you confirm your social, 123456789?')).toEqual(['123456789']);
    expect(spansFound(ssnDetector, 'social number 123456789')).toEqual(['123456789']);
    for (const text of [
      'my social media id is 123456789',
      'your social network id 123456789',
      'social event 123456789',
      'my socials 123456789',
      'social 123456789',
    ]) {
      expect(spansFound(ssnDetector, text)).toEqual([]);
    }
    // " - " between the groups, beside a word that says SSN.
    expect(spansFound(ssnDetector, 'my ssn is 123 - 45 - 6789')).toEqual(['123 - 45 - 6789']);
    expect(spansFound(ssnDetector, 'ref 123 - 45 - 6789')).toEqual([]);
    // Dots between the groups, beside a word that says SSN (from the second independent corpus).
    expect(spansFound(ssnDetector, 'SSN - 130.75.2367')).toEqual(['130.75.2367']);
    expect(spansFound(ssnDetector, 'version 130.75.2367')).toEqual([]);
    // The SSA rules still decide: area 000 is never issued.
    expect(spansFound(ssnDetector, 'my social is 000456789')).toEqual([]);
  });
});

describe('My Number detector', () => {
  it('checks the official check digit', () => {
    expect(isValidMyNumber('123456789018')).toBe(true);
    expect(isValidMyNumber('123456789019')).toBe(false);
    expect(isValidMyNumber('12345678901')).toBe(false);
  });

  it('finds 4-4-4 groups with a valid check digit, in Japanese text and full-width digits', () => {
    expect(spansFound(myNumberDetector, '番号は1234 5678 9018です')).toEqual(['1234 5678 9018']);
    expect(spansFound(myNumberDetector, '１２３４－５６７８－９０１８')).toEqual(['１２３４－５６７８－９０１８']);
    expect(spansFound(myNumberDetector, '1234 5678 9019')).toEqual([]);
  });

  it('takes twelve bare digits only with context (one random id in ten passes the check digit)', () => {
    expect(spansFound(myNumberDetector, 'account 123456789018')).toEqual([]);
    expect(spansFound(myNumberDetector, 'マイナンバーは123456789018です')).toEqual(['123456789018']);
    expect(spansFound(myNumberDetector, '個人番号：１２３４５６７８９０１８')).toEqual(['１２３４５６７８９０１８']);
    expect(spansFound(myNumberDetector, '123456789018', 'myNumber')).toEqual(['123456789018']);
    expect(spansFound(myNumberDetector, 'マイナンバーは123456789019です')).toEqual([]);
    // A query key and the notification card (通知カード) that carried the number (from the second independent corpus).
    expect(spansFound(myNumberDetector, 'my_number=123456789018&name=suzuki')).toEqual(['123456789018']);
    expect(spansFound(myNumberDetector, '通知カードの番号 123456789018 で大丈夫ですか')).toEqual(['123456789018']);
  });
});

describe('IBAN detector', () => {
  it('finds electronic and print forms with a valid mod-97', () => {
    expect(spansFound(ibanDetector, 'IBAN DE89370400440532013000 please')).toEqual(['DE89370400440532013000']);
    expect(spansFound(ibanDetector, 'to GB29 NWBK 6016 1331 9268 19.')).toEqual(['GB29 NWBK 6016 1331 9268 19']);
    expect(spansFound(ibanDetector, 'nl91abna0417164300')).toEqual(['nl91abna0417164300']);
  });

  it('rejects a wrong checksum and a wrong country length', () => {
    expect(spansFound(ibanDetector, 'DE88370400440532013000')).toEqual([]);
    expect(spansFound(ibanDetector, 'DE8937040044053201300')).toEqual([]);
    expect(spansFound(ibanDetector, 'XX89370400440532013000')).toEqual([]);
  });

  it('finds print forms with dashes, as bank screens print them, and a mix of dashes and spaces', () => {
    expect(spansFound(ibanDetector, 'IBAN: DE89-3704-0044-0532-0130-00.')).toEqual(['DE89-3704-0044-0532-0130-00']);
    expect(spansFound(ibanDetector, '振込先 GB29-NWBK-6016-1331-9268-19 です')).toEqual(['GB29-NWBK-6016-1331-9268-19']);
    expect(spansFound(ibanDetector, 'DE89 3704-0044 0532 0130 00')).toEqual(['DE89 3704-0044 0532 0130 00']);
    // Two separators in a row are no print form.
    expect(spansFound(ibanDetector, 'DE89--3704-0044-0532-0130-00')).toEqual([]);
  });

  it('shows nothing of a dashed IBAN but its last four, and leaves a dashed reference whose checksum fails alone', () => {
    const engine = createMaskingEngine(undefined, {});
    expect(engine.maskText('IBAN: DE89-3704-0044-0532-0130-00.').display).toBe('IBAN: •••• 3000.');
    expect(engine.maskText('ref DE00-3704-0044-0532-0130-00').display).toBe('ref DE00-3704-0044-0532-0130-00');
  });

  it('finds an IBAN glued to other text', () => {
    expect(spansFound(ibanDetector, 'orderDE89370400440532013000please')).toEqual(['DE89370400440532013000']);
  });
});

describe('ABA routing detector', () => {
  it('checks the 3-7-1 checksum and prefix', () => {
    expect(isValidAbaRouting('011000015')).toBe(true);
    expect(isValidAbaRouting('021000021')).toBe(true);
    expect(isValidAbaRouting('011000016')).toBe(false);
    expect(isValidAbaRouting('990000012')).toBe(false);
  });

  it('needs routing/ABA/RTN nearby or in the attribute name', () => {
    expect(spansFound(abaRoutingDetector, 'routing 021000021')).toEqual(['021000021']);
    expect(spansFound(abaRoutingDetector, 'ABA#021000021')).toEqual(['021000021']);
    expect(spansFound(abaRoutingDetector, '021000021', 'bankRoutingNumber')).toEqual(['021000021']);
    expect(spansFound(abaRoutingDetector, 'ticket 021000021')).toEqual([]);
    expect(spansFound(abaRoutingDetector, 'abandoned 021000021')).toEqual([]);
    expect(spansFound(abaRoutingDetector, 'routing 021000022')).toEqual([]);
  });
});
