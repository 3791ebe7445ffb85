import { describe, expect, it } from 'vitest';
import { createMaskingEngine } from '../../../src/core/masking/createMaskingEngine.ts';

const engine = createMaskingEngine(undefined, { locale: 'en-US' });

describe('numbers percent-encoded in a URL', () => {
  it.each([
    ['a "+" before a phone number', 'https://crm.example.com/pop?msisdn=%2B447458203117&lang=en', 'https://crm.example.com/pop?msisdn=•••• 3117&lang=en'],
    ['a lower-case "%2b"', 'callback?to=%2b14155550123', 'callback?to=•••• 0123'],
    ["spaces between a card number's groups", 'pay?card=4111%201111%201111%201111&ok=1', 'pay?card=•••• 1111&ok=1'],
    ["dashes between an SSN's groups", 'verify?ssn=219%2D09%2D9999', 'verify?ssn=•••• 9999'],
  ])('reads %s', (_case, text, display) => {
    expect(engine.maskText(text).display).toBe(display);
  });

  it.each([
    ['an encoded space between words', 'search?q=order%20status%202025'],
    ['an encoded space after a word', 'q=hello%20world%2012'],
    ['an encoded "+" before letters', 'tag=abc%2Bdef'],
    ['a short number after an encoded "+"', 'rating=%2B12'],
  ])('leaves %s alone', (_case, text) => {
    expect(engine.maskText(text).display).toBe(text);
  });
});
