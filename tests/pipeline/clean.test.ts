import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { cleanSource, nthGapRun, SourceError } from '../../scripts/pipeline/clean.ts';
import { seeded } from '../extract/random.ts';
import { GAP_MARK } from '../../scripts/pipeline/gaps.ts';
import { formatReport } from '../../scripts/pipeline/report.ts';
import type { CleanDocument } from '../../scripts/pipeline/types.ts';
import { source, sources } from './sources.ts';

const t2cn = OpenCC.Converter({ from: 't', to: 'cn' });
const docs = new Map<string, CleanDocument>(sources.map((s) => [s.id, cleanSource(s.bytes, s.path)]));
const doc = (id: string) => docs.get(id)!;
const text = (id: string) => doc(id).lines.map((l) => l.text).join('\n');

/** the document without its vfile, for comparisons */
const plain = (d: CleanDocument) => JSON.stringify({ ...d, vfile: d.vfile.messages.map((m) => [m.line, m.column, m.ruleId, m.reason, m.fatal]) });

describe('cleanSource on the five real sources', () => {
  it('fills the document’s identity', () => {
    const d = doc('001');
    expect(d.path).toBe(source('001').path);
    expect(d.file).toBe('001_cc6c4b9cc009c9ed.txt');
    expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(d.encoding).toBe('UTF-8');
    expect(sources.map((s) => doc(s.id).script)).toEqual(['traditional', 'traditional', 'simplified', 'simplified', 'simplified']);
  });

  it('zero pinyin remnants', () => {
    for (const s of sources) expect(text(s.id)).not.toMatch(/[\p{Script=Han}?A-Za-z]\([a-zü' ]+\)|\?[a-zü]+\)/u);
  });

  it('zero stray `?` (ASCII or otherwise) in the published text', () => {
    for (const s of sources) expect(text(s.id), s.id).not.toContain('?');
  });

  it('zero ASCII , : ; ! ( ) ? between Han characters', () => {
    for (const s of sources) expect(text(s.id), s.id).not.toMatch(/\p{Script=Han}[,:;!()?]\p{Script=Han}/u);
  });

  it('non-Chinese tokens untouched', () => {
    expect(text('003')).toContain('5G虚拟驾驶、VR360直播');
    expect(text('004')).toContain('全球领先的ICT基础设施');
    expect(text('001')).toContain('实现“1+1+1+1>4”');
    expect(text('001')).toContain('发布时间：2019-05-24作者');
    expect(text('002')).toContain('2023-04-15 15:32:52');
    expect(text('004')).toContain('06:38');
    expect(text('000')).toContain('通过5G技术应用');
  });

  it('001: 吴政隆 restored, with the evidence; 重□□ left, with a warning', () => {
    expect(doc('001').changes.charactersRestored).toEqual([{ from: '吴政??', to: '吴政隆', line: 16, evidence: '吴政隆 at 12:19, 38:3' }]);
    expect(text('001')).toContain('江苏省委副书记、省长吴政隆；浙江省委书记车俊');
    expect(doc('001').changes.gapsLeft).toEqual([{ line: 22, context: '提高站位、勇挑重□□，从增强“四个意' }]);
    const warnings = doc('001').vfile.messages.filter((m) => m.fatal === false);
    expect(warnings.map((m) => [m.line, m.column, m.ruleId])).toEqual([[22, 127, 'gap/unresolved']]);
  });

  it('000 and 001 contain no character opencc would still convert', () => {
    for (const id of ['000', '001']) {
      const t = text(id);
      expect(t2cn(t)).toBe(t);
    }
  });

  it('simplified sources are not converted', () => {
    for (const id of ['002', '003', '004']) {
      expect(doc(id).changes.convertedToSimplified).toBe(false);
      expect(doc(id).changes.pinyinAnnotationsRemoved).toBe(0);
    }
    // 著 stays in a simplified text even though t→cn would change it in some words
    expect(t2cn('显著')).toBe('显著');
  });

  it('change summaries', () => {
    const c = (id: string) => doc(id).changes;
    expect(c('000')).toMatchObject({ chromeLinesRemoved: 5, convertedToSimplified: true, copyrightSignsRepaired: 1, charactersRestored: [], gapsLeft: [] });
    expect(c('001')).toMatchObject({ chromeLinesRemoved: 9, convertedToSimplified: true, copyrightSignsRepaired: 1 });
    // annotations counted in published lines only: 001 has 407 in all, 6 of them in chrome lines
    const annotations = (id: string, lines: number[]) =>
      lines.reduce((n, line) => n + (source(id).rawLines[line - 1]!.match(/\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)|(?<=\?)[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)/gu) ?? []).length, 0);
    for (const id of ['000', '001']) {
      const kept = [...new Set(doc(id).lines.map((l) => l.line))];
      expect(c(id).pinyinAnnotationsRemoved).toBe(annotations(id, kept));
      expect(c(id).pinyinAnnotationsRemoved).toBeGreaterThan(80);
    }
    for (const s of sources) {
      const d = doc(s.id);
      const full = (d.lines.map((l) => l.text).join('').match(/[，：；？！（）]/g) ?? []).length;
      const raw = [...new Set(d.lines.map((l) => l.line))].reduce((n, line) => n + (s.rawLines[line - 1]!.match(/[，：；？！（）]/g) ?? []).length, 0);
      expect(d.changes.punctuationRestored, s.id).toBe(full - raw);
    }
  });

  it('every message points at its line and column in the raw file', () => {
    for (const s of sources) {
      for (const m of doc(s.id).vfile.messages) {
        const line = s.rawLines[(m.line ?? 0) - 1];
        expect(line, `${s.id} ${m.line}:${m.column} ${m.ruleId}`).toBeDefined();
        const at = line!.slice((m.column ?? 1) - 1);
        const where = `${s.id}:${m.line}:${m.column} ${m.ruleId} “${at.slice(0, 12)}”`;
        switch (m.ruleId) {
          case 'pinyin/annotation':
            expect(at, where).toMatch(/^\(?[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/u);
            break;
          case 'punctuation/full-width':
            expect(at, where).toMatch(/^[,:;?!()]/);
            break;
          case 'gap/restored':
          case 'gap/unresolved':
            expect(at, where).toMatch(/^\?/);
            break;
          case 'chrome/share-bar-suffix':
            expect(at, where).toBe('分享到:');
            break;
          case 'chrome/comment-counter-suffix':
            expect(at, where).toBe('0');
            break;
          case 'chrome/repeated-caption':
            expect(at.trim().length * 2 + 1, where).toBe(line!.trim().length);
            break;
          default:
            expect(m.ruleId, where).toMatch(/^chrome\//);
            expect(m.column, where).toBe(1);
        }
      }
    }
  });

  it('messages are vfile messages without a stack trace, and Error.stackTraceLimit is left as it was', () => {
    const limit = Error.stackTraceLimit;
    const d = cleanSource(source('001').bytes, source('001').path);
    expect(Error.stackTraceLimit).toBe(limit);
    expect(d.vfile.messages.length).toBeGreaterThan(0);
    for (const m of d.vfile.messages) {
      expect(m).toBeInstanceOf(Error);
      expect(m.stack).toBe('');
    }
    // an error made afterwards has its stack trace again
    expect(new Error('after').stack).toContain('clean.test.ts');
  });

  it('is deterministic: cleaning twice gives identical documents and reports', () => {
    for (const s of sources) {
      const again = cleanSource(new Uint8Array(s.bytes), s.path);
      expect(plain(again)).toBe(plain(doc(s.id)));
    }
    const first = formatReport(sources.map((s) => doc(s.id).vfile));
    const second = formatReport(sources.map((s) => cleanSource(s.bytes, s.path).vfile));
    expect(second).toBe(first);
  });
});

describe('cleanSource: other encodings give the same document', () => {
  it('GB18030, UTF-16 (BOM and none), UTF-8 with BOM and CRLF', () => {
    for (const id of ['002', '003', '004']) {
      const s = source(id);
      const reference = doc(id).lines;
      const variants: [string, Uint8Array][] = [
        ['GB18030', iconv.encode(s.text, 'gb18030')],
        ['UTF-16LE (BOM)', new Uint8Array([0xff, 0xfe, ...iconv.encode(s.text, 'utf-16le')])],
        ['UTF-16BE', iconv.encode(s.text, 'utf-16be')],
        ['UTF-8 (BOM)', new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(s.text.replace(/\n/g, '\r\n'))])],
      ];
      for (const [encoding, bytes] of variants) {
        const d = cleanSource(bytes, s.path);
        expect(d.encoding, `${id} ${encoding}`).toBe(encoding);
        expect(d.lines, `${id} ${encoding}`).toEqual(reference);
      }
    }
  });

  it('Big5 of the damaged copy 000 gives the same article', () => {
    const s = source('000');
    const big5 = iconv.encode(s.text, 'big5');
    expect(iconv.decode(big5, 'big5')).toBe(s.text); // 000 is all Big5 characters
    const d = cleanSource(big5, s.path);
    expect(d.encoding).toBe('Big5');
    expect(d.lines).toEqual(doc('000').lines);
  });

  it('reports the encoding and the line endings', () => {
    const d = cleanSource(iconv.encode(source('003').text.replace(/\n/g, '\r\n'), 'gbk'), 'a.txt');
    expect(d.vfile.messages.filter((m) => m.ruleId?.startsWith('decode/')).map((m) => [m.line, m.ruleId, m.reason])).toEqual([
      [1, 'decode/encoding', expect.stringMatching(/^decoded as GB18030 \(chardet confidence \d+\)$/)],
      [1, 'decode/line-endings', 'line endings: CRLF'],
    ]);
  });

  it('throws SourceError for a file that is not text', () => {
    expect(() => cleanSource(new Uint8Array(0), 'content/sources/empty.txt')).toThrow(SourceError);
    expect(() => cleanSource(Buffer.from('  \n\u3000\n'), 'content/sources/blank.txt')).toThrow('content/sources/blank.txt: contains only whitespace');
  });

  it('a file of chrome only gives a document with no lines, not an error', () => {
    const d = cleanSource(Buffer.from('登陆注册\n推荐阅读\n·一条\n'), 'a.txt');
    expect(d.lines).toEqual([]);
    expect(d.changes.chromeLinesRemoved).toBe(3);
  });

  it('a gap marker in the published text is always reported', () => {
    for (const s of sources) {
      const gaps = doc(s.id).lines.filter((l) => l.text.includes(GAP_MARK)).length;
      expect(gaps).toBe(new Set(doc(s.id).changes.gapsLeft.map((g) => g.line)).size);
    }
  });
});

describe('nthGapRun', () => {
  it('finds the n-th run of gap marks as a global regular expression does, on random texts', () => {
    const random = seeded(41);
    const units = [GAP_MARK, GAP_MARK, '重', '，', 'a', ' ', '?'];
    for (let t = 0; t < 2000; t++) {
      let text = '';
      const length = Math.floor(random() * 16);
      for (let i = 0; i < length; i++) text += units[Math.floor(random() * units.length)]!;
      const runs = [...text.matchAll(new RegExp(`${GAP_MARK}+`, 'g'))];
      for (let nth = 0; nth <= runs.length; nth++) {
        const run = runs[nth];
        expect(nthGapRun(text, nth), `${JSON.stringify(text)} #${nth}`).toEqual(run ? [run.index, run.index + run[0].length] : null);
      }
    }
  });
});
