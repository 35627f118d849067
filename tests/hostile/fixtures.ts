/**
 * The hostile battery: source files an editor might drop into content/sources/, generated in
 * code from the text of a real article (content/sources/004_…, 安徽 → 广东, 2024), so that the
 * encoded ones are real GBK / Big5 / UTF-16 bytes and every fixture reads like the genre.
 *
 * Each fixture has its own visit dates, so that fixtures built together cannot collide on a
 * visit id, and its own marker paragraph (`代表团还考察了<tag>科技园…`) by which its page is found.
 *
 * `expect`:
 * - `build`: the issue requires it to build (a decodable article, however odd its text);
 * - `either`: building with a warning or stopping with `file:line: reason` are both acceptable.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { projectRoot } from '../helpers/builds.ts';

export interface FixtureFile {
  name: string;
  bytes: Buffer;
}

export interface Fixture {
  id: string;
  /** what the issue calls it */
  label: string;
  files: FixtureFile[];
  expect: 'build' | 'either';
  /** the visit page of a built fixture is the one containing this text */
  marker: string;
  /** text that must be on the fixture's visit page when it builds (one entry per paragraph) */
  mustShow: string[];
  /** text that must never be on the page (e.g. a stray `?` left by a lost character) */
  mustNotShow?: string[];
  /**
   * a lost character that nothing in the document proves: between `before` and `after` the
   * article must show a visible gap marker, never a guessed character and never a `?`
   */
  gap?: { before: string; after: string };
  /** a `warning` naming the file must be in reports/normalize.txt when it builds */
  warns?: boolean;
  /** markup that must be shown as text, never be live (checked in the browser) */
  hostileMarkup?: boolean;
  /** lines that must keep their literal characters and not become Markdown structure */
  markdownLines?: string[];
}

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const sexagenary = '甲子 乙丑 丙寅 丁卯 戊辰 己巳 庚午 辛未 壬申 癸酉 甲戌 乙亥 丙子 丁丑 戊寅 己卯 庚辰 辛巳 壬午 癸未'.split(' ');

/** Paragraphs of the real article 004 (安徽 → 广东), with its dates taken out. */
function realArticle() {
  const lines = readFileSync(join(projectRoot, 'content/sources/004_d15ffafb32c6f604.txt'), 'utf8').split('\n');
  const find = (start: string) => {
    const line = lines.find((l) => l.trim().startsWith(start));
    if (!line) throw new Error(`fixtures: no line starting with ${start} in source 004`);
    return line.trim();
  };
  const after = (line: string, prefix: RegExp) => {
    if (!prefix.test(line)) throw new Error(`fixtures: source 004 changed: ${prefix} does not match ${line.slice(0, 40)}`);
    return line.replace(prefix, '');
  };
  return {
    title: find('韩俊王清宪率'),
    lead: after(find('中安在线、中安新闻客户端讯'), /^中安在线、中安新闻客户端讯\s*2月27日至28日,/),
    caption: after(find('2月27日下午'), /^2月27日下午,/),
    welcome: find('座谈会上,'),
    thanks: find('韩俊代表安徽省委'),
    tour: find('在粤期间'),
  };
}

const real = realArticle();

interface ArticleOptions {
  index: number;
  /** omit every date (publication line, dateline, caption) */
  noDate?: boolean;
  /** extra paragraphs inserted after the lead */
  extra?: string[];
  /** replace text throughout */
  replace?: [string, string][];
}

interface Article {
  text: string;
  marker: string;
  /** body paragraphs that must survive, as written in the source */
  paragraphs: string[];
  title: string;
}

