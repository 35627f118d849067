import { describe, expect, it } from 'vitest';
import { type Context, firstUnits, hasUnit, isHistorical, lengthsByFirstUnit, longestNameAt, matches, scanNear, sortPairs, sortUnique, type UnitSet, unitTest, utf16Units, wordEnds, words, type Words } from '../../scripts/extract/context.ts';
import { followsName, followsNameAt } from '../../scripts/extract/roles.ts';
import { context } from './helpers.ts';
import { seeded } from './random.ts';

/**
 * For each sentence (by index), the ends of the words of `set` in it, increasing and each once,
 * from Context.found (what the dictionary pass found); undefined when none occurs.
 */
function endsBySentence(ctx: Context, set: Words): (number[] | undefined)[] {
  const out = new Array<number[] | undefined>(ctx.sentences.length).fill(undefined);
  for (const pairs of ctx.found(set)) for (let j = 0; pairs !== undefined && j < pairs.length; j += 2) (out[pairs[j]!] ??= []).push(pairs[j + 1]!);
  for (const list of out) if (list !== undefined) sortUnique(list);
  return out;
}

describe('the dictionary pass (Context.mentions, Context.found)', () => {
  const lines: [('body' | 'title'), string][] = [
    ['title', '浙江省党政代表团赴重庆学习考察'],
    ['body', '省委书记、省人大常委会主任车俊率团。代表团与重庆市委书记陈敏尔座谈！常委常委员会。'],
    ['body', '没有要找的词。'],
  ];

  it('flags the sentences holding one of the words, as includes would', () => {
    const ctx = context(lines);
    const sets = [words('代表团'), words('座谈', '常委'), words('书记'), words('没有人')];
    for (const set of sets) {
      const flags = ctx.mentions(set);
      expect([...flags]).toEqual(ctx.sentences.map((s) => (set.words.some((w) => s.text.includes(w)) ? 1 : 0)));
    }
    expect([...ctx.mentions(words('代表团'))]).toEqual([1, 0, 1, 0, 0]);
  });

  it('gives the ends of every occurrence per sentence, overlapping ones included, as wordEnds does', () => {
    const ctx = context(lines);
    const set = words('书记', '主任', '常委', '委员', '常委员');
    const ends = endsBySentence(ctx, set);
    ctx.sentences.forEach((s) => {
      const expected = wordEnds(s.text, set.words);
      expect(ends[s.index]).toEqual(expected.length ? expected : undefined);
    });
    // 常委常委员会: 常委 ends at 2 and 4, 委员 and 常委员 both at 5
    const last = ctx.sentences.find((s) => s.text.startsWith('常委常委员会'))!;
    expect(ends[last.index]).toEqual([2, 4, 5]);
  });

  it('lists the occurrences by start, then by the order of the words, and those of each word', () => {
    const ctx = context([['body', '瞻仰上海中共一大纪念馆。到云栖小镇考察。']]);
    const set = words('中共一大纪念馆', '一大', '中共', '云栖小镇', '考察了');
    expect(ctx.occurrences(set)).toEqual([[4, 0, 4, 2, 6, 1], [1, 3]]);
    expect(ctx.found(set)).toEqual([[0, 11], [0, 8], [0, 6], [1, 5], undefined]);
  });

  it('finds a word only inside one sentence, as a search of each sentence would', () => {
    const ctx = context([['body', '浙江省代表团。代表团赴重庆！'], ['body', '重庆。']]);
    expect(ctx.found(words('团。代', '重庆', '！'))).toEqual([undefined, [1, 6, 2, 2], [1, 7]]);
  });

  it('provincesIn: the provinces each sentence names, as a search of that sentence finds them', () => {
    const ctx = context([['body', '。浙江省党政代表团赴江苏、上海学习考察！上午在上海市，下午回浙江。'], ['body', '江苏南京，浙江'], ['title', '上海'], ['body', '没有省名。内蒙古自治区与广西壮族自治区，内蒙古']]);
    const names = new RegExp(ctx.geo.namePattern, 'gu');
    for (const s of ctx.sentences) {
      const expected = [...new Set([...s.text.matchAll(names)].map((m) => ctx.geo.byName.get(m[0])!.id))];
      expect(ctx.provincesIn(s)).toEqual(expected);
    }
    expect(ctx.sentences.map((s) => ctx.provincesIn(s)).slice(0, 5)).toEqual([['zhejiang', 'jiangsu', 'shanghai'], ['shanghai', 'zhejiang'], ['jiangsu', 'zhejiang'], ['shanghai'], []]);
    // the full name, not its short name inside it, then the short name on its own: one id each
    expect(ctx.provincesIn(ctx.sentences[5]!)).toHaveLength(2);
  });

  it('marks the sentences about the past as the pattern of past markers does (random sentences)', () => {
    const past = /时任|\d+年前|多年前|当年/u;
    const alphabet = ['时', '任', '年', '前', '当', '多', '1', '9', '０', '十', '。', '！', '”', '，', ' '];
    const next = seeded(4242);
    let historical = 0;
    for (let n = 0; n < 200; n++) {
      const line = () => Array.from({ length: 1 + Math.floor(next() * 40) }, () => alphabet[Math.floor(next() * alphabet.length)]!).join('');
      const ctx = context([['title', line()], ['body', line()], ['caption', line()]]);
      for (const s of ctx.sentences) {
        expect(s.historical).toBe(past.test(s.text));
        expect(isHistorical(s)).toBe(past.test(s.text));
        if (s.historical) historical++;
      }
    }
    // both kinds of sentence occur
    expect(historical).toBeGreaterThan(20);
    expect(context([['body', '5年前来过。多年前。当年。时任省长。十年前。年前。']]).sentences.map((s) => s.historical)).toEqual([true, true, true, true, false, false]);
  });

  it('reports with vfile messages that carry no stack trace, and leaves the stack trace limit as it was', () => {
    const limit = Error.stackTraceLimit;
    const ctx = context([['body', '一句话。']]);
    ctx.warn('a warning', { line: 1, column: 2 }, 'extract/test');
    ctx.info('a note', undefined, 'extract/test');
    const [warning, note] = ctx.doc.vfile.messages;
    expect([warning!.fatal, warning!.line, warning!.column, warning!.ruleId, warning!.source, warning!.stack]).toEqual([false, 1, 2, 'extract/test', 'extract', '']);
    expect([note!.fatal, note!.line, note!.reason]).toEqual([undefined, undefined, 'a note']);
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error('x').stack).toContain('context.test.ts');
  });

  it('refuses an empty word or one with a line break', () => {
    expect(() => words('')).toThrow(/empty/);
    expect(() => words('a\nb')).toThrow(/line break/);
  });
});

