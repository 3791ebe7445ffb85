import { describe, expect, it } from 'vitest';
import { phoneMetadata } from '../../../src/core/phone/phoneLibrary.ts';
import { readCallerIdentity } from '../../../src/core/phone/readCallerIdentity.ts';
import { buildDenyList } from '../../../src/core/risk/DenyList.ts';

describe('readCallerIdentity', () => {
  const e164 = (raw: string, countries: Parameters<typeof readCallerIdentity>[1]) => {
    const identity = readCallerIdentity(raw, countries, phoneMetadata());
    return identity.kind === 'number' ? identity.e164 : identity.kind;
  };

  it('reads Japanese numbers in national and international forms as one number', () => {
    for (const raw of [
      '090-1234-5678',
      '09012345678',
      '(090) 1234 5678',
      '+81 90 1234 5678',
      '+81-90-1234-5678',
      '+819012345678',
      '0081 90 1234 5678',
      'tel:+81-90-1234-5678',
    ]) {
      expect(e164(raw, ['JP']), raw).toBe('+819012345678');
    }
    expect(e164('03-1234-5678', ['JP'])).toBe('+81312345678');
    expect(e164('+81 3 1234 5678', [])).toBe('+81312345678');
  });

  it('reads US numbers in national and international forms as one number', () => {
    for (const raw of [
      '(201) 555-0123',
      '201-555-0123',
      '201.555.0123',
      '1 201 555 0123',
      '+1 201 555 0123',
      '+12015550123',
      '011 1 201 555 0123',
      'sip:+12015550123@carrier.example;user=phone',
    ]) {
      expect(e164(raw, ['US']), raw).toBe('+12015550123');
    }
  });

  it('reads GB numbers in national and international forms as one number, the trunk 0 dropped', () => {
    for (const raw of ['020 7946 0000', '02079460000', '+44 20 7946 0000', '+44 (0)20 7946 0000', '+4402079460000', '0044 20 7946 0000']) {
      expect(e164(raw, ['GB']), raw).toBe('+442079460000');
    }
    expect(e164('07911 123456', ['GB'])).toBe('+447911123456');
    expect(e164('+44 7911 123456', [])).toBe('+447911123456');
  });

  it('tries the candidate countries in order and takes the first where the number is valid', () => {
    expect(e164('090-1234-5678', ['US', 'JP'])).toBe('+819012345678');
    expect(e164('(201) 555-0123', ['JP', 'US'])).toBe('+12015550123');
    expect(e164('07911 123456', ['JP', 'US', 'GB'])).toBe('+447911123456');
    // Valid in both: the more likely country (earlier candidate) decides.
    expect(e164('020 7946 0000', ['JP', 'GB'])).toBe('+812079460000');
    expect(e164('020 7946 0000', ['GB', 'JP'])).toBe('+442079460000');
    // Japan and the UK write national numbers with a trunk 0: without it, a number is not theirs.
    expect(e164('201 555 0123', ['JP', 'GB', 'US'])).toBe('+12015550123');
  });

  it('keeps digits that are no number of any candidate country as unrecognized', () => {
    expect(readCallerIdentity('090-1234-5678', ['US'], phoneMetadata())).toEqual({ kind: 'unrecognized', digits: '09012345678' });
    expect(readCallerIdentity('12345', ['JP', 'US'], phoneMetadata())).toEqual({ kind: 'unrecognized', digits: '12345' });
    expect(readCallerIdentity('090-1234-5678', [], phoneMetadata())).toEqual({ kind: 'unrecognized', digits: '09012345678' });
  });

  it('labels withheld and anonymous callers, never as numbers', () => {
    for (const raw of [
      'anonymous',
      'Anonymous',
      'private',
      'PRIVATE',
      'unknown',
      'withheld',
      'restricted',
      '',
      '   ',
      '+',
      '-',
      'sip:anonymous@anonymous.invalid',
      '+anonymous',
      'abc123',
      `+${'1'.repeat(80)}`,
    ]) {
      expect(readCallerIdentity(raw, ['JP', 'US'], phoneMetadata()), raw).toEqual({ kind: 'withheld' });
    }
    expect(readCallerIdentity(null, ['JP'], phoneMetadata())).toEqual({ kind: 'withheld' });
    expect(readCallerIdentity(undefined, ['JP'], phoneMetadata())).toEqual({ kind: 'withheld' });
  });
});

describe('buildDenyList', () => {
  it('matches a caller in any spelling against the E.164 entry', () => {
    const list = buildDenyList(['+819012345678', '+12015550123', '+4402079460000'], phoneMetadata());
    const denied = (raw: string, countries: Parameters<typeof readCallerIdentity>[1]) => {
      const identity = readCallerIdentity(raw, countries, phoneMetadata());
      return identity.kind === 'number' && list.has(identity.e164);
    };
    expect(denied('090-1234-5678', ['JP'])).toBe(true);
    expect(denied('+81 90 1234 5678', [])).toBe(true);
    expect(denied('+81-90-1234-5678', [])).toBe(true);
    expect(denied('(201) 555-0123', ['US'])).toBe(true);
    expect(denied('020 7946 0000', ['GB'])).toBe(true);
    expect(denied('+44 20 7946 0000', [])).toBe(true);
    expect(denied('090-1234-5679', ['JP'])).toBe(false);
    expect(denied('+1 201 555 0124', [])).toBe(false);
    expect(denied('090-1234-5678', ['US'])).toBe(false);
  });

  it('counts each number once', () => {
    expect(buildDenyList(['+4402079460000', '+442079460000', '+819012345678'], phoneMetadata()).size).toBe(2);
    expect(buildDenyList([], phoneMetadata()).size).toBe(0);
  });
});
