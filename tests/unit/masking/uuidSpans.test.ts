import { describe, expect, it } from 'vitest';
import { uuidSpans } from '../../../src/core/masking/uuidSpans.ts';

const UUID = '123e4567-e89b-12d3-a456-426614174000';

describe('uuidSpans', () => {
  it('finds UUIDs in either letter case, anywhere in a text', () => {
    const text = `contact ${UUID} / request ${UUID.toUpperCase()}`;
    expect(uuidSpans(text)).toEqual([
      { start: 8, end: 44 },
      { start: 55, end: 91 },
    ]);
  });

  it('does not count a UUID glued to more hex digits or dashes', () => {
    expect(uuidSpans(`a${UUID}`)).toEqual([]);
    expect(uuidSpans(`${UUID}0`)).toEqual([]);
    expect(uuidSpans(`-${UUID}`)).toEqual([]);
    expect(uuidSpans(`${UUID}-`)).toEqual([]);
    expect(uuidSpans(`x${UUID}x`)).toEqual([{ start: 1, end: 37 }]);
  });

  it('needs every segment at its exact length and hex only', () => {
    expect(uuidSpans('123e4567-e89b-12d3-a456-42661417400')).toEqual([]);
    expect(uuidSpans('123e4567-e89b-12d3-a456_426614174000')).toEqual([]);
    expect(uuidSpans('123e4567-e89b-12g3-a456-426614174000')).toEqual([]);
    expect(uuidSpans('1234-5678-1234-5678')).toEqual([]);
  });
});
