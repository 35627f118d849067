import { describe, expect, it } from 'vitest';
import { extractPlaces, namePrefix, rulePlaces, suffixKind } from '../../scripts/extract/places.ts';
import { isHistorical } from '../../scripts/extract/context.ts';
import type { Editorial } from '../../scripts/extract/editorial.ts';
import { context, messages, realEditorial } from './helpers.ts';
import { seeded } from './random.ts';

const noGazetteer: Editorial = { ...realEditorial(), places: [] };

describe('places found by rule', () => {
  it('a name with a telling suffix after a visit verb, each item of a 、 list', () => {
    const ctx = context([['body', '代表团走进南京高速齿轮制造有限公司、南瑞集团有限公司、宝时得科技（中国）有限公司等高新技术企业；参观浦东展览馆，领略成就。']], { editorial: noGazetteer });
    expect(rulePlaces(ctx).map((p) => [p.name, p.kind])).toEqual([
      ['南京高速齿轮制造有限公司', 'company'],
      ['南瑞集团有限公司', 'company'],
      ['宝时得科技（中国）有限公司', 'company'],
      ['浦东展览馆', 'site'],
    ]);
  });

  it('each item of the run after a verb, where it stands (empty items and a trailing 、 included)', () => {
    const ctx = context([['body', '参观了、南瑞集团、、A公司、浦东展览馆、；考察宝武钢铁集团']], { editorial: noGazetteer });
    expect(rulePlaces(ctx).map((p) => [p.name, p.index])).toEqual([
      ['南瑞集团', 4],
      ['浦东展览馆', 14],
      ['宝武钢铁集团', 23],
    ]);
  });

  it('a clause that opens with such a name and goes on with 是 / 作为', () => {
    const ctx = context([['body', '果园港是中国最大的内河港。杭州汽轮机股份有限公司是全球最大的工业汽轮机研发制造基地。上海是长三角的龙头。']], { editorial: noGazetteer });
    expect(rulePlaces(ctx).map((p) => p.name)).toEqual(['果园港', '杭州汽轮机股份有限公司']);
  });

  it('not a name after 的 in a predicate, not a place merely mentioned, not one visited in the past', () => {
    const ctx = context([
      ['body', '希望果园港与宁波舟山港资源共享。'],
      ['body', '举行了中国科技大学长三角科技战略前沿研究中心揭牌仪式。'],
      ['body', '时任省委书记率队考察了某某实验室。'],
    ]);
    expect(rulePlaces(ctx)).toEqual([]);
  });

  it('suffixes', () => {
    expect(suffixKind('上海数据交易所')).toBe('institution');
    expect(suffixKind('苏州工业园区展示中心')).toBe('site');
    expect(suffixKind('交易所')).toBeUndefined();
    expect(namePrefix('西关历史文化街区永庆坊，详细了解')?.name).toBe('西关历史文化街区永庆坊');
    expect(namePrefix('浙江对口支援地涪陵区的民生改善')).toBeUndefined();
  });

  it('namePrefix: the longest prefix before 的 / 是 / 等 that the patterns take for a name (random items)', () => {
    const reference = (item: string) => {
      const stop = /的|是|等/u.exec(item);
      const text = stop ? item.slice(0, stop.index) : item;
      for (let end = text.length; end >= 2; end--) {
        const name = text.slice(0, end);
        const kind = suffixKind(name);
        if (kind && /^[\p{Script=Han}A-Za-z0-9·（）()]+$/u.test(name) && /^\p{Script=Han}/u.test(name)) return { name, kind };
      }
      return undefined;
    };
    const alphabet = ['南', '京', '公司', '集团', '园区', '港', '的', '是', '等', 'A', '7', '（', '𠀋', '\ud840', '，'];
    const next = seeded(31);
    let names = 0;
    for (let n = 0; n < 2000; n++) {
      const item = Array.from({ length: Math.floor(next() * 9) }, () => alphabet[Math.floor(next() * alphabet.length)]!).join('');
      expect(namePrefix(item)).toEqual(reference(item));
      if (reference(item)) names++;
    }
    expect(names).toBeGreaterThan(100);
  });
});

