import { describe, expect, it } from 'vitest';
import { cleanSource } from '../../scripts/pipeline/clean.ts';
import type { CleanDocument, LineKind } from '../../scripts/pipeline/types.ts';
import { sources } from './sources.ts';

const docs = new Map<string, CleanDocument>(sources.map((s) => [s.id, cleanSource(s.bytes, s.path)]));
const of = (id: string, kind: LineKind) => docs.get(id)!.lines.filter((l) => l.kind === kind).map((l) => [l.line, l.text]);

describe('kinds: the five real sources, by hand', () => {
  it('titles (000 and 003 have none)', () => {
    expect(of('000', 'title')).toEqual([]);
    expect(of('001', 'title')).toEqual([[8, '聚焦“高质量”推进“一体化”做到“一盘棋” 长三角地区主要领导座谈会在安徽芜湖召开']]);
    expect(of('002', 'title')).toEqual([[4, '考察结束，省委书记在返程火车上召开交流总结会']]);
    expect(of('003', 'title')).toEqual([]);
    expect(of('004', 'title')).toEqual([[6, '韩俊王清宪率安徽省党政代表团赴广东学习考察']]);
  });

  it('publication lines', () => {
    expect(of('001', 'meta')).toEqual([[10, '发布时间：2019-05-24作者：来源：中安在线']]);
    expect(of('002', 'meta')).toEqual([[6, '新京报2023-04-15 15:32:52']]);
    // the blanks between the fields are three no-break spaces, as in the source
    expect(of('004', 'meta')).toEqual([[8, '2024年03月01日 06:38\u00a0\u00a0\u00a0来源：中安在线\u00a0\u00a0\u00a0作者：----']]);
    expect(of('000', 'meta')).toEqual([]);
    expect(of('003', 'meta')).toEqual([]);
  });

  it('subtitle of 001', () => {
    expect(of('001', 'subtitle')).toEqual([[12, '李强娄勤俭车俊李锦斌应勇吴政隆袁家军李国英出席']]);
  });

  it('captions, each once', () => {
    expect(of('001', 'caption')).toEqual([[14, '5月22日，长三角地区主要领导座谈会成果发布会在安徽芜湖举行。本报记者徐国康摄']]);
    expect(of('002', 'caption')).toEqual([
      [14, '易炼红在交流总结会上讲话（浙江卫视画面）'],
      [26, '4月13日，浙江省党政代表团在上海市考察（来源：浙江发布）'],
      [40, '4月12日，浙江省党政代表团在江苏南京考察（来源：浙江发布）'],
    ]);
    expect(of('004', 'caption')).toEqual([[13, '2月27日下午，广东·安徽两省合作发展交流座谈会在广州召开。记者 杨竹 摄']]);
  });

  it('credits, a signature split off the last paragraph of 000', () => {
    expect(of('000', 'credit')).toEqual([[7, '（宗禾）']]);
    expect(of('002', 'credit')).toEqual([[46, '责任编辑：张玉']]);
    expect(docs.get('000')!.lines.find((l) => l.line === 7 && l.kind === 'body')!.text).toMatch(/参加相关活动。$/);
  });

  it('a line a kind rule matches is not split by a split-credit rule; a paragraph with a signature is', () => {
    const text = [
      '标题行',
      '这是一个足够长的正文段落，用来确定文章的第一个段落的位置，并且包含句号。这里还有更多的文字。',
      '图为会场。(新华)',
      '最后一段正文，同样足够长，用来确定文章的最后一个段落的位置，并且包含句号。(宗禾)',
    ].join('\n');
    const d = cleanSource(new TextEncoder().encode(text), 'content/sources/kinds-split.txt');
    expect(d.lines.map((l) => [l.line, l.kind, l.text])).toEqual([
      [1, 'title', '标题行'],
      [2, 'body', '这是一个足够长的正文段落，用来确定文章的第一个段落的位置，并且包含句号。这里还有更多的文字。'],
      [3, 'caption', '图为会场。（新华）'],
      [4, 'body', '最后一段正文，同样足够长，用来确定文章的最后一个段落的位置，并且包含句号。'],
      [4, 'credit', '（宗禾）'],
    ]);
  });

  it('section headings of 002', () => {
    expect(of('002', 'heading')).toEqual([
      [22, '在上海学习考察“要学习上海锚定世界一流、标定全国最好的格局站位”'],
      [36, '在江苏学习考察“要学习江苏聚力发展、聚焦高端，筑牢实体经济根基的战略定力”'],
    ]);
    for (const id of ['000', '001', '003', '004']) expect(of(id, 'heading')).toEqual([]);
  });

  it('everything else is body, and the dateline paragraph comes first', () => {
    expect(of('003', 'body')).toHaveLength(10);
    expect(of('003', 'body')[0]![1]).toMatch(/^浙江在线重庆10月10日电（浙江在线记者 王国锋）8日至9日/);
    expect(of('004', 'body').map(([n]) => n)).toEqual([11, 15, 17, 19, 21]);
    expect(of('001', 'body').map(([n]) => n)).toEqual(range(16, 42, 2));
  });
});

function range(a: number, b: number, step: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i += step) out.push(i);
  return out;
}

describe('kinds: a short article without a long paragraph', () => {
  it('still has a title, a publication line and a body', () => {
    const d = cleanSource(Buffer.from('登陆注册\n省委书记会见客人\n发布时间:2024-01-02\n1月2日,省委书记会见了客人。\n责任编辑:张三\n0\n'), 'a.txt');
    expect(d.lines.map((l) => [l.kind, l.text])).toEqual([
      ['title', '省委书记会见客人'],
      ['meta', '发布时间：2024-01-02'],
      ['body', '1月2日，省委书记会见了客人。'],
      ['credit', '责任编辑：张三'],
    ]);
    expect(d.removed.map((r) => r.rule)).toEqual(['chrome/login-bar', 'chrome/stray-number']);
  });
});

describe('kinds: a source line below the article', () => {
  it('is meta, not a heading', () => {
    const d = cleanSource(Buffer.from('省委书记会见客人\n发布时间:2024-01-02\n1月2日,省委书记会见了客人,双方就进一步深化合作交换了意见,并共同出席了签约仪式。\n来源:新华社\n'), 'a.txt');
    expect(d.lines.map((l) => [l.kind, l.text])).toEqual([
      ['title', '省委书记会见客人'],
      ['meta', '发布时间：2024-01-02'],
      ['body', '1月2日，省委书记会见了客人，双方就进一步深化合作交换了意见，并共同出席了签约仪式。'],
      ['meta', '来源：新华社'],
    ]);
  });
});
