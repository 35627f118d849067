import { describe, expect, it } from 'vitest';
import { cleanSource } from '../../scripts/pipeline/clean.ts';
import { repeatedHalf } from '../../scripts/pipeline/chrome.ts';
import { restorePunctuation } from '../../scripts/pipeline/punctuation.ts';
import type { CleanDocument } from '../../scripts/pipeline/types.ts';
import { fixture, source, sources } from './sources.ts';

const docs = new Map<string, CleanDocument>(sources.map((s) => [s.id, cleanSource(s.bytes, s.path)]));
const doc = (id: string) => docs.get(id)!;

/** removed whole lines, grouped by rule: { rule: [line, …] } (hand-checked against the sources) */
function removedByRule(d: CleanDocument, partial = false): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const r of d.removed) if (Boolean(r.partial) === partial) (out[r.rule] ??= []).push(r.line);
  return out;
}
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe('chrome: what is removed from each real source', () => {
  it('000: the party school’s footer', () => {
    expect(removedByRule(doc('000'))).toEqual({
      'chrome/app-promo': [8, 9],
      'chrome/copyright': [10],
      'chrome/icp': [11],
      'chrome/postal-address': [12],
    });
  });

  it('001: debris, section labels, breadcrumb, the share button glued to the meta line, footer', () => {
    expect(removedByRule(doc('001'))).toEqual({
      'chrome/debris': [1],
      'chrome/channel-label': [2, 4],
      'chrome/breadcrumb': [6],
      'chrome/app-promo': [46, 48],
      'chrome/copyright': [50],
      'chrome/icp': [52],
      'chrome/postal-address': [54],
    });
    expect(doc('001').removed.filter((r) => r.partial)).toEqual([{ line: 10, text: '分享到:', rule: 'chrome/share-bar-suffix', partial: true }]);
  });

  it('002: login bar, counters, the second copy of each caption', () => {
    expect(removedByRule(doc('002'))).toEqual({
      'chrome/login-bar': [1],
      'chrome/stray-number': [2, 48],
      'chrome/comment-counter': [49, 50],
    });
    expect(removedByRule(doc('002'), true)).toEqual({
      'chrome/comment-counter-suffix': [6],
      'chrome/repeated-caption': [14, 26, 40],
    });
  });

  it('003: the promotion and the reprint notice', () => {
    expect(removedByRule(doc('003'))).toEqual({ 'chrome/follow-promo': [11], 'chrome/reprint-notice': [12] });
  });

  it('004: navigation, breadcrumb, disclaimer block, the three link lists, footer', () => {
    expect(removedByRule(doc('004'))).toEqual({
      'chrome/navigation': [1, 2],
      'chrome/breadcrumb': [4],
      'chrome/disclaimer': range(24, 28),
      'chrome/recommend-list': range(29, 61),
      'chrome/site-link': [62],
      'chrome/copyright': [64],
    });
  });

  it('every removed line is in the report, as received', () => {
    for (const s of sources) {
      const d = doc(s.id);
      for (const r of d.removed) {
        if (!r.partial) expect(r.text).toBe(s.rawLines[r.line - 1]!.trim());
        const m = d.vfile.messages.find((x) => x.line === r.line && x.ruleId === r.rule);
        expect(m, `${s.id}:${r.line} ${r.rule}`).toBeDefined();
      }
      expect(d.changes.chromeLinesRemoved).toBe(d.removed.filter((r) => !r.partial).length);
    }
  });

  it('no chrome is left in the kept lines', () => {
    const chrome = /推荐阅读|最新更新|热门点击|ICP备|公网安备|登陆注册|登录|分享到|评论列表|共\(0\)条|共（0）条|Copyright|版权所有|免责声明|微信公众号|APP$|通讯地址|当前位置|首页 >|地方频道|滚动播报|看浙江新闻|凡注有|人员信息查询|^\d+$/;
    for (const s of sources) for (const l of doc(s.id).lines) expect(l.text, `${s.id}:${l.line}`).not.toMatch(chrome);
  });
});

