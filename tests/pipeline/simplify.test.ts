import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../scripts/pipeline/lines.ts';
import { detectScript, scriptStats, simplifyLines, toSimplified } from '../../scripts/pipeline/simplify.ts';
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
