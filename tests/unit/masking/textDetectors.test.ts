import { describe, expect, it } from 'vitest';
import { ciphertextDetector } from '../../../src/core/masking/detectors/ciphertext.ts';
import { createCustomPatternDetector } from '../../../src/core/masking/detectors/customPatterns.ts';
import { dateOfBirthDetector } from '../../../src/core/masking/detectors/dateOfBirth.ts';
import { emailDetector } from '../../../src/core/masking/detectors/email.ts';
import { createDetectionInput } from '../../../src/core/masking/createDetectionInput.ts';
import { createPhoneDetector } from '../../../src/core/masking/detectors/phone.ts';
import { spansFound } from './detect.ts';

describe('e-mail detector', () => {
  it('finds addresses in text without the sentence punctuation', () => {
    expect(spansFound(emailDetector, 'write to john.doe+cs@example.co.jp. thanks')).toEqual(['john.doe+cs@example.co.jp']);
    expect(spansFound(emailDetector, 'メールはtaro@example.comです')).toEqual(['taro@example.com']);
    expect(spansFound(emailDetector, 'ＴＡＲＯ＠ＥＸＡＭＰＬＥ．ＣＯＭ')).toEqual(['ＴＡＲＯ＠ＥＸＡＭＰＬＥ．ＣＯＭ']);
  });

  it('finds an address whose @ is percent-encoded in a URL, and no %40 that is not one', () => {
    expect(spansFound(emailDetector, 'https://form.example.jp/inquiry?tel=08055557777&mail=ito.y%40au.com&type=2')).toEqual(['ito.y%40au.com']);
    expect(spansFound(emailDetector, 'mailto:taro%40example.com and hanako@example.jp')).toEqual(['taro%40example.com', 'hanako@example.jp']);
    for (const text of ['a%40b', '100%40 discount', '50%OFF']) expect(spansFound(emailDetector, text)).toEqual([]);
  });

  it('reads a text of many @ and many % once: 4× the input costs about 4× the searching', () => {
    // Counted, not timed: every character an indexOf call passes over.
    const searched = (text: string): number => {
      const indexOf = String.prototype.indexOf;
      let work = 0;
      String.prototype.indexOf = function (this: string, search: string, from?: number) {
        const found = indexOf.call(this, search, from);
        work += (found < 0 ? this.length : found) - (from ?? 0) + 1;
        return found;
      };
      try {
        emailDetector.detect(createDetectionInput(text, undefined));
      } finally {
        String.prototype.indexOf = indexOf;
      }
      return work;
    };
    const text = (n: number) => 'a@'.repeat(n) + '%'.repeat(n) + 'x%40y.jp';
    expect(searched(text(4000)) / searched(text(1000))).toBeLessThan(5);
  });

  it('finds addresses at internationalised domains, without the Japanese written after them', () => {
    expect(spansFound(emailDetector, 'user@例え.jp')).toEqual(['user@例え.jp']);
    expect(spansFound(emailDetector, 'info@bücher.de, bitte')).toEqual(['info@bücher.de']);
    expect(spansFound(emailDetector, 'ご連絡はtaro@営業.例え.jpまでお願いします。')).toEqual(['taro@営業.例え.jp']);
    expect(spansFound(emailDetector, 'taro@example.co.jpまで.よろしく')).toEqual(['taro@example.co.jp']);
    // Japanese glued to an ASCII domain holds no top-level label: the ASCII address alone.
    expect(spansFound(emailDetector, 'x_y@mail.example.ー1997-08-11')).toEqual(['x_y@mail.example']);
    for (const text of ['taro@例え', '@山田さん.よろしく']) expect(spansFound(emailDetector, text), text).toEqual([]);
  });

  it('rejects handles, bare @ and numeric top-level labels', () => {
    for (const text of ['@agent', 'a@b', 'user@host', 'x@1.2.3.4', '@@@@', 'price @ 12.50']) {
      expect(spansFound(emailDetector, text)).toEqual([]);
    }
  });
});