describe('chrome: the body is intact', () => {
  it('every line of a simplified source that is not chrome is kept, whole (punctuation aside)', () => {
    for (const id of ['002', '003', '004']) {
      const s = source(id);
      const d = doc(id);
      const whole = new Set(d.removed.filter((r) => !r.partial).map((r) => r.line));
      for (let n = 1; n <= s.rawLines.length; n++) {
        const raw = s.rawLines[n - 1]!.trim();
        if (raw === '' || whole.has(n)) continue;
        let expected = raw;
        for (const r of d.removed.filter((x) => x.partial && x.line === n)) expected = expected.slice(0, expected.lastIndexOf(r.text)).trim();
        const kept = d.lines.filter((l) => l.line === n).map((l) => l.text).join(' ');
        expect(kept, `${id}:${n}`).toBe(restorePunctuation(expected).text);
      }
    }
  });

  it('distinctive phrases of every paragraph of the damaged copies survive', () => {
    const phrases: Record<string, string[]> = {
      '000': ['结束在上海市的学习考察后', '杭州市行政服务中心', '云栖小镇', '杭州城市大脑运营中心', '抓实皖浙合作事项', '勇立潮头', '闯出了“五条新路子”', '攜手共赢发展'.replace('攜', '携'), '李卫宁、马光明', '鄭永飞'.replace('鄭', '郑')],
      '001': [
        '聚焦“高质量”推进“一体化”做到“一盘棋”',
        '发布时间：2019-05-24',
        '李强娄勤俭车俊李锦斌应勇吴政隆袁家军李国英出席',
        '本报记者徐国康摄',
        '江苏省委副书记、省长吴政隆；浙江省委书记车俊',
        '审定了《长三角一体化发展2019年工作计划》',
        '为长三角更高质量一体化发展指明了前进方向',
        '勇挑重□□',
        '共推“一卡通”',
        '三级运作、统分结合',
        '举行了成果发布会',
        '凝练了长三角地区蓬勃发展的力量源泉',
        '实现“1+1+1+1>4”',
        '打造长三角生态优先绿色发展样板区',
        '解决“卡脖子”问题',
        '加快建设“强富美高”新江苏',
        '考察了长江岸线（芜湖段）整治情况',
        '2020年长三角地区主要领导座谈会在浙江省召开',
      ],
    };
    for (const [id, list] of Object.entries(phrases)) {
      const text = doc(id).lines.map((l) => l.text).join('\n');
      for (const phrase of list) expect(text, `${id}: ${phrase}`).toContain(phrase);
    }
  });

  it('the first paragraph of 000 and 003 (no title line) is body', () => {
    expect(doc('000').lines[0]).toMatchObject({ kind: 'body', line: 1 });
    expect(doc('003').lines[0]).toMatchObject({ kind: 'body', line: 1 });
  });
});

describe('chrome: small fixture page', () => {
  const d = cleanSource(Buffer.from(fixture('chrome-page.txt')), 'tests/fixtures/pipeline/chrome-page.txt');

  it('keeps the article, classified', () => {
    expect(d.lines.map((l) => [l.line, l.kind])).toEqual([
      [4, 'title'],
      [6, 'meta'],
      [8, 'body'],
      [10, 'caption'],
      [12, 'heading'],
      [14, 'body'],
      [16, 'caption'],
      [18, 'credit'],
    ]);
    expect(d.lines[1]!.text).toBe('新京报2023-04-15 15:32:52');
    expect(d.lines[3]!.text).toBe('易炼红在交流总结会上讲话（浙江卫视画面）');
    expect(d.lines[5]!.text).toContain('5G、ICT等技术应用，记者在15:32发稿，联系邮箱 cp55991@163.com 。');
  });

  it('removes the rest, list items after a blank line included', () => {
    expect(removedByRule(d)).toEqual({
      'chrome/login-bar': [1],
      'chrome/stray-number': [2, 20],
      'chrome/comment-counter': [21, 22],
      'chrome/recommend-list': [23, 24, 25, 27],
      'chrome/copyright': [28],
    });
  });
});

describe('chrome: repeated captions', () => {
  it('finds the two halves', () => {
    expect(repeatedHalf('图为会场 图为会场')).toBe(4);
    expect(repeatedHalf('易炼红在交流总结会上讲话(浙江卫视画面)\u3000易炼红在交流总结会上讲话(浙江卫视画面)')).toBe(20);
    expect(repeatedHalf('图为会场 图为会议')).toBe(-1);
    expect(repeatedHalf('好 好')).toBe(-1);
  });
});

describe('chrome: never takes a paragraph with it', () => {
  it('a line longer than max-line-length is kept, with a warning, even when a rule matches', () => {
    const article = source('004').rawLines[14]!.trim(); // a paragraph of some 700 characters
    expect(article.length).toBeGreaterThan(300);
    const d = cleanSource(Buffer.from(`地方频道: ${article}\n首页 > 政经\n`), 'a.txt');
    expect(d.lines.map((l) => l.kind)).toEqual(['body']);
    expect(d.lines[0]!.text.startsWith('地方频道：')).toBe(true);
    expect(d.removed.map((r) => [r.line, r.rule])).toEqual([[2, 'chrome/breadcrumb']]);
    const warning = d.vfile.messages.find((m) => m.ruleId === 'chrome/too-long')!;
    expect([warning.line, warning.column, warning.fatal]).toEqual([1, 1, false]);
    expect(warning.reason).toMatch(/rule chrome\/navigation matches it/);
  });

  it('a whole article printed on one line stays', () => {
    const oneLine = source('004').text.replace(/\n/g, ' ');
    const d = cleanSource(Buffer.from(oneLine), 'a.txt');
    expect(d.lines).toHaveLength(1);
    expect(d.lines[0]!.text).toContain('华为技术有限公司是全球领先的ICT基础设施');
  });
});