describe('places from the gazetteer and the geography', () => {
  it('the gazetteer gives names without suffix and canonical names (上海中共一大纪念馆 → 中共一大纪念馆)', () => {
    const ctx = context([
      ['body', '13日上午，浙江省党政代表团赴上海考察，瞻仰上海中共一大纪念馆。'],
      ['body', '位于钱塘江畔的城市阳台，采取综合措施。'],
    ]);
    const places = extractPlaces(ctx, new Set(['shanghai']));
    expect(places.map((p) => [p.name, p.kind, p.from])).toEqual([
      ['中共一大纪念馆', 'site', 'gazetteer'],
      ['城市阳台', 'site', 'gazetteer'],
    ]);
  });

  it('a rule name holding a gazetteer name, or held by one, is not reported as a rule name', () => {
    const places = [
      { name: '城市阳台', kind: 'site' as const, province: 'zhejiang', reason: 'a site without a telling suffix' },
      { name: '钱江新城城市规划展示中心', kind: 'site' as const, province: 'zhejiang', match: ['规划展示中心'], reason: 'a longer canonical name' },
    ];
    const ctx = context([['body', '代表团来到城市阳台观景公园，参观了规划展示中心。宁波舟山港是大港。']], { editorial: { ...realEditorial(), places } });
    expect(extractPlaces(ctx, new Set(['zhejiang'])).map((p) => [p.name, p.from])).toEqual([
      ['城市阳台', 'gazetteer'],
      ['钱江新城城市规划展示中心', 'gazetteer'],
      ['宁波', 'geography'],
      ['宁波舟山港', 'rule'],
    ]);
    expect(messages(ctx).filter((m) => m.startsWith('extract/place-rule'))).toHaveLength(1);
  });

  it('a rule name contained in a longer one is dropped; rule names are reported for an editor', () => {
    const ctx = context([['body', '广药集团是全球首家企业。27日上午，代表团来到广药集团白云山制药总厂。']], { editorial: noGazetteer });
    expect(extractPlaces(ctx, new Set(['guangdong'])).map((p) => p.name)).toEqual(['广药集团白云山制药总厂']);
    expect(messages(ctx).filter((m) => m.startsWith('extract/place-rule'))).toHaveLength(1);
  });

  it('cities after 到/在/赴/前往 and as the first word of a site; districts standing alone, in the host provinces only', () => {
    const ctx = context([
      ['body', '代表团先后到广州、深圳观摩考察。合肥的企业也来了。'],
      ['body', '车俊一行考察了浙江对口支援地涪陵区的民生改善。代表团来到徐汇区行政服务中心。'],
    ], { editorial: noGazetteer });
    const places = extractPlaces(ctx, new Set(['guangdong', 'chongqing', 'shanghai']));
    expect(places.map((p) => [p.name, p.kind, p.province])).toEqual([
      ['广州', 'city', 'guangdong'],
      ['深圳', 'city', 'guangdong'],
      ['涪陵区', 'district', 'chongqing'],
      ['徐汇区行政服务中心', 'institution', null],
    ]);
  });
});

describe('clauses that open with a name', () => {
  /** the rule as first written: each clause (cut at ，。；), its first 是 / 作为 */
  function reference(text: string): { name: string; index: number }[] {
    const out: { name: string; index: number }[] = [];
    let clause = 0;
    for (const part of text.split(/[，。；]/u)) {
      const is = part.indexOf('是');
      const as = part.indexOf('作为');
      const end = is < 0 ? as : as < 0 ? is : Math.min(is, as);
      if (end >= 2 && end <= 40) {
        const name = part.slice(0, end);
        if (suffixKind(name) && /^[\p{Script=Han}A-Za-z0-9·（）()]+$/u.test(name)) out.push({ name, index: clause });
      }
      clause += part.length + 1;
    }
    return out;
  }

  it('finds what a search of every clause finds (random sentences)', () => {
    const alphabet = ['是', '作', '为', '作为', '，', '；', '公', '司', '园', '区', '港', '中', '心', '华', 'A', '的'];
    const next = seeded(12345);
    let hits = 0;
    for (let n = 0; n < 300; n++) {
      let text = '';
      const length = 1 + Math.floor(next() * 90);
      while (text.length < length) text += alphabet[Math.floor(next() * alphabet.length)]!;
      text += '。';
      const ctx = context([['body', text]], { editorial: noGazetteer });
      const s = ctx.sentences[0]!;
      expect(isHistorical(s)).toBe(false);
      const found = rulePlaces(ctx).map((p) => ({ name: p.name, index: p.index }));
      expect(found).toEqual(reference(s.text));
      hits += found.length;
    }
    // the sentences hold names to find, not only sentences without any
    expect(hits).toBeGreaterThan(30);
  });
});
