import { type MarkdownRenderer, parseFrontmatter } from '@astrojs/markdown-remark';
import config from '../../astro.config.ts';
import { describe, expect, it } from 'vitest';
import { bodyMarkdown, escapeMarkdown, markupLines, plainLines } from '../../scripts/extract/markdown.ts';
import { frontMatter } from '../../scripts/normalize.ts';
import type { CleanLine } from '../../scripts/pipeline/types.ts';

const hostile = [
  '<script>alert("xss")</script>代表团考察',
  '<img src=x onerror="alert(1)">图片',
  '{frontmatter} <Component/> {1+1}',
  '*强调* _下划线_ **粗体** __粗__',
  '# 不是标题',
  '| 表 | 格 |',
  '|---|---|',
  '`代码` ```三个```',
  '---',
  '[点我](javascript:alert(1)) ![图](http://evil.example/x.png)',
  '<!-- 注释 --> &amp; &lt; \\ 反斜杠',
  '1. 不是列表',
  '- 也不是列表',
  '> 不是引用',
  '    四个空格开头',
  '1+1+1+1>4，5G，ICT，2019-05-24，15:32，https://example.org/a_b?c=d，cp55991@163.com',
];

const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', amp: '&', apos: "'" };
/** HTML text → characters, in one pass (so `&#x26;lt;` stays `&lt;`). */
const decode = (html: string) =>
  html
    .replace(/<\/?p[^>]*>/g, '\n')
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|(lt|gt|quot|amp|apos));/gi, (_, dec, hex, name) =>
      dec ? String.fromCharCode(Number(dec)) : hex ? String.fromCharCode(parseInt(hex, 16)) : named[name.toLowerCase()]!,
    );

/** The site's own Markdown renderer (astro.config.ts), so the test sees what the site shows. */
let renderer: Promise<MarkdownRenderer> | undefined;
function siteRenderer(): Promise<MarkdownRenderer> {
  const processor = config.markdown?.processor as unknown as { options: { gfm?: boolean }; createRenderer(shared: object): Promise<MarkdownRenderer> };
  renderer ??= processor.createRenderer({});
  return renderer;
}

