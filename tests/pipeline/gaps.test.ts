import { describe, expect, it } from 'vitest';
import { GAP_MARK, repairGaps } from '../../scripts/pipeline/gaps.ts';
import { splitLines } from '../../scripts/pipeline/lines.ts';
import { removePinyin } from '../../scripts/pipeline/pinyin.ts';
import { fixture, source } from './sources.ts';

function damaged(text: string) {
  const lines = splitLines(text);
  const pinyin = removePinyin(lines);
  const result = repairGaps(lines, { damaged: true, hints: pinyin.hints, readings: pinyin.readings });
  return { lines, result, text: lines.map((l) => l.text).join('\n') };
}
function plain(text: string) {
  const lines = splitLines(text);
  const result = repairGaps(lines, { damaged: false });
  return { lines, result, text: lines.map((l) => l.text).join('\n') };
}

describe('gaps: restoration proved by the document', () => {
  it('restores a name written intact elsewhere (吳政?? → 吳政隆), with the evidence', () => {
    const { text, result, lines } = damaged('省長吳政??;浙江\n吳政隆說,江蘇\n李強吳政隆出席');
    expect(text).toBe('省長吳政隆;浙江\n吳政隆說,江蘇\n李強吳政隆出席');
    expect(result.restored).toEqual([{ line: 1, column: 5, from: '吳政??', to: '吳政隆', evidence: '吳政隆 at 2:1, 3:3' }]);
    expect(lines[0]!.messages).toEqual([
      { rule: 'gap/restored', message: 'restored 吳政隆 from 吳政??: the document has 吳政隆 at 2:1, 3:3', column: 5, severity: 'info' },
    ]);
  });

  it('with nothing after the gap, one place is not enough (the word’s end is unknown)', () => {
    const { text, lines } = damaged('省長吳政??;浙江\n吳政隆說,江蘇');
    expect(text.split('\n')[0]).toBe(`省長吳政${GAP_MARK}${GAP_MARK};浙江`);
    expect(lines[0]!.messages[0]!.message).toMatch(/only one place \(吳政隆\) fits/);
  });

  it('a known character after the gap must be matched: 王??中 is not 王清憲', () => {
    const { text, result } = damaged('廣東省長王??中,安徽省長王清憲分別介紹\n省長王清憲說');
    expect(text.split('\n')[0]).toBe(`廣東省長王${GAP_MARK}${GAP_MARK}中,安徽省長王清憲分別介紹`);
    expect(result.restored).toEqual([]);
    expect(damaged('廣東省長王??中,\n省長王偉中說').text.split('\n')[0]).toBe('廣東省長王偉中,');
  });

  it('uses the right-hand context too', () => {
    expect(damaged('李?斌說\n省委書記李錦斌說').text).toBe('李錦斌說\n省委書記李錦斌說');
  });

  it('leaves a visible gap and a warning when the evidence disagrees', () => {
    const { text, result, lines } = damaged('發展??;\n發展了經濟\n發展是硬道理');
    expect(text.split('\n')[0]).toBe(`發展${GAP_MARK}${GAP_MARK};`);
    expect(result.restored).toEqual([]);
    expect(result.gaps).toHaveLength(1);
    expect(lines[0]!.messages[0]).toMatchObject({ rule: 'gap/unresolved', severity: 'warning', column: 3 });
    expect(lines[0]!.messages[0]!.message).toMatch(/the document allows 了 \/ 是/);
  });

  it('leaves a gap when nothing in the document proves it (no guess)', () => {
    const { text, result } = damaged('勇挑重?fù)?dān),從增強');
    expect(text).toBe(`勇挑重${GAP_MARK}${GAP_MARK},從增強`);
    expect(result.gaps).toEqual([{ line: 1, column: 4, context: `勇挑重${GAP_MARK}${GAP_MARK},從增強`, hints: ['fù', 'dān'] }]);
  });

  it('a pinyin hint must agree with the document’s own annotations', () => {
    // 負 is annotated fù elsewhere: 重負 is proved; a candidate read otherwise would not be
    expect(damaged('挑重?fù)\n負(fù)責\n勇挑重負在肩').text.split('\n')[0]).toBe('挑重負');
    expect(damaged('挑重?dān)\n負(fù)責\n勇挑重負在肩').text.split('\n')[0]).toBe(`挑重${GAP_MARK}`);
  });

  it('a single `?` ending a question stays (for the punctuation step)', () => {
    expect(damaged('發(fā)展怎麼辦?大家說').text).toBe('發展怎麼辦?大家說');
    expect(damaged('發(fā)展好嗎?').text).toBe('發展好嗎?');
  });

  it('Copyright ? and ? 2011 become ©', () => {
    const { text, result } = damaged('發(fā)\nCopyright ? 2011 中共安徽省委黨校\n? 2024 安徽發展網');
    expect(text).toBe('發\nCopyright © 2011 中共安徽省委黨校\n© 2024 安徽發展網');
    expect(result.copyright).toEqual([
      { line: 2, column: 11 },
      { line: 3, column: 1 },
    ]);
  });

  it('leaves lines of nothing but `?` to the chrome step', () => {
    expect(damaged('?\n發(fā)').text).toBe('?\n發');
  });
});

