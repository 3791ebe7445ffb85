import { describe, expect, it } from 'vitest';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';

// What a supervisor's reveal shows (security finding 1 of issue 11): the findings of the revealed
// kind, and nothing else that was masked.
const engine = createMaskingEngine({ attributeRules: [{ match: 'accountNumber', kind: 'accountNumber' }] });
const SSN = '123-45-6789';
const IBAN = 'DE89 3704 0044 0532 0130 00';
const MY_NUMBER = '1234 5678 9018';

describe('revealDisplay', () => {
  it('reveals a date-of-birth attribute without the SSN that sits in it', () => {
    const revealed = engine.revealDisplay('dateOfBirth', `1990-01-15, SSN ${SSN}`, 'dob');
    expect(revealed.display).toBe('1990-01-15, SSN •••• 6789');
    expect(revealed.shownKinds).toEqual(['dob']);
  });

  it('reveals an account number (a name rule) with the IBAN and My Number inside it still masked', () => {
    const revealed = engine.revealDisplay('accountNumber', `IBAN ${IBAN}, マイナンバー ${MY_NUMBER}`, 'accountNumber');
    expect(revealed.display).toBe('IBAN •••• 3000, マイナンバー [My Number]');
    expect(revealed.display).not.toContain('0532');
    expect(revealed.shownKinds).toEqual(['accountNumber']);
  });

  it('shows one kind of a free-text value at a time', () => {
    const memo = `DOB 1990-01-15 ssn ${SSN}`;
    expect(engine.revealDisplay('memo', memo, 'dob')).toMatchObject({ display: 'DOB 1990-01-15 ssn •••• 6789', shownKinds: ['dob'] });
    expect(engine.revealDisplay('memo', memo, 'ssn')).toMatchObject({ display: `DOB •••••••• ssn ${SSN}`, shownKinds: ['ssn'] });
  });

  it('shows nothing for a kind the value does not hold, or one another name rule decides', () => {
    expect(engine.revealDisplay('memo', `ssn ${SSN}`, 'email')).toMatchObject({ display: 'ssn •••• 6789', shownKinds: [] });
    expect(engine.revealDisplay('accountNumber', `IBAN ${IBAN}`, 'iban')).toMatchObject({ display: '•••• 3000', shownKinds: [] });
  });

  it('never shows cards or ciphertext, whichever kind is asked for', () => {
    expect(engine.revealDisplay('memo', `SSN ${SSN}, card 4111111111111111`, 'ssn').display).toBe(`SSN ${SSN}, card •••• 1111`);
    expect(engine.revealDisplay('cardNumber', '4111111111111111', 'pan')).toMatchObject({ display: '•••• 1111', shownKinds: [] });
    expect(engine.revealDisplay('memo', 7, 'ssn')).toMatchObject({ shownKinds: [] });
  });
});
