import { describe, expect, it } from 'vitest';
import { splitLines } from '../../scripts/pipeline/lines.ts';
import { hasAnnotations, isPinyin, removePinyin } from '../../scripts/pipeline/pinyin.ts';
import { fixture, source, sources } from './sources.ts';

/** a pinyin annotation left after a Han character or `?` (tone-marked or plain syllables) */
const REMNANT = /[\p{Script=Han}?A-Za-z]\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü' ]*\)|\?[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)/u;

function run(text: string) {
  const lines = splitLines(text);
  const result = removePinyin(lines);
  return { lines, result, text: lines.map((l) => l.text).join('\n') };
}

describe('pinyin: syllables', () => {
  it('accepts pinyin with or without tone marks, one or more syllables', () => {
    for (const s of ['fā', 'guān', 'zhōng', 'lǜ', 'nǚ', 'de', 'xiàn', 'zhōngguó', 'zhōng guó', "xī'ān", 'ér', 'ng']) expect(isPinyin(s), s).toBe(true);
  });
  it('rejects words and abbreviations that are not pinyin', () => {
    for (const s of ['app', 'ict', 'vr', 'wifi', 'xyz', 'bbc', 'ok', 'q', 'yy', 'wu wei x', '']) expect(isPinyin(s), s).toBe(false);
  });
});

describe('pinyin: small fixtures', () => {
  it('removes an annotation after a Han character', () => {
    expect(run('發(fā)展和改革').text).toBe('發展和改革');
  });

  it('removes multi-syllable annotations', () => {
    expect(run('中國(zhōng guó)和西安(xī ān)').text).toBe('中國和西安');
  });

  it('keeps `?` where a character was lost with its `(`, and records the pinyin as a hint', () => {
    const { lines, result, text } = run('勇挑重?fù)?dān),從增強');
    expect(text).toBe('勇挑重??,從增強');
    expect([...result.hints.get(lines[0]!)!]).toEqual([
      [3, 'fù'],
      [4, 'dān'],
    ]);
  });

  it('a `?` with its parenthesis intact is a lost character too', () => {
    const { lines, text, result } = run('重?(fù)擔');
    expect(text).toBe('重?擔');
    expect(result.hints.get(lines[0]!)!.get(1)).toBe('fù');
  });

  it('after a Latin letter, only a tone-marked syllable is an annotation', () => {
    expect(run('發(fā) 皖I(lǐng)CP備 Windows(xp) f(x)').text).toBe('發 皖ICP備 Windows(xp) f(x)');
  });

  it('an annotation is what lies between a `)` and the nearest `(` or `?` before it, 48 characters at most', () => {
    const six = 'zhuàng zhuàng zhuàng zhuàng zhuàng zhuàng'; // 41 characters, six syllables
    expect(run(`狀(${six})態`).text).toBe('狀態');
    expect(run(`狀(${six}       )態`).text).toBe('狀態'); // 48, trimmed
    expect(run(`狀(${six}        )態`).text).toBe(`狀(${six}        )態`); // 49
    // the `?` nearest the `)` starts the lost character's pinyin; a `(` further back does not count
    expect(run('重(x)?fù)擔').text).toBe('重(x)?擔');
    expect(run('重?(x fù)擔').text).toBe('重?(x fù)擔');
  });

  it('leaves real parentheses alone', () => {
    const text = '易煉紅講話(浙江衛視畫面) (宗禾) 長江岸線(蕪湖段) 公司(IBM) 客戶端(app) f(x) 共(0)條 發(fā)';
    expect(run(text).text).toBe('易煉紅講話(浙江衛視畫面) (宗禾) 長江岸線(蕪湖段) 公司(IBM) 客戶端(app) f(x) 共(0)條 發');
  });

  it('counts per line and remembers the readings seen', () => {
    const { result } = run('發(fā)展\n負(fù)責(zé)和發(fā)');
    expect([...result.removed]).toEqual([
      [1, 1],
      [2, 3],
    ]);
    expect([...result.readings.get('負')!]).toEqual(['fù']);
    expect([...result.readings.get('發')!]).toEqual(['fā']);
  });

  it('remembers readings by character, in order of first sight, outside the BMP too', () => {
    const { text, result } = run('𠮷(jí)祥 發(fā)展 𠮷(jié) 發(fà)');
    expect(text).toBe('𠮷祥 發展 𠮷 發');
    expect([...result.readings.keys()]).toEqual(['𠮷', '發']);
    expect([...result.readings.get('𠮷')!]).toEqual(['jí', 'jié']);
    expect([...result.readings.get('發')!]).toEqual(['fā', 'fà']);
  });

  it('the damaged fixture has no remnant left', () => {
    const { text } = run(fixture('damaged-small.txt'));
    expect(text).not.toMatch(REMNANT);
    expect(text).toContain('吳政??');
    expect(text).toContain('重??');
  });
});

describe('pinyin: the five real sources', () => {
  it('only the damaged copies carry the signature', () => {
    expect(sources.filter((s) => hasAnnotations(s.text)).map((s) => s.id)).toEqual(['000', '001']);
  });

  it('the simplified sources would pass through byte-identical even if the step ran on them', () => {
    for (const id of ['002', '003', '004']) {
      const { text, result } = run(source(id).text);
      expect(text).toBe(source(id).text);
      expect(result.removed.size).toBe(0);
    }
  });

  for (const id of ['000', '001']) {
    it(`${id}: every annotation goes, and nothing else changes`, () => {
      const s = source(id);
      const before = (s.text.match(new RegExp(REMNANT.source, 'gu')) ?? []).length;
      const { text, result } = run(s.text);
      expect(text).not.toMatch(REMNANT);
      const removed = [...result.removed.values()].reduce((a, b) => a + b, 0);
      expect(removed).toBe(before);
      // what remains is the raw text minus the parenthesised syllables
      expect(text).toBe(s.text.replace(/(?<=[\p{Script=Han}?A-Za-z])\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)|(?<=\?)[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)/gu, ''));
    });
  }

  it('000 keeps (宗禾), 001 keeps (蕪湖段); 001’s footer I(lǐng)CP becomes ICP', () => {
    expect(run(source('001').text).text).toContain('皖ICP備');
    expect(run(source('000').text).text).toContain('(宗禾)');
    expect(run(source('001').text).text).toContain('長江岸線(蕪湖段)');
  });

  it('001: the counts match the source (the 2 lost characters with hints included)', () => {
    const { result } = run(source('001').text);
    const total = [...result.removed.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe((source('001').text.match(/\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)/gu) ?? []).length + 2);
    expect([...result.hints.values()].flatMap((h) => [...h.values()])).toEqual(['fù', 'dān']);
  });
});