describe('phone detector', () => {
  const us = createPhoneDetector('US');
  const jp = createPhoneDetector('JP');

  it('finds international and national numbers for the default country', () => {
    expect(spansFound(us, 'call (213) 373-4253 now')).toEqual(['(213) 373-4253']);
    expect(spansFound(us, 'caller +81 90-1234-5678')).toEqual(['+81 90-1234-5678']);
    expect(spansFound(jp, '電話は090-1234-5678まで')).toEqual(['090-1234-5678']);
    expect(spansFound(jp, '電話０９０ー１２３４ー５６７８')).toEqual(['０９０ー１２３４ー５６７８']);
  });

  it('finds international numbers whose area code is one digit (Tokyo, Paris)', () => {
    expect(spansFound(us, 'caller +81 3 1234 5678')).toEqual(['+81 3 1234 5678']);
    expect(spansFound(us, 'bureau +33 1 42 68 53 00')).toEqual(['+33 1 42 68 53 00']);
    // Without the +, a lone digit in the middle still ends a number-shaped window.
    expect(spansFound(us, 'items 81 3 1234 5678')).toEqual([]);
  });

  it('leaves numbers glued to identifiers, timestamps, dates and amounts alone', () => {
    for (const text of ['ORD-2024-000123', 'INV_4155552671', '1732838400000', '2024-11-29', '$1,234.56', 'zip 94105-1234', '〒100-0001']) {
      expect(spansFound(us, text)).toEqual([]);
    }
    expect(spansFound(jp, 'ORD-2024-000123')).toEqual([]);
  });

  it('falls back to international numbers only for an unknown country', () => {
    const none = createPhoneDetector('XX');
    expect(spansFound(none, '(213) 373-4253')).toEqual([]);
    expect(spansFound(none, '+1 213 373 4253')).toEqual(['+1 213 373 4253']);
  });
});

describe('date-of-birth detector', () => {
  it('finds dates next to a birth word', () => {
    expect(spansFound(dateOfBirthDetector, 'DOB: 1990-01-15')).toEqual(['1990-01-15']);
    expect(spansFound(dateOfBirthDetector, 'born 01/15/1990 in Ohio')).toEqual(['01/15/1990']);
    expect(spansFound(dateOfBirthDetector, '生年月日：1990年1月15日')).toEqual(['1990年1月15日']);
    expect(spansFound(dateOfBirthDetector, '誕生日は平成2年1月15日です')).toEqual(['平成2年1月15日']);
    expect(spansFound(dateOfBirthDetector, 'date of birth: Jan 15, 1990')).toEqual(['Jan 15, 1990']);
  });

  it('finds the other ways contact centres write a birth date', () => {
    const cases: Array<[string, string]> = [
      ['DOB 4/12/85', '4/12/85'],
      ['DOB: 12.04.85, thanks', '12.04.85'],
      ['生年月日 昭和60.4.12', '昭和60.4.12'],
      ['生年月日 S60.4.12 電話 090-1234-5678', 'S60.4.12'],
      ['生年月日：H2/1/15', 'H2/1/15'],
      ['生年月日 R1-5-1', 'R1-5-1'],
      ['生年月日 平成2年 1月 15日', '平成2年 1月 15日'],
      ['birthdate 19850412', '19850412'],
      ['DOB 1985 04 12', '1985 04 12'],
      ['生年月日 1985年 4月 12日', '1985年 4月 12日'],
      ['born 12-Apr-1985', '12-Apr-1985'],
      // A longer number in front does not hide the date behind it.
      ['born: ref 023683 11/20/1973', '11/20/1973'],
      ['born 0-10/24/1957', '10/24/1957'],
      // 生 right after the date: "born", as forms write it short.
      ['平成2年4月12日生', '平成2年4月12日'],
      // The era in parentheses after the year, as forms ask for both (from the second independent corpus).
      ['生年月日：1975年（昭和50年）3月21日', '1975年（昭和50年）3月21日'],
      ['生年月日 1990年(平成2年)5月14日', '1990年(平成2年)5月14日'],
      // 年の, as it is said (from the third independent corpus).
      ['誕生日は平成3年の5月8日です', '平成3年の5月8日'],
      ['生年月日：1985年の4月12日', '1985年の4月12日'],
      ['my name is Denise Carter date of birth 09 17 1972 and my zip is 30309', '09 17 1972'],
      ['DOB: 3rd of June 1968', '3rd of June 1968'],
      ['昭和60年4月12日生、東京都出身', '昭和60年4月12日'],
      ['１９８５年４月１２日生', '１９８５年４月１２日'],
      // 生 after an era letter's date or a slashed one; a comma after the month.
      ['S55.4.12生 男性', 'S55.4.12'],
      ['1980/4/12生', '1980/4/12'],
      ['born on the 4th of July, 1982', '4th of July, 1982'],
      ['DOB: 12 April, 1980', '12 April, 1980'],
    ];
    for (const [text, date] of cases) expect(spansFound(dateOfBirthDetector, text), text).toEqual([date]);
  });

  it('finds "bday" dates, and the dates of a table column its header names a birth date, not the other columns', () => {
    expect(spansFound(dateOfBirthDetector, 'bday 4/7/88')).toEqual(['4/7/88']);
    expect(spansFound(dateOfBirthDetector, 'acct_id,email,phone,dob\n100293,sarah@example.com,+1-312-555-0147,1990-07-22')).toEqual(['1990-07-22']);
    expect(spansFound(dateOfBirthDetector, '顧客ID,電話番号,メールアドレス,生年月日\nC-00231,090-3344-5566,m.sato@example.jp,1982/03/09')).toEqual([
      '1982/03/09',
    ]);
    expect(spansFound(dateOfBirthDetector, 'id,visit_date,dob\n1,2024-05-06,1980-01-02\n2,2024-05-07,"1975-12-31"')).toEqual(['1980-01-02', '1975-12-31']);
    expect(spansFound(dateOfBirthDetector, 'id\tdob\tvisit\n1\t1980-01-02\t2024-05-06')).toEqual(['1980-01-02']);
    // A birth word on the row's own line still counts.
    expect(spansFound(dateOfBirthDetector, 'name,notes\nTaro,born 1980-01-02')).toEqual(['1980-01-02']);
    expect(spansFound(dateOfBirthDetector, 'id,visit_date\n1,2024-05-06')).toEqual([]);
  });

  it('finds any date in an attribute named as a birth date', () => {
    expect(spansFound(dateOfBirthDetector, '1990-01-15', 'customerDateOfBirth')).toEqual(['1990-01-15']);
  });

  it('leaves dates without birth context alone', () => {
    for (const text of [
      'appointment 2024-11-29',
      'due 11/29/2024',
      'shipped 2024年11月29日',
      '12/29',
      'appointment 4/12/85',
      'order 19850412',
      'R1-5-1',
      'born 19851312',
      'DOB 4/12/851',
      // 生 that starts another word: 生命保険 (life insurance), 生活.
      '2024年4月1日生命保険の契約',
      '2024年4月1日生活相談',
      '2024/04/01生産分',
      '2024/04/01生鮮食品',
    ]) {
      expect(spansFound(dateOfBirthDetector, text)).toEqual([]);
    }
  });
});

