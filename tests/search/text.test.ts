import { describe, expect, it } from 'vitest';
import { paragraphAt } from '../../src/scripts/search/engine.ts';
import { excerpt, matchedText, textFragment } from '../../src/scripts/search/highlight.ts';
import {
  decode,
  encode,
  formatT2S,
  hanTokens,
  normalizeQuery,
  parseT2S,
  segments,
  spellings,
  splitTerms,
  termSearch,
} from '../../src/scripts/search/text.ts';

describe('index tokens', () => {
  it('turns a Han run into overlapping bigrams and its last character', () => {
    expect(hanTokens('李锦斌')).toEqual(['李锦', '锦斌', '斌']);
    expect(hanTokens('皖')).toEqual(['皖']);
  });

  it('keeps other text as whitespace-separated tokens, apart from Han runs', () => {
    expect(encode('车俊观摩了5G虚拟驾驶，VR360 直播')).toEqual(
      ['车俊', '俊观', '观摩', '摩了', '了', '5G', '虚拟', '拟驾', '驾驶', '驶', '，', 'VR360', '直播', '播'],
    );
    expect(segments('a李b')).toEqual([
      { han: false, text: 'a' },
      { han: true, text: '李' },
      { han: false, text: 'b' },
    ]);
  });

  it('decodes back to the text (line breaks and spaces next to Han text aside)', () => {
    const text = '10月23日，省委书记李锦斌，省委副书记、省长李国英率安徽省党政代表团赶赴浙江省。1+1+1+1>4 ICT';
    expect(decode(encode(text))).toBe(text);
    expect(decode(encode('记者 王国锋\n第二段'))).toBe('记者王国锋第二段');
    expect(decode(encode('驾驶，VR360直播（ICT）2019-05-24 15:32 a b'))).toBe('驾驶，VR360直播（ICT）2019-05-24 15:32 a b');
    expect(decode(encode('𠮷野家'))).toBe('𠮷野家');
  });
});

describe('query preparation', () => {
  it('normalises width, case and spaces', () => {
    expect(normalizeQuery('  Li　JinBin  ')).toBe('li jinbin');
    expect(normalizeQuery('ＩＣＴ')).toBe('ict');
    expect(normalizeQuery('长江岸线（芜湖段）')).toBe('长江岸线（芜湖段）');
  });

  it('splits terms on spaces and drops quotes', () => {
    expect(splitTerms('李锦斌 “杭州” "果园港"')).toEqual(['李锦斌', '杭州', '果园港']);
  });

  it('searches a Han term as an exact phrase of its bigrams', () => {
    expect(termSearch('李锦斌')).toEqual({ text: '李锦斌', searches: ['"李锦 锦斌"'], verify: false, han: true });
    expect(termSearch('车俊')).toEqual({ text: '车俊', searches: ['"车俊"'], verify: false, han: true });
  });

  it('searches one character as a prefix (bigrams starting with it, or a run-final character)', () => {
    expect(termSearch('皖')).toEqual({ text: '皖', searches: ['皖'], verify: false, han: true });
  });

  it('splits a mixed term into parts and asks for verification', () => {
    expect(termSearch('5g虚拟')).toEqual({ text: '5g虚拟', searches: ['"5g"', '"虚拟"'], verify: true, han: true });
    expect(termSearch('李锦斌，车俊')?.verify).toBe(true);
  });

  it('searches Latin terms (pinyin) as whole words', () => {
    expect(termSearch('lijinbin')).toEqual({ text: 'lijinbin', searches: ['"lijinbin"'], verify: false, han: false });
    expect(termSearch('“”')).toBeNull();
  });
});

describe('traditional spellings', () => {
  // as the indexer writes it: 乾 is in the corpus (乾隆), 錦 and 蕪 are not
  const table = parseT2S(formatT2S(new Map([['錦', ['锦']], ['蕪', ['芜']], ['乾', ['干', '乾']], ['後', ['后']]])));

  it('round-trips the compact table', () => {
    expect(table.get('錦')).toEqual(['锦']);
    expect(formatT2S(table)).toBe('乾干乾\n後后\n蕪芜\n錦锦\n');
  });

  it('converts first, keeps the typed form last', () => {
    // a traditional form the corpus lacks is not searched as typed: it could match nothing
    expect(spellings('李錦斌', table)).toEqual(['李锦斌']);
    expect(spellings('蕪湖', table)).toEqual(['芜湖']);
    expect(spellings('杭州', table)).toEqual(['杭州']);
  });

  it('keeps both readings of an ambiguous character', () => {
    expect(spellings('乾隆', table)).toEqual(['干隆', '乾隆']);
  });

  it('bounds the number of spellings', () => {
    expect(spellings('乾乾乾乾乾乾', table, 4).length).toBeLessThanOrEqual(5);
  });
});

describe('excerpt and text fragment', () => {
  const text = '浙江在线重庆10月10日电。车俊一行在陈敏尔的陪同下，观摩体验了5G虚拟驾驶。果园港是中国最大的内河水、铁、公联运枢纽港。';

  it('cuts a window around the first needle and marks every match', () => {
    const parts = excerpt(text, ['果园港', '车俊'], 5, 30);
    expect(parts[0]).toEqual({ text: '…', mark: false });
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['果园港']);
    expect(parts.map((p) => p.text).join('')).toContain('果园港是中国');
    const both = excerpt(text, ['车俊', '陈敏尔'], 0, 200);
    expect(both.filter((p) => p.mark).map((p) => p.text)).toEqual(['车俊', '陈敏尔']);
  });

  it('matches Latin text case-insensitively and reports it as written', () => {
    expect(matchedText(text, '5g虚拟')).toBe('5G虚拟');
    expect(excerpt(text, ['5g']).some((p) => p.mark && p.text === '5G')).toBe(true);
  });

  it('builds a text fragment link, escaping what the syntax reserves', () => {
    expect(textFragment(['芜湖'])).toBe('#:~:text=%E8%8A%9C%E6%B9%96');
    expect(textFragment(['a-b', 'c&d'])).toBe('#:~:text=a%2Db&text=c%26d');
    expect(textFragment([])).toBe('');
    expect(textFragment(['果园港'], 'p7')).toBe('#p7:~:text=%E6%9E%9C%E5%9B%AD%E6%B8%AF');
    expect(textFragment([], 'p7')).toBe('#p7');
  });

  it('finds the paragraph of a match in a visit text', () => {
    const text = '标题¶ 第一段。¶ 第二段有果园港。¦ 果园港 车俊';
    expect(paragraphAt(text, text.indexOf('果园港'))).toBe('p2');
    expect(paragraphAt(text, text.indexOf('第一'))).toBe('p1');
    expect(paragraphAt(text, 0)).toBeUndefined();
    expect(paragraphAt(text, text.lastIndexOf('车俊'))).toBeUndefined();
  });
});
