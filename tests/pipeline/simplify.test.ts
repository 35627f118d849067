import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../scripts/pipeline/lines.ts';
import { conversionChainOnly, detectScript, scriptStats, simplifyLines, toSimplified } from '../../scripts/pipeline/simplify.ts';
import { source, sources } from './sources.ts';

const reference = OpenCC.Converter({ from: 't', to: 'cn' });

describe('simplify: script detection', () => {
  it('the damaged copies are traditional, the others simplified', () => {
    expect(Object.fromEntries(sources.map((s) => [s.id, detectScript(s.text)]))).toEqual({
      '000': 'traditional',
      '001': 'traditional',
      '002': 'simplified',
      '003': 'simplified',
      '004': 'simplified',
    });
  });

  it('counts traditional characters (those t→cn changes)', () => {
    expect(scriptStats('發展長三角一體化')).toEqual({ han: 8, traditional: 3 });
    expect(scriptStats('发展长三角 abc')).toEqual({ han: 5, traditional: 0 });
  });

  it('stops counting at `enough` traditional characters; the decision is the same as over the whole sample', () => {
    expect(scriptStats('發展長三角一體化', Infinity, 2)).toEqual({ han: 3, traditional: 2 });
    // 50 traditional characters early, then 950 simplified ones: 5% of the sample exactly
    const edge = `${'發'.repeat(50)}${'发'.repeat(950)}`;
    expect(scriptStats(edge, 1000)).toEqual({ han: 1000, traditional: 50 });
    expect(detectScript(edge)).toBe('traditional');
    // one fewer traditional character: below 5%
    expect(detectScript(`${'發'.repeat(49)}${'发'.repeat(951)}`)).toBe('simplified');
  });

  it('a simplified text quoting a few traditional characters stays simplified', () => {
    expect(detectScript(`${source('003').text}（原文：長江）`)).toBe('simplified');
  });

  it('short texts: at least 3 traditional characters', () => {
    expect(detectScript('發展長三角')).toBe('simplified');
    expect(detectScript('發展長三角一體化')).toBe('traditional');
  });
});

describe('simplify: conversion', () => {
  it('converts line by line, keeping the lines', () => {
    const lines = splitLines('長三角一體化發展\n\n蕪湖會議');
    simplifyLines(lines);
    expect(lines.map((l) => l.text)).toEqual(['长三角一体化发展', '', '芜湖会议']);
  });

  it('matches bare opencc-js on the whole text of the damaged copies', () => {
    for (const id of ['000', '001']) {
      const lines = splitLines(source(id).text);
      simplifyLines(lines);
      expect(lines.map((l) => l.text).join('\n')).toBe(reference(source(id).text));
    }
  });

  it('toSimplified is opencc-js t→cn', () => {
    expect(toSimplified('吳政隆 車俊 李錦斌')).toBe('吴政隆 车俊 李锦斌');
  });
});

describe('simplify: conversion chain alone when normalisation has nothing to do', () => {
  type Dict = string | readonly (readonly [string, string])[];
  const preset = (OpenCC.Locale.configs as unknown as Record<string, { normalizationChain?: Dict[][]; conversionChain: Dict[][] }>)['t2s']!;
  const entries = (chain: Dict[][] | undefined): (readonly [string, string])[] =>
    (chain ?? []).flat().flatMap((d) => (typeof d === 'string' ? d.split('|').map((e) => e.split(' ') as [string, string]) : d));

  it('is in use with this opencc-js (the t2s preset has the expected shape)', () => {
    expect(conversionChainOnly()).not.toBeNull();
    expect(entries(preset.normalizationChain).length).toBeGreaterThan(0);
  });

  it('recognises the first unit of every key normalisation changes, and nothing of the damaged copies', () => {
    const { normalizes } = conversionChainOnly()!;
    for (const [key, value] of entries(preset.normalizationChain)) {
      if (key === value) continue;
      expect(normalizes(key[0]!), key).toBe(true);
      // anywhere in a text, lines included
      expect(normalizes(`長三角\n一${key[0]!}體化`), key).toBe(true);
    }
    expect(normalizes('長三角一體化發展 abc 123，。')).toBe(false);
    expect(normalizes('')).toBe(false);
    for (const id of ['000', '001']) expect(normalizes(source(id).text)).toBe(false);
  });

  it('matches bare opencc-js on every key of its conversion dictionaries, in context', () => {
    const keys = entries(preset.conversionChain).map(([key]) => key);
    expect(keys.length).toBeGreaterThan(1000);
    for (const key of keys) {
      const text = `於${key}發展,${key}一目${key}`;
      expect(toSimplified(text), key).toBe(reference(text));
    }
    // and lines of all of them at once
    const text = keys.join('\n');
    const lines = splitLines(text);
    simplifyLines(lines);
    expect(lines.map((l) => l.text).join('\n')).toBe(reference(text));
  });

  it('a text with a key that normalisation changes takes the full converter', () => {
    const changing = entries(preset.normalizationChain).filter(([key, value]) => key !== value);
    expect(changing.length).toBeGreaterThan(0);
    const only = conversionChainOnly()!;
    let needed = 0;
    for (const [key] of changing) {
      const text = `長${key}江`;
      if (only.convert(text) !== reference(text)) needed++;
      expect(toSimplified(text), key).toBe(reference(text));
    }
    // the conversion chain alone would get some of them wrong: the check is not idle
    expect(needed).toBeGreaterThan(0);
  });
});