describe('ciphertext detector', () => {
  it('finds AWS Encryption SDK messages and long random base64', () => {
    const esdk = 'AYADeHh2cGxhY2Vob2xkZXJjaXBoZXJ0ZXh0AAAAAQAVYXdzLWNyeXB0by1wdWJsaWMta2V5';
    expect(spansFound(ciphertextDetector, `value ${esdk} end`)).toEqual([esdk]);
    expect(spansFound(ciphertextDetector, 'AgV4aGVsbG8gd29ybGQgdGhpcyBpcw==')).toEqual(['AgV4aGVsbG8gd29ybGQgdGhpcyBpcw==']);
    const blob = 'q8Zk3Lr9Tn2Xw7Vb4Mc1Pa6Hs0Jd5Gf8Ek2Yu9Ri3Ot7Wl==';
    expect(spansFound(ciphertextDetector, blob)).toEqual([blob]);
    // A blob beside a UUID is still one.
    expect(spansFound(ciphertextDetector, `id=123e4567-e89b-12d3-a456-426614174000-${blob}`)).toEqual([`id=123e4567-e89b-12d3-a456-426614174000-${blob}`]);
  });

  it('leaves UUIDs, hex digests, words, URLs and references alone', () => {
    for (const text of [
      '123e4567-e89b-12d3-a456-426614174000',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'CustomerReferenceNumberForTheSpringPromotion2024',
      'https://docs.aws.amazon.com/connect/latest/adminguide/encrypt-data.html',
      'ORD-2024-000123-SHIPPING-PRIORITY-OVERNIGHT-DELIVERY',
      // A log's key glued to a UUID (from the fourth independent corpus): the UUID's hex switches case classes often.
      'ContactId=3f9c2a71-8e4b-4d0f-b6a2-91c7e5d40b18 InitialContactId=3f9c2a71-8e4b-4d0f-b6a2-91c7e5d40b18',
    ]) {
      expect(spansFound(ciphertextDetector, text)).toEqual([]);
    }
  });
});

describe('custom pattern detector', () => {
  it('finds every match of a policy pattern', () => {
    const policyNumber = createCustomPatternDetector({ name: 'policyNumber', regex: 'POL-[0-9]{6}' });
    expect(spansFound(policyNumber, 'POL-123456 and POL-654321, not POL-12')).toEqual(['POL-123456', 'POL-654321']);
  });

  it('survives zero-length matches', () => {
    const empty = createCustomPatternDetector({ name: 'empty', regex: 'x*' });
    expect(spansFound(empty, 'abxxc')).toEqual(['xx']);
  });

  it('throws on every value when the pattern does not compile, so values fail closed', () => {
    const broken = createCustomPatternDetector({ name: 'broken', regex: '(' });
    expect(() => spansFound(broken, 'anything')).toThrow(/broken/);
  });
});