describe('small lookup tables', () => {
  it('the dictionary pass finds words declared after others of lower and higher first units', () => {
    // first units declared out of order: each list must stay at its unit's rank
    const late = [words('龟兔'), words('一二'), words('丁丁'), words('鼠')];
    const ctx = context([['body', '一二丁丁龟兔鼠。']]);
    expect(late.map((set) => endsBySentence(ctx, set)[0])).toEqual([[6], [2], [4], [7]]);
  });

  it('lengthsByFirstUnit: a bit per length of the names starting with a unit', () => {
    const t = lengthsByFirstUnit(['上海', '上海市', '江苏省']);
    expect(t.at('上'.charCodeAt(0))).toBe((1 << 2) | (1 << 3));
    expect(t.at('江'.charCodeAt(0))).toBe(1 << 3);
    expect(t.at('海'.charCodeAt(0))).toBe(0);
    expect(t.longest).toBe(3);
    // the first two units of a name always pass; others almost never (a hashed filter)
    expect(t.pair('上'.charCodeAt(0), '海'.charCodeAt(0))).toBe(true);
    expect(t.pair('江'.charCodeAt(0), '苏'.charCodeAt(0))).toBe(true);
    expect(t.pair('上'.charCodeAt(0), '江'.charCodeAt(0))).toBe(false);
  });

  it('longestNameAt: the longest name at a position, as a sticky alternation (longest first) matches', () => {
    const names = new Set(['上海', '上海市', '江苏', '江苏省']);
    const lengths = lengthsByFirstUnit(names);
    const text = '赴上海市、江苏南京';
    const sticky = /上海市|江苏省|上海|江苏/y;
    for (let i = 0; i <= text.length; i++) {
      sticky.lastIndex = i;
      expect(longestNameAt(text, i, lengths, names)).toBe(sticky.exec(text)?.[0].length ?? 0);
    }
    expect(longestNameAt(text, 1, lengths, names)).toBe(3);
    expect(lengths.withPair('上'.charCodeAt(0), '海'.charCodeAt(0))).toEqual(['上海市', '上海']);
    expect(lengths.withPair('海'.charCodeAt(0), '上'.charCodeAt(0))).toEqual([]);
  });

  it('longestNameAt: the same as the sticky alternation on random names and texts', () => {
    const next = seeded(7);
    const alphabet = ['上', '海', '市', '江', '苏', '省', '𠀋'];
    const random = (max: number) => Array.from({ length: 1 + Math.floor(next() * max) }, () => alphabet[Math.floor(next() * alphabet.length)]!).join('');
    for (let n = 0; n < 50; n++) {
      const names = new Set(Array.from({ length: 1 + Math.floor(next() * 6) }, () => random(4)));
      const lengths = lengthsByFirstUnit(names);
      const sticky = new RegExp([...names].sort((a, b) => b.length - a.length).join('|'), 'y');
      const text = random(30);
      for (let i = 0; i <= text.length; i++) {
        sticky.lastIndex = i;
        expect(longestNameAt(text, i, lengths, names)).toBe(sticky.exec(text)?.[0].length ?? 0);
      }
    }
  });

  it('unitTest: a character-class test of one unit, the same answers as the pattern', () => {
    const re = /[\p{Script=Han}A-Za-z0-9]/u;
    const test = unitTest(re);
    for (const c of ['中', 'a', 'Z', '5', '，', ' ', '的', '\ud842']) expect(test(c.charCodeAt(0))).toBe(re.test(c));
    expect(() => unitTest(/a/g)).toThrow();
  });

  it('matches: the matches matchAll gives, empty ones included, and lastIndex left at 0', () => {
    const text = '与任正非、马化腾等企业负责人座谈，与𠀋𠀋等';
    for (const re of [/与((?:\p{Script=Han}{2,4}、)*\p{Script=Han}{2,4}?)等/gu, /(?:)/gu, /等|/g]) {
      const expected = [...text.matchAll(re)].map((m) => [m.index, m[0], m[1]]);
      expect(matches(re, text).map((m) => [m.index, m[0], m[1]])).toEqual(expected);
      expect(re.lastIndex).toBe(0);
    }
    expect(() => matches(/a/, 'a')).toThrow();
  });

  it('followsNameAt: what followsName says of the rest of the text', () => {
    const text = '王浩讲话，李明、张三同志出席重要会议 x';
    for (let i = 0; i <= text.length; i++) expect(followsNameAt(text, i)).toBe(followsName(text.slice(i)));
  });

  it('scanNear over the whole text with a condition on what follows: the same matches, fewer attempts', () => {
    const text = '赴江苏、上海考察，到了广州，前往深圳市，在重庆学习考察，到场';
    const re = /(?:赴|赶赴|前往|到)((?:江苏|上海|广州|深圳|重庆)(?:市)?)/uy;
    const province = firstUnits(['江苏', '上海', '广州', '深圳', '重庆']);
    let tried = 0;
    const ahead = (t: string, i: number) => (tried++, hasUnit(province, t.charCodeAt(i + 1)) || hasUnit(province, t.charCodeAt(i + 2)));
    const all = (ms: RegExpExecArray[]) => ms.map((m) => [m.index, m[0]]);
    // one window over the whole text
    const scan = (re: RegExp, first: UnitSet, text: string, ahead?: (t: string, i: number) => boolean) => scanNear(re, first, text, [text.length], text.length, ahead);
    expect(all(scan(re, firstUnits('赴赶前到'), text, ahead))).toEqual(all(scan(re, firstUnits('赴赶前到'), text)));
    expect(all(scan(re, firstUnits('赴赶前到'), text, ahead))).toEqual([[0, '赴江苏'], [14, '前往深圳市']]);
    expect(tried).toBeGreaterThan(0);
  });

  it('utf16Units: the units charCodeAt reads, lone surrogates and Latin-1 texts included, short and long texts in turn', () => {
    const texts = ['代表团赴江苏', 'abc\u00e9', `a\ud800b\udc00中${'考察'.repeat(5000)}\udfff`, '\ud83d\ude00是', ''];
    for (const text of texts) {
      const units = utf16Units(text);
      expect(units.length).toBeGreaterThanOrEqual(text.length);
      expect(Array.from(units.subarray(0, text.length))).toEqual([...Array(text.length).keys()].map((i) => text.charCodeAt(i)));
    }
  });

  it('sortUnique and sortPairs: in place, as sort (and a Set) would', () => {
    const list = [5, 2, 9, 2, 5, 1, 9];
    sortUnique(list);
    expect(list).toEqual([1, 2, 5, 9]);
    const pairs = [7, 1, 3, 2, 7, 0, 3, 1, 0, 4];
    sortPairs(pairs);
    expect(pairs).toEqual([0, 4, 3, 1, 3, 2, 7, 0, 7, 1]);
  });
});