describe('gaps: documents without damage', () => {
  it('a `?` is punctuation', () => {
    expect(plain('偷拍翻车了?自拍身材').text).toBe('偷拍翻车了?自拍身材');
    expect(plain('为什么??').text).toBe('为什么??');
  });
  it('unless the document proves a lost character with context on both sides', () => {
    const { text, result } = plain('省委书记李?斌出席\n省委书记李锦斌主持');
    expect(text).toBe('省委书记李锦斌出席\n省委书记李锦斌主持');
    expect(result.restored[0]!.evidence).toBe('委书记李锦斌 at 2:2');
  });
  it('Copyright ? still becomes ©', () => {
    expect(plain('Copyright ? 2011 安徽').text).toBe('Copyright © 2011 安徽');
  });
});

describe('gaps: the real sources and the fixture', () => {
  it('001: 吳政隆 restored from the document, 重?? left as a visible gap, no stray `?`', () => {
    const { text, result } = damaged(source('001').text);
    expect(result.restored).toEqual([
      { line: 16, column: 118, from: '吳政??', to: '吳政隆', evidence: '吳政隆 at 12:19, 38:3' },
    ]);
    expect(result.gaps.map((g) => [g.line, g.hints])).toEqual([[22, ['fù', 'dān']]]);
    expect(result.copyright).toEqual([{ line: 50, column: 11 }]);
    // the only `?` left is the debris line 1, which the chrome step removes
    expect(text.split('\n').flatMap((l, i) => (l.includes('?') ? [i + 1] : []))).toEqual([1]);
  });

  it('000: only the copyright sign', () => {
    const { result } = damaged(source('000').text);
    expect(result).toEqual({ restored: [], gaps: [], copyright: [{ line: 10, column: 11 }] });
  });

  it('004: the two question marks in the link list are punctuation, not gaps', () => {
    const { text, result } = plain(source('004').text);
    expect(text).toBe(source('004').text);
    expect(result.restored).toEqual([]);
  });

  it('the damaged fixture', () => {
    const { text, result } = damaged(fixture('damaged-small.txt'));
    expect(result.restored.map((r) => [r.line, r.to])).toEqual([
      [6, '吳政隆出席'], // the evidence matched on both sides: 李強車俊吳政隆出席
      [10, '吳政隆'],
    ]);
    expect(result.gaps.map((g) => g.line)).toEqual([11]);
    expect(text).toContain('怎麼辦?大家');
  });
});

describe('gaps: cost stays linear', () => {
  it('many gaps with the same context share one search', () => {
    const text = `${'省委书记李?斌说,'.repeat(3000)}\n省委书记李锦斌主持`;
    const started = process.cpuUsage();
    const { result } = plain(text);
    const used = process.cpuUsage(started);
    expect(result.restored).toHaveLength(3000);
    // the search ran once: well under what 3,000 searches over 3,000 places would take
    expect((used.user + used.system) / 1000).toBeLessThan(3000);
  });

  it('a context character found in too many places is not searched: the gap stays, with the reason', () => {
    const text = `${'李'.repeat(6000)}\n${'斌'.repeat(6000)}\n李?斌說,發(fā)`;
    const { result, lines } = damaged(text);
    expect(result.gaps).toHaveLength(1);
    expect(lines[2]!.messages.find((m) => m.rule === 'gap/unresolved')!.message).toMatch(/too common in the document to check \(over 5000 places\)/);
  });
});