/** A complete article in the layout of the real source (breadcrumb, title, meta line, body). */
export function article({ index, noDate = false, extra = [], replace = [] }: ArticleOptions): Article {
  const month = 5 + Math.floor(index / 9);
  const day = 2 + 3 * (index % 9);
  const tag = sexagenary[index]!;
  const marker = `代表团还考察了${tag}科技园,详细了解园区建设和企业运营情况。`;
  const dateline = noDate ? '近日,' : `${month}月${day}日至${day + 1}日,`;
  const meta = noDate ? '来源:中安在线   作者:----' : `2024年${String(month).padStart(2, '0')}月${String(day + 2).padStart(2, '0')}日 06:38   来源:中安在线   作者:----`;
  const caption = `${noDate ? '日前' : `${month}月${day}日下午`},${real.caption}`;
  const apply = (s: string) => replace.reduce((acc, [from, to]) => acc.replaceAll(from, to), s);
  const lead = `中安在线、中安新闻客户端讯 ${dateline}${real.lead}`;
  const paragraphs = [lead, marker, ...extra, real.welcome, real.thanks, real.tour].map(apply);
  const title = apply(real.title);
  const text = [
    '首页 > 内容管理 > 政经',
    '',
    title,
    '',
    apply(meta),
    '',
    '',
    `  ${paragraphs[0]}`,
    '',
    apply(caption),
    ...paragraphs.slice(1).flatMap((p) => ['', `  ${p}`]),
    '',
    '',
    '网站备案/许可证号:皖ICP备2024067946号-1 安徽发展网 © 版权所有 安徽发展网免责声明',
    '',
  ].join('\n');
  return { text, marker: apply(marker), paragraphs, title };
}

