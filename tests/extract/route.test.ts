import { describe, expect, it } from 'vitest';
import type { Context, Sentence } from '../../scripts/extract/context.ts';
import { extractDates } from '../../scripts/extract/dates.ts';
import { extractMeeting, meetingNames } from '../../scripts/extract/meeting.ts';
import { matchesAt } from '../../scripts/extract/by-sentence.ts';
import { extractRoute, hostProvinces, hostsNamed } from '../../scripts/extract/route.ts';
import { context, messages } from './helpers.ts';
import { seeded } from './random.ts';

function route(lines: [Parameters<typeof context>[0][number][0], string][], home: string | null = null) {
  const ctx = context(lines);
  const dates = extractDates(ctx);
  const meeting = extractMeeting(ctx, dates.days);
  return { ctx, meeting, route: extractRoute(ctx, home, dates.days, meeting) };
}

describe('meeting names', () => {
  it('extends the suffix leftwards to a boundary and drops a leading year', () => {
    expect(meetingNames('并在广州市举行两省合作发展交流座谈会。').map((m) => m.name)).toEqual(['两省合作发展交流座谈会']);
    expect(meetingNames('会议确定，2020年长三角地区主要领导座谈会在浙江省召开。').map((m) => m.name)).toEqual(['长三角地区主要领导座谈会']);
    expect(meetingNames('在返程的火车上召开交流总结会').map((m) => m.name)).toEqual(['交流总结会']);
    expect(meetingNames('座谈会上，李锦斌说')).toEqual([]);
  });

  it('reads overlapping suffixes as an alternation would: the leftmost, the first listed there, then after its end', () => {
    // 联席会议 is listed before 联席会: the longer one is read
    expect(meetingNames('召开两省党政联席会议，并举行经贸洽谈会。').map((m) => [m.name, m.index])).toEqual([
      ['两省党政联席会议', 2],
      ['经贸洽谈会', 14],
    ]);
    expect(meetingNames('沪苏联席会').map((m) => m.name)).toEqual(['沪苏联席会']);
  });

  it('gives the same names from the occurrences of the dictionary pass as from its own search', () => {
    const ctx = context([['body', '在返程的火车上召开交流总结会。两省党政联席会议暨发展论坛在杭州举行。']]);
    const dates = extractDates(ctx);
    const meeting = extractMeeting(ctx, dates.days);
    expect(meeting?.name).toBe(meetingNames(ctx.sentences[0]!.text)[0]!.name);
    expect(meetingNames(ctx.sentences[1]!.text).map((m) => m.name)).toEqual(['两省党政联席会议', '两省党政联席会议暨发展论坛']);
  });
});

describe('route and legs', () => {
  it('a trip over two provinces, day by day, with a meeting on the train home', () => {
    const { route: r, meeting } = route([
      ['title', '考察结束，省委书记在返程火车上召开交流总结会'],
      ['meta', '新京报2023-04-15 15:32:52'],
      ['body', '13日傍晚，浙江省党政代表团在结束赴江苏、上海学习考察行程后，在返程的火车上召开交流总结会。'],
      ['heading', '在上海学习考察'],
      ['body', '13日上午，浙江省党政代表团瞻仰上海中共一大纪念馆。'],
      ['heading', '在江苏学习考察'],
      ['body', '12日，浙江省党政代表团在江苏考察网络通信与安全紫金山实验室。'],
    ]);
    expect(meeting).toMatchObject({ name: '交流总结会', date: '2023-04-13', where: '返程的火车上', province: null });
    expect(r.kind).toBe('visit');
    expect(r.visiting).toBe('zhejiang');
    expect(r.hosts).toEqual(['jiangsu', 'shanghai']);
    expect(r.legs).toEqual([
      { province: 'jiangsu', dates: ['2023-04-12'] },
      { province: 'shanghai', dates: ['2023-04-13'] },
      { province: null, dates: ['2023-04-13'], where: '返程的火车上', note: '交流总结会' },
    ]);
  });

  it('a multilateral meeting (no delegation) is a meeting hosted where it is held', () => {
    const { route: r, meeting } = route([
      ['title', '长三角地区主要领导座谈会在安徽芜湖召开'],
      ['meta', '发布时间：2019-05-24'],
      ['body', '5月22日，长三角地区主要领导座谈会在安徽芜湖召开。会议确定，2020年长三角地区主要领导座谈会在浙江省召开。'],
    ]);
    expect(meeting).toMatchObject({ name: '长三角地区主要领导座谈会', date: '2019-05-22', where: '芜湖', province: 'anhui' });
    expect(r).toMatchObject({ kind: 'meeting', visiting: null, hosts: ['anhui'], legs: [{ province: 'anhui', dates: ['2019-05-22'], where: '芜湖' }] });
  });

  it('an unknown province is reported and leaves the leg without a province', () => {
    const { ctx, route: r } = route([
      ['meta', '2024年03月01日 06:38'],
      ['body', '2月27日至28日，省委书记韩俊率安徽党政代表团赴东海省考察交流。'],
    ]);
    expect(r.visiting).toBe('anhui');
    expect(r.hosts).toEqual([]);
    expect(r.legs).toEqual([{ province: null, dates: ['2024-02-27', '2024-02-28'] }]);
    expect(messages(ctx).filter((m) => /province-unknown|host-missing/.test(m))).toHaveLength(2);
  });

  it('an earlier leg the article mentions without dates becomes a note', () => {
    const { route: r } = route([['meta', '发布时间：2019-10-24'], ['body', '结束在上海市的学习考察后，10月23日，省委书记李锦斌率安徽省党政代表团赶赴浙江省。']]);
    expect(r.legs).toEqual([{ province: 'zhejiang', dates: ['2019-10-23'], note: '此前已在上海学习考察（本文未记述日期）' }]);
  });
});

