import { describe, expect, it } from 'vitest';
import { HAN, isHanUnit } from '../../scripts/pipeline/han.ts';
import { sources } from './sources.ts';

describe('isHanUnit: the answer of /\\p{Script=Han}/u for one UTF-16 unit', () => {
  it('for every BMP unit', () => {
    const wrong: number[] = [];
    for (let code = 0; code < 0x10000; code++) if (isHanUnit(code) !== HAN.test(String.fromCharCode(code))) wrong.push(code);
    expect(wrong).toEqual([]);
  });
  it('Han, not Han, surrogates', () => {
    expect(isHanUnit('发'.charCodeAt(0))).toBe(true);
    expect(isHanUnit('發'.charCodeAt(0))).toBe(true);
    expect(isHanUnit('〇'.charCodeAt(0))).toBe(true);
    expect(isHanUnit('，'.charCodeAt(0))).toBe(false);
    expect(isHanUnit('a'.charCodeAt(0))).toBe(false);
    expect(isHanUnit('𠀀'.charCodeAt(0))).toBe(false); // a lone high surrogate
    expect(isHanUnit(Number.NaN)).toBe(false); // charCodeAt past the end
  });
  it('on every character of the five real sources', () => {
    for (const s of sources) for (const c of s.text) if (c.length === 1) expect(isHanUnit(c.charCodeAt(0))).toBe(HAN.test(c));
  });
});
