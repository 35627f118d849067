import { describe, expect, it } from 'vitest';
import { restorePunctuation } from '../../scripts/pipeline/punctuation.ts';
import { sources } from './sources.ts';

const p = (text: string) => restorePunctuation(text).text;

describe('punctuation: Chinese context', () => {
  it('comma, colon, semicolon, question and exclamation marks next to Chinese', () => {
    expect(p('13日傍晚,浙江省党政代表团;来源:中安在线')).toBe('13日傍晚，浙江省党政代表团；来源：中安在线');
    expect(p('翻车了?自拍身材火辣!真的')).toBe('翻车了？自拍身材火辣！真的');
    expect(p('“两点”定位,“两地”')).toBe('“两点”定位，“两地”');
    expect(p('发布时间:2019-05-24作者:来源:中安在线')).toBe('发布时间：2019-05-24作者：来源：中安在线');
    expect(p('春夏系列;Telfar 宣布')).toBe('春夏系列；Telfar 宣布');
  });

  it('parentheses around or next to Chinese become a full-width pair', () => {
    expect(p('易炼红讲话(浙江卫视画面)')).toBe('易炼红讲话（浙江卫视画面）');
    expect(p('中国(南京)软件谷')).toBe('中国（南京）软件谷');
    expect(p('电(浙江在线记者 王国锋)8日')).toBe('电（浙江在线记者 王国锋）8日');
    expect(p('共(0)条')).toBe('共（0）条');
    expect(p('来源:XXX(非安徽发展网)')).toBe('来源：XXX（非安徽发展网）');
    expect(p('(宗禾)')).toBe('（宗禾）');
    expect(p('公司(IBM)')).toBe('公司（IBM）');
    expect(p('外(内(中)外)')).toBe('外（内（中）外）');
  });

  it('an unbalanced parenthesis is converted by its neighbours and reported', () => {
    const r = restorePunctuation('长江岸线(芜湖段整治');
    expect(r.text).toBe('长江岸线（芜湖段整治');
    expect(r.unbalanced).toEqual([4]);
  });

  it('counts and summarises', () => {
    const r = restorePunctuation('一,二:三(四)');
    expect(r.count).toBe(4);
    expect(r.first).toBe(1);
    expect([...r.marks]).toEqual([
      ['，', 1],
      ['：', 1],
      ['（）', 2],
    ]);
  });
});

describe('punctuation: what stays exactly as it is', () => {
  const untouched = [
    '15:32',
    '15:32:52',
    '2019-05-24',
    '1,000',
    '3.5%',
    '1+1+1+1>4',
    '5G',
    'ICT',
    'VR360',
    'f(x)',
    'cp55991@163.com',
    'https://example.com/a?b=1,2;c=(3)',
    'www.ahfzw.cn/news?id=1',
    'Copyright © 2011 中共安徽省委党校. All Rights Reserved. Designed by Minggao',
    'Hello, world! Why? (Because.)',
    '1、凡本网注明',
    '',
  ];
  for (const text of untouched) {
    it(JSON.stringify(text), () => expect(p(text)).toBe(text));
  }

  it('tokens inside Chinese text', () => {
    expect(p('实现“1+1+1+1>4”,体验5G虚拟驾驶、VR360直播')).toBe('实现“1+1+1+1>4”，体验5G虚拟驾驶、VR360直播');
    expect(p('新京报2023-04-15 15:32:52')).toBe('新京报2023-04-15 15:32:52');
    expect(p('请联系:18225885531 邮箱 cp55991@163.com')).toBe('请联系：18225885531 邮箱 cp55991@163.com');
    expect(p('详见http://www.ahfzw.cn/a?id=3,谢谢')).toBe('详见http://www.ahfzw.cn/a?id=3,谢谢');
    // an e-mail address before a URL decides where the URL starts (the search goes left to right)
    expect(p('见a@b.chttp://x,中')).toBe('见a@b.chttp://x，中');
    expect(p('见b.chttp://x,中')).toBe('见b.chttp://x,中');
  });
});

