import { describe, expect, it } from 'vitest';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';
import { passesLuhn } from '../../../src/core/masking/luhn.ts';
import { isValidMyNumber } from '../../../src/core/masking/detectors/myNumber.ts';

const engines = [
  createMaskingEngine(undefined, { defaultCountry: 'US' }),
  createMaskingEngine(undefined, { defaultCountry: 'JP' }),
  createMaskingEngine(undefined),
];

describe('digit windows inside longer digit sequences are not claimed', () => {
  it.each([
    // USPS-style 22-digit tracking number; 0000 0000 0000 is a valid My Number by its check digit.
    ['parcel 9400 1000 0000 0000 0000 00 delivered'],
    // 16-digit member id that fails Luhn; its first twelve digits pass the My Number check.
    ['member 5506 1408 9288 5764'],
    // IBAN-shaped reference whose mod-97 fails; 20 digits with Luhn-valid windows inside.
    ['ref DE00 1234 5678 9012 3456 78'],
    ['AT658109925298109243'],
    // ISO date-time: 2025-03-21 08 reads as a US number (202) 503-2108.
    ['2025-03-21 08:56:02'],
    ['updated 2025-03-21 08:56 JST'],
    // Luhn-valid 13-digit epoch milliseconds.
    ['ts 1732838400007'],
    // A phone-shaped window of a longer grouping: 045-566-5750 in Yokohama, (970) 508-2604 in Colorado.
    ['parcel 9400 7785 4425 0455 6657 50'],
    ['card 3600 9705 0826 04 declined'],
    // Ten digits grouped 3-7 are no North American number: (339) 207-3916 is never written so.
    ['ご注文番号は339-2073916です'],
  ])('%s stays visible', (text) => {
    for (const engine of engines) expect(engine.maskText(text).display).toBe(text);
  });

  it('the windows really are valid on their own', () => {
    expect(isValidMyNumber('000000000000')).toBe(true);
    expect(isValidMyNumber('550614089288')).toBe(true);
    expect(passesLuhn('5506140892885764')).toBe(false);
    expect(passesLuhn('1732838400007')).toBe(true);
  });

  it('still finds a number that is its whole sequence, or stands in its own format next to another number', () => {
    const engine = createMaskingEngine(undefined, { defaultCountry: 'US' });
    expect(engine.maskText('qty 2 4111 1111 1111 1111 total 3').display).toBe('qty 2 •••• 1111 total 3');
    expect(engine.maskText('ref 4111 1111 3782 822463 10005').display).toBe('ref 4111 1111 •••• 0005');
    expect(engine.maskText('INV-2024-11-0042 4111 1111 1111 1111').display).toBe('INV-2024-11-0042 •••• 1111');
    expect(engine.maskText('my number 5506 1408 9288').display).toBe('my number [My Number]');
    expect(engine.maskText('ssn 123-45-6789').display).toBe('ssn •••• 6789');
  });

  it('does not claim three groups of a four-group run as an SSN or My Number, nor a dashed SSN glued to more digits', () => {
    const engine = createMaskingEngine(undefined, { defaultCountry: 'US' });
    expect(engine.maskText('id 123-45-6789-0').display).toBe('id 123-45-6789-0');
    expect(engine.maskText('1234 5506 1408 9288').display).toBe('1234 5506 1408 9288');
  });
});

describe('a UPS tracking number printed in groups', () => {
  it.each(['shipment 1Z 999 AA1 01 2345 6784', '1z 999 aa1 01 2345 6784 delivered', 'UPS 1Z999AA1 01 2345 6784'])('is no phone number: %s', (text) => {
    for (const engine of engines) expect(engine.maskText(text).display).toBe(text);
  });

  it('leaves a phone number after a label or beside a tracking number found', () => {
    const engine = createMaskingEngine(undefined);
    expect(engine.maskText('Room A1 03-1234-5678').display).toBe('Room A1 •••• 5678');
    expect(engine.maskText('A1 B2 03-1234-5678').display).toBe('A1 B2 •••• 5678');
    expect(engine.maskText('1Z 999 AA1 01 2345 6784 090-1234-5678').display).toBe('1Z 999 AA1 01 2345 6784 •••• 5678');
    // Not a UPS number: one character too many in front.
    expect(engine.maskText('X1Z 999 AA1 01 2345 6784').display).toBe('X1Z 999 AA1 •••• 6784');
  });
});