/** A deterministic pseudo-random byte stream (xorshift32), for the binary fixture. */
function pseudoRandomBytes(length: number, seed = 0x9e3779b9): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/** Sentences of the three simplified real sources, for a long article with no repeated paragraph. */
function realSentences(): string[] {
  const files = ['002_2ac1a77de42346ef.txt', '003_ec3425ee7faf46ec.txt', '004_d15ffafb32c6f604.txt'];
  const sentences: string[] = [];
  for (const file of files) {
    for (const line of readFileSync(join(projectRoot, 'content/sources', file), 'utf8').split('\n')) {
      const t = line.trim();
      if (t.length < 80) continue; // body paragraphs only, not chrome
      sentences.push(...t.split('。').filter((s) => s.length > 10).map((s) => `${s}。`));
    }
  }
  return sentences;
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');

/**
 * Text in a legacy encoding, verified to decode back to itself. Characters those encodings lack
 * (the no-break spaces and the © of the web page) are written as a plain space and `(C)`, as
 * they would be in a file saved in that encoding.
 */
function encode(text: string, encoding: 'gbk' | 'big5'): Buffer {
  const plain = text.replaceAll('\u00a0', ' ').replaceAll('©', '(C)');
  const bytes = iconv.encode(plain, encoding);
  const back = iconv.decode(bytes, encoding);
  if (back !== plain) {
    const bad = [...plain].find((c, i) => back[i] !== c);
    throw new Error(`fixtures: ${encoding} cannot encode ${JSON.stringify(bad)}`);
  }
  return bytes;
}

/** Pinyin annotations as the damaged traditional copies carry them (source 000): 發(fā)展. */
const annotations: [string, string][] = [
  ['發', 'fā'],
  ['協', 'xié'],
  ['區', 'qū'],
  ['業', 'yè'],
  ['態', 'tài'],
];
function damage(traditional: string): string {
  return annotations.reduce((acc, [char, pinyin]) => acc.replaceAll(char, `${char}(${pinyin})`), traditional);
}

export function fixtures(): Fixture[] {
  const list: Fixture[] = [];
  let index = 0;
  const next = () => index++;

  list.push({ id: 'empty', label: 'empty file', files: [{ name: 'empty.txt', bytes: Buffer.alloc(0) }], expect: 'either', marker: '', mustShow: [] });
  list.push({
    id: 'whitespace',
    label: 'whitespace only',
    files: [{ name: 'whitespace.txt', bytes: utf8(' \n\t\r\n\u3000\u3000\n  \n') }],
    expect: 'either',
    marker: '',
    mustShow: [],
  });
  list.push({
    id: 'binary',
    label: 'binary (a PNG named .txt)',
    files: [{ name: 'binary.txt', bytes: Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), pseudoRandomBytes(4096)]) }],
    expect: 'either',
    marker: '',
    mustShow: [],
  });

  {
    const a = article({ index: next() });
    list.push({ id: 'gbk', label: 'GBK', files: [{ name: 'gbk.txt', bytes: encode(a.text, 'gbk') }], expect: 'build', marker: a.marker, mustShow: [a.title, ...a.paragraphs] });
  }
  {
    const a = article({ index: next() });
    const text = toTraditional(a.text);
    list.push({
      id: 'big5',
      label: 'Big5 (traditional script)',
      files: [{ name: 'big5.txt', bytes: encode(text, 'big5') }],
      expect: 'build',
      marker: a.marker,
      mustShow: [toTraditional(a.title), ...a.paragraphs.map((p) => toTraditional(p))],
    });
  }
  {
    const a = article({ index: next() });
    list.push({
      id: 'utf16',
      label: 'UTF-16 with BOM',
      files: [{ name: 'utf16-bom.txt', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(a.text.replaceAll('\n', '\r\n'), 'utf-16le')]) }],
      expect: 'build',
      marker: a.marker,
      mustShow: [a.title, ...a.paragraphs],
    });
  }
  {
    const a = article({ index: next() });
    list.push({
      id: 'utf8-bom-crlf',
      label: 'UTF-8 with BOM and CRLF',
      files: [{ name: 'utf8-bom-crlf.txt', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(a.text.replaceAll('\n', '\r\n'))]) }],
      expect: 'build',
      marker: a.marker,
      mustShow: [a.title, ...a.paragraphs],
    });
  }
  {
    // About 1 MB: the article with ~400 more paragraphs made of the real sources' sentences,
    // each paragraph different (a numbered part), so that nothing looks like a repeated line.
    const sentences = realSentences();
    const extra: string[] = [];
    let bytes = 0;
    for (let n = 1; bytes < 1_000_000; n++) {
      const start = (n * 7) % sentences.length;
      const body = Array.from({ length: 6 }, (_, k) => sentences[(start + k * 3) % sentences.length]).join('');
      const paragraph = `(第${n}部分)${body}`;
      extra.push(paragraph);
      bytes += Buffer.byteLength(paragraph) + 3;
    }
    const a = article({ index: next(), extra });
    list.push({ id: 'one-megabyte', label: 'a 1 MB article', files: [{ name: 'one-megabyte.txt', bytes: utf8(a.text) }], expect: 'build', marker: a.marker, mustShow: [a.title, ...a.paragraphs] });
  }
  {
    const extra = [
      '<script>alert("xss-script")</script>代表团一行在展厅内听取了项目介绍。',
      '图为考察现场。<img src=x onerror="alert(\'xss-img\')">',
      '详情请<a href="javascript:alert(\'xss-link\')">点击这里</a>查看。',
      '<!-- 编辑备注:此段为内部说明 -->双方还就深化合作进行了交流。',
      '<iframe src="https://evil.example/"></iframe><style>body{display:none}</style>会议在热烈的气氛中结束。',
      '<svg onload="alert(\'xss-svg\')"><title>图</title></svg>双方表示将加强对接。',
    ];
    const a = article({ index: next(), extra });
    list.push({
      id: 'markup',
      label: 'article with <script>, <img onerror>, javascript: links, HTML comments',
      files: [{ name: 'markup.txt', bytes: utf8(a.text) }],
      expect: 'build',
      marker: a.marker,
      mustShow: [a.title, ...a.paragraphs],
      warns: true,
      hostileMarkup: true,
    });
  }
  {
    const markdownLines = [
      '会议强调,要把{学习成果}转化为{发展动能},{frontmatter.title}不是表达式。',
      '<Component /> 与 <Fragment set:html="<b>粗体</b>" /> 都不是组件。',
      '---',
      '# 这不是标题',
      '* 这不是列表项',
      '_这不是斜体_ 与 __这不是粗体__ 与 **这也不是粗体**',
      '| 项目 | 金额 |',
      '|---|---|',
      '`这不是代码` 与 ```这也不是代码```',
      "import Evil from './Evil.astro'",
      'export const 常量 = 1',
      "[这不是链接](javascript:alert('xss-md'))",
      '![这不是图片](missing.png)',
      '> 这不是引用',
      '1. 这不是有序列表',
      '[注1]: https://example.org/ 这不是链接定义',
      '实体 &lt;b&gt; 与 &amp; 原样显示,反斜杠 \\*不变\\*。',
    ];
    const a = article({ index: next(), extra: markdownLines });
    list.push({
      id: 'markdown-specials',
      label: 'Markdown/MDX specials ({}, <Component/>, ---, #, *, _, |, backticks)',
      files: [{ name: 'markdown-specials.txt', bytes: utf8(a.text) }],
      expect: 'build',
      marker: a.marker,
      mustShow: [a.title, ...a.paragraphs],
      warns: true,
      hostileMarkup: true,
      markdownLines,
    });
  }
  {
    const a = article({ index: next() });
    const fake = ['---', 'title: 伪造的标题', 'draft: true', 'layout: ../layouts/Evil.astro', 'kind: meeting', '---', ''].join('\n');
    list.push({
      id: 'front-matter',
      label: 'text that looks like front matter',
      files: [{ name: 'front-matter.txt', bytes: utf8(fake + a.text) }],
      expect: 'build',
      marker: a.marker,
      // the fake keys are the source's text too: shown (or listed as removed), never obeyed
      mustShow: [a.title, ...a.paragraphs],
      warns: true,
    });
  }
  {
    const a = article({ index: next() });
    list.push({
      id: 'duplicate',
      label: 'the same article twice',
      files: [
        { name: 'duplicate-a.txt', bytes: utf8(a.text) },
        { name: 'duplicate-b.txt', bytes: utf8(a.text) },
      ],
      expect: 'either',
      marker: a.marker,
      mustShow: [a.title, ...a.paragraphs],
      warns: true,
    });
  }
  {
    const a = article({ index: next(), noDate: true });
    list.push({ id: 'no-date', label: 'an article with no date', files: [{ name: 'no-date.txt', bytes: utf8(a.text) }], expect: 'either', marker: a.marker, mustShow: [a.title, ...a.paragraphs], warns: true });
  }
  {
    const a = article({ index: next(), replace: [['广东', '东海'], ['粤', '瀛'], ['广州', '瀛州'], ['深圳', '蓬莱']] });
    list.push({
      id: 'unknown-province',
      label: 'an article with an unknown province (东海省)',
      files: [{ name: 'unknown-province.txt', bytes: utf8(a.text) }],
      expect: 'either',
      marker: a.marker,
      mustShow: [a.title, ...a.paragraphs],
      warns: true,
    });
  }
  {
    // A damaged traditional copy (pinyin annotations as in source 000) in which one character of
    // a name was lost as `??` and the name appears nowhere else: nothing can prove it.
    const a = article({ index: next() });
    const gapName = '王伟中';
    if (!a.text.includes(gapName)) throw new Error(`fixtures: ${gapName} is no longer in the base article`);
    const clean = toTraditional(a.text);
    const lostName = toTraditional(gapName);
    const damaged = damage(clean).replace(lostName, `${lostName[0]}??${lostName[2]}`);
    const paragraphs = a.paragraphs.map((p) => toTraditional(p));
    const withGap = paragraphs.findIndex((p) => p.includes(lostName));
    const [before, after] = paragraphs[withGap]!.split(lostName) as [string, string];
    list.push({
      id: 'lost-character',
      label: 'a lost `?` that cannot be repaired',
      files: [{ name: 'lost-character.txt', bytes: utf8(damaged) }],
      expect: 'build',
      marker: a.marker,
      // the paragraph with the gap must keep both sides of it; the others must be whole
      mustShow: [...paragraphs.filter((_, i) => i !== withGap), `${before}${lostName[0]}`, `${lostName[2]}${after}`],
      mustNotShow: ['??', `${lostName[0]}?`, `${lostName[0]}？`, '(fā)', '(qū)'],
      gap: { before: `省長${lostName[0]}`, after: `${lostName[2]},` },
      warns: true,
    });
  }
  {
    const a = article({ index: next() });
    list.push({
      id: 'file-name',
      label: 'a file name with spaces and Chinese characters',
      files: [{ name: '安徽代表团 赴广东 考察 (副本).txt', bytes: utf8(a.text) }],
      expect: 'build',
      marker: a.marker,
      mustShow: [a.title, ...a.paragraphs],
    });
  }
  {
    // Beyond the issue's spaces and Chinese: characters a URL or Astro's router reads as syntax.
    const a = article({ index: next() });
    list.push({
      id: 'file-name-symbols',
      label: 'a file name with #, % and ?',
      files: [{ name: '报道 #1 (100%) 定稿?.txt', bytes: utf8(a.text) }],
      expect: 'build',
      marker: a.marker,
      mustShow: [a.title, ...a.paragraphs],
    });
  }
  {
    // Not in the issue's list, but the same attack through another door: a source whose name
    // says HTML. If the site publishes raw sources, it must not publish this one as a page.
    const a = article({ index: next(), extra: ['<script>alert("xss-raw")</script>原文链接请见附件。'] });
    list.push({
      id: 'html-extension',
      label: 'a source named .html with a <script> inside',
      files: [{ name: '专稿.html', bytes: utf8(a.text) }],
      expect: 'either',
      marker: a.marker,
      mustShow: [a.title, ...a.paragraphs],
      hostileMarkup: true,
    });
  }
  return list;
}