describe('punctuation: the new text', () => {
  it('a line longer than the scratch space it is made in', () => {
    const line = '长三角,一体化(发展);'.repeat(2000);
    // the last `;` has no Chinese neighbour
    expect(p(line)).toBe(`${'长三角，一体化（发展）；'.repeat(1999)}长三角，一体化（发展）;`);
    expect(p(`${line}完`)).toBe(`${'长三角，一体化（发展）；'.repeat(2000)}完`);
  });
  it('keeps lone surrogates and the units around the marks as they are', () => {
    expect(p('\ud800,中\udc00:文')).toBe('\ud800，中\udc00：文');
    expect(p('a\ud83d,b')).toBe('a\ud83d，b');
  });
  it('a line after a longer one gets only its own units', () => {
    expect(p('长三角一体化发展,推进')).toBe('长三角一体化发展，推进');
    expect(p('中,文')).toBe('中，文');
  });
});

describe('punctuation: every line of the five real sources', () => {
  const HAN = '\\p{Script=Han}';
  const ASCII_BETWEEN_HAN = new RegExp(`${HAN}[,:;!()?]${HAN}`, 'u');
  const lines = sources.flatMap((s) => s.rawLines.map((line, i) => ({ where: `${s.id}:${i + 1}`, line })));

  it('no ASCII , : ; ! ( ) ? is left between Han characters', () => {
    const left = lines.filter(({ line }) => ASCII_BETWEEN_HAN.test(p(line))).map(({ where }) => where);
    expect(left).toEqual([]);
  });

  it('non-Chinese tokens survive untouched wherever they occur', () => {
    const tokens = ['5G', 'ICT', 'VR360', '1+1+1+1>4', '2019-05-24', '15:32:52', '06:38', 'cp55991@163.com', 'All Rights Reserved.', '18225885531', '34011102001196', 'Burberry', '7-0'];
    for (const token of tokens) {
      const before = lines.filter(({ line }) => line.includes(token)).length;
      const after = lines.filter(({ line }) => p(line).includes(token)).length;
      expect(before, token).toBeGreaterThan(0);
      expect(after, token).toBe(before);
    }
  });

  it('changes nothing but the seven marks, one for one', () => {
    for (const { line } of lines) {
      const out = p(line);
      expect(out.length).toBe(line.length);
      for (let i = 0; i < line.length; i++) {
        if (out[i] !== line[i]) expect(`${line[i]}→${out[i]}`).toMatch(/^[,:;?!()]→[，：；？！（）]$/);
      }
    }
  });
});

describe('punctuation: the fast paths', () => {
  it('a line without any of the seven marks comes back unchanged', () => {
    for (const text of ['', '长三角一体化发展', '，：；？！（）', '2019-05-24 1+1>4 a.b/c', '“两点”定位。', '见www.ahfzw.cn网站']) {
      const r = restorePunctuation(text);
      expect(r.text).toBe(text);
      expect(r.count).toBe(0);
    }
  });
  it('each of , : ; ? ! ( ) is found', () => {
    for (const mark of [',', ':', ';', '?', '!', '(', ')']) expect(restorePunctuation(`长三角${mark}一体化`).count).toBe(1);
  });
  it('a URL matters from where it starts on: marks before it are restored, its own are not', () => {
    expect(p('中,文 http://a.cn/x?y,中')).toBe('中，文 http://a.cn/x?y,中');
    expect(p('中,文 www.a.cn/x?y,中')).toBe('中，文 www.a.cn/x?y,中');
    expect(p('中:文 a:b')).toBe('中：文 a:b');
    // parentheses are paired over the whole line, without those of a URL further on
    expect(p('中(文 http://a.cn/x)中 ) 中')).toBe('中（文 http://a.cn/x)中 ） 中');
    expect(p('中(文 www.a.cn/x)中')).toBe('中（文 www.a.cn/x)中');
  });
  it('www. in any case starts a URL, as the URL pattern reads it', () => {
    expect(p('中,文 WWW.a.cn/x?y,中')).toBe('中，文 WWW.a.cn/x?y,中');
    expect(p('中 WWW.a.cn/x?y,中 www.b.cn')).toBe('中 WWW.a.cn/x?y,中 www.b.cn');
    expect(p('中 WWW.a.cn/x)中 ) www.b.cn')).toBe('中 WWW.a.cn/x)中 ) www.b.cn');
    expect(p('中(文 Www.a.cn/x)中')).toBe('中（文 Www.a.cn/x)中');
  });
});