describe('host provinces', () => {
  it('matchesAt gives what matchAll gives when every position is a start, and resumes after each match', () => {
    const text = '赴江苏、上海，到浙江，前往安徽省';
    const all = [...text].map((_, i) => i);
    const sticky = /(?:赴|到|前往)(\p{Script=Han}{2})/uy;
    expect(matchesAt(sticky, text, all).map((m) => [m.index, m[0]])).toEqual([...text.matchAll(/(?:赴|到|前往)(\p{Script=Han}{2})/gu)].map((m) => [m.index, m[0]]));
    // a start inside a match is skipped, as matchAll skips it
    expect(matchesAt(/\p{Script=Han}{2}/uy, '江苏上海', [0, 1, 2]).map((m) => m.index)).toEqual([0, 2]);
  });

  it('reads 赴 / 赶赴 / 前往 / 到, then 在…考察, sentence by sentence, skipping sentences about the past', () => {
    const ctx = context([['body', '时任省长到广东考察。代表团赶赴江苏、上海。随后在重庆市学习考察，又前往浙江省，最后到湖南。在安徽召开座谈会。']]);
    expect(hostProvinces(ctx, null)).toEqual(['jiangsu', 'shanghai', 'zhejiang', 'hunan', 'chongqing']);
    expect(hostProvinces(ctx, 'shanghai')).toEqual(['jiangsu', 'zhejiang', 'hunan', 'chongqing']);
  });

  it('reports 赶赴东海省 at the column of 赶', () => {
    const ctx = context([['body', '代表团赶赴东海省考察，前往南海省。']]);
    expect(hostProvinces(ctx, null)).toEqual([]);
    const unknown = ctx.doc.vfile.messages.filter((m) => m.ruleId === 'extract/province-unknown');
    expect(unknown.map((m) => [m.line, m.column, m.reason.slice(1, 4)])).toEqual([
      [1, 4, '东海省'],
      [1, 12, '南海省'],
    ]);
  });
});

describe('hosts named per sentence', () => {
  /** The one host a sentence names by Context.provincesIn; null when it names none, undefined when it names several. */
  const hostNamed = (ctx: Context, s: Sentence, hosts: readonly string[]): string | null | undefined => {
    let found: string | null = null;
    for (const p of ctx.provincesIn(s)) {
      if (!hosts.includes(p)) continue;
      if (found !== null) return undefined;
      found = p;
    }
    return found;
  };

  it('reads a name only where the scan of names reaches it (浙江西藏: 江西 is passed over)', () => {
    const ctx = context([['body', '浙江西藏。广西藏。上海南京。']]);
    expect(hostsNamed(ctx, ['jiangxi', 'xizang'])).toEqual(['xizang', null, null]);
    expect(hostsNamed(ctx, ['guangxi', 'xizang'])).toEqual(['xizang', 'guangxi', null]);
    expect(hostsNamed(ctx, ['hainan', 'shanghai'])).toEqual([null, null, 'shanghai']);
  });

  it('finds in each sentence the one host that the scan of the whole article (Context.provincesIn, hostNamed) finds there', () => {
    // texts where names touch and overlap (江苏州, 上海南, 山西安徽, 内蒙古自治区), with fillers and sentence ends
    const pieces = ['江苏', '江苏省', '上海', '上海市', '海南', '南京', '安徽', '山西', '陕西', '内蒙古', '内蒙古自治区', '广西壮族自治区', '广西', '江西', '西藏', '浙江', '藏', '州', '市', '的', '，', '。', '！', '”', '考察', '在', 'abc', ' '];
    const next = seeded(7);
    const random = (n: number) => Math.floor(next() * n);
    for (let t = 0; t < 150; t++) {
      const lines: [Parameters<typeof context>[0][number][0], string][] = [];
      for (let l = 0; l < 3; l++) lines.push(['body', Array.from({ length: 12 + random(30) }, () => pieces[random(pieces.length)]).join('')]);
      const ctx = context(lines);
      for (const hosts of [['jiangsu', 'shanghai'], ['hainan', 'shanghai', 'anhui'], ['neimenggu', 'guangxi'], ['xizang', 'jiangxi', 'hainan']]) {
        expect(hostsNamed(ctx, hosts)).toEqual(ctx.sentences.map((s) => hostNamed(ctx, s, hosts)));
      }
    }
  });
});

describe('an article that gives no day', () => {
  it('uses the publication date, marked as inferred, with a warning', async () => {
    const { buildVisit } = await import('../../scripts/extract/records.ts');
    const { doc, realEditorial } = await import('./helpers.ts');
    const { loadGeography } = await import('../../scripts/extract/provinces.ts');
    const d = doc([
      ['title', '某某率安徽省党政代表团赴广东学习考察'],
      ['meta', '2024年03月01日 06:38   来源：中安在线'],
      ['body', '中安在线、中安新闻客户端讯 近日，省委书记韩俊率安徽党政代表团赴广东省考察交流。'],
    ]);
    const built = buildVisit(d, realEditorial(), loadGeography(realEditorial()));
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect([built.record.data.start, built.record.data.end]).toEqual(['2024-03-01', '2024-03-01']);
    expect(built.record.data.inferences).toContainEqual(expect.objectContaining({ field: 'dates', value: '2024-03-01', how: 'inferred' }));
    expect(d.vfile.messages.some((m) => m.ruleId === 'extract/date-from-publication' && m.fatal === false)).toBe(true);
  });
});