describe('article body as Markdown', () => {
  it('the site renders Markdown without GFM, which would autolink bare URLs in article text', () => {
    const processor = config.markdown?.processor as unknown as { options: { gfm?: boolean } };
    expect(processor.options.gfm).toBe(false);
  });

  it('renders hostile text as literal text: no element but paragraphs, nothing lost', async () => {
    const lines: CleanLine[] = hostile.map((text, i) => ({ kind: 'body', text, line: i + 1 }));
    const { code } = await (await siteRenderer()).render(bodyMarkdown(lines));
    const tags = [...code.matchAll(/<([a-z][a-z0-9]*)\b/gi)].map((m) => m[1]);
    expect(new Set(tags)).toEqual(new Set(['p', 'a']));
    // the only links are the paragraph permalinks the site adds (href="#…")
    expect([...code.matchAll(/href="([^"]*)"/g)].every((m) => m[1]!.startsWith('#'))).toBe(true);
    const text = decode(code.replace(/<a [^>]*>[^<]*<\/a>/g, ''));
    for (const line of hostile) expect(text).toContain(line.trim());
  });

  it('headings become ##, captions a <p class="caption"> with entity-escaped text, credits stay out', async () => {
    const lines: CleanLine[] = [
      { kind: 'title', text: '标题', line: 1 },
      { kind: 'meta', text: '发布时间：2019-05-24', line: 2 },
      { kind: 'heading', text: '在上海学习考察<b>', line: 3 },
      { kind: 'caption', text: '4月13日，代表团在上海市考察<script>x</script>', line: 4 },
      { kind: 'body', text: '正文。（宗禾）', line: 5 },
      { kind: 'credit', text: '责任编辑：张玉', line: 6 },
    ];
    const md = bodyMarkdown(lines, new Map([[4, '（宗禾）']]), lines[0]);
    expect(md).toBe('## 在上海学习考察\\<b\\>\n\n<p class="caption">4月13日，代表团在上海市考察&#60;script&#62;x&#60;/script&#62;</p>\n\n正文。\n');
    const { code } = await (await siteRenderer()).render(md);
    expect(code).toContain('4月13日，代表团在上海市考察&#x3C;script>x&#x3C;/script>');
    expect(code).toMatch(/<p[^>]*class="caption"/);
    expect(code).not.toContain('<script');
    expect(code).toMatch(/<h\d[^>]*>在上海学习考察&#x3C;b>/);
  });

  it('a title line that is not the visit title stays in the text', () => {
    const lines: CleanLine[] = [
      { kind: 'title', text: 'title: 伪造的标题', line: 1 },
      { kind: 'subtitle', text: '真正的标题', line: 2 },
      { kind: 'body', text: '正文。', line: 3 },
    ];
    expect(bodyMarkdown(lines, new Map(), lines[1])).toBe('title&#58; 伪造的标题\n\n正文。\n');
  });

  it('escapes every ASCII punctuation character and nothing else', () => {
    expect(escapeMarkdown('a*b_c 中文，5G')).toBe('a\\*b\\_c 中文，5G');
    expect(escapeMarkdown('a.b:c@d')).toBe('a&#46;b&#58;c&#64;d');
  });
});

describe('markup-like lines are reported', () => {
  // body lines numbered from 1, and the [line, what] of each reported
  it.each<[string, string[], [number, string][]]>([
    [
      'each line that looks like HTML, Markdown, MDX or YAML front matter, once',
      ['title: 伪造的标题', '# 不是标题', '正文，没有标记。', '<b>粗体</b>', '{x}', '1+1+1+1>4，5G'],
      [
        [1, 'a YAML front matter field'],
        [2, 'a Markdown block marker'],
        [4, 'HTML markup'],
        [5, 'MDX braces'],
      ],
    ],
    [
      'a numbered-list marker is markup; a line opening with a date or a number is not',
      ['1. 第一项', '12) 第二项', '13日上午，代表团抵达。', '2019年5月22日', '3.5亿元投资', '10.\t下一项'],
      [
        [1, 'a Markdown block marker'],
        [2, 'a Markdown block marker'],
        [6, 'a Markdown block marker'],
      ],
    ],
  ])('%s', (_, texts, reported) => {
    const lines: CleanLine[] = texts.map((text, i) => ({ kind: 'body', text, line: i + 1 }));
    expect(markupLines(lines).map((m) => [m.line, m.what])).toEqual(reported);
  });
});

describe('plain lines', () => {
  it('a line plainLines calls plain gives the same body and markup report with or without the flags', () => {
    const texts = [...hostile, '正文，没有标记。', 'Java 与 jQuery', 'abc开头', '\t缩进', '换行\n在中间', '１２３全角数字', '（宗禾）'];
    const lines: CleanLine[] = texts.flatMap((text, i) => (['body', 'caption', 'heading', 'meta'] as const).map((kind, k) => ({ kind, text, line: i * 4 + k + 1 })));
    const plain = plainLines(lines);
    expect([...plain].filter((p) => p === 1).length).toBe(4 * 3); // 四个空格开头, 正文…, 全角数字, （宗禾） in the three shown kinds
    lines.forEach((line, i) => {
      if (plain[i] === 1) expect(markupLines([line])).toEqual([]);
      if (plain[i] === 1) expect(bodyMarkdown([line])).toBe(`${line.kind === 'caption' ? `<p class="caption">${line.text.trim()}</p>` : line.kind === 'heading' ? `## ${line.text.trim()}` : line.text.trim()}\n`);
    });
    expect(markupLines(lines, plain)).toEqual(markupLines(lines));
    const strip = new Map([[lines.length - 4, '（宗禾）']]);
    expect(bodyMarkdown(lines, strip, lines[1], plain)).toBe(bodyMarkdown(lines, strip, lines[1]));
  });
});

describe('front matter', () => {
  it('keeps dates as strings and survives Astro’s front matter parser', () => {
    const data = { title: '---\n: x', start: '2019-10-23', published: { date: '2019-10-24', time: '15:32' }, visiting: null, hosts: ['zhejiang'], listed: false, n: 3 };
    const parsed = parseFrontmatter(`---\n${frontMatter(data)}---\n\n正文\n`);
    expect(parsed.frontmatter).toEqual(data);
    expect(parsed.content.trim()).toBe('正文');
  });
});
