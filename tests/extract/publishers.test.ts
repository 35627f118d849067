import { describe, expect, it } from 'vitest';
import { extractCredits } from '../../scripts/extract/credits.ts';
import { copyrightLines, extractPublishers } from '../../scripts/extract/publishers.ts';
import { context, messages } from './helpers.ts';

describe('publisher chain', () => {
  it('the page first (meta line), then whom it cites (据《…》报道)', () => {
    const ctx = context([['meta', '新京报2023-04-15 15:32:52'], ['body', '据《浙江日报》报道，13日傍晚，浙江省党政代表团召开会议。']]);
    expect(extractPublishers(ctx)).toEqual({ chain: ['新京报', '浙江日报'], home: 'zhejiang' });
  });

  it('the site from its copyright line (traditional too), the source from 来源 and the dateline', () => {
    const ctx = context([['meta', '发布时间：2019-05-24作者：来源：中安在线'], ['body', '中安在线、中安新闻客户端讯 5月22日，会议召开。']], {
      removed: [{ line: 50, text: 'Copyright ? 2011 中共安徽省委黨校. All Rights Reserved.', rule: 'chrome/copyright' }],
      script: 'traditional',
    });
    expect(extractPublishers(ctx)).toEqual({ chain: ['中共安徽省委党校', '中安在线'], home: 'anhui' });
  });

  it('an outlet not in publishers.yaml is kept as written, with a warning; its name may give the home province', () => {
    const ctx = context([['body', '海南在线上海6月20日电（海南在线记者 王国锋）18日至19日，省委书记刘明波率省代表团在上海学习考察。']]);
    expect(extractPublishers(ctx)).toEqual({ chain: ['海南在线'], home: 'hainan' });
    expect(messages(ctx).some((m) => m.startsWith('extract/publisher-unknown'))).toBe(true);
  });

  it('no publisher at all is a warning, and the chain says so', () => {
    const ctx = context([['body', '10月23日，代表团赴浙江省考察。']]);
    expect(extractPublishers(ctx).chain).toEqual(['来源未注明']);
    expect(messages(ctx).some((m) => m.startsWith('extract/publisher-missing'))).toBe(true);
  });
});

describe('credits', () => {
  it('editors, photographers, reporters and a closing signature; the signature leaves the body', () => {
    const ctx = context([
      ['caption', '5月22日，座谈会成果发布会在安徽芜湖举行。本报记者徐国康摄'],
      ['caption', '2月27日下午，座谈会在广州召开。记者 杨竹 摄'],
      ['body', '浙江在线重庆10月10日电（浙江在线记者 王国锋）8日至9日，代表团在重庆考察。'],
      ['body', '安徽省领导参加相关活动。（宗禾）'],
      ['credit', '责任编辑：张玉'],
    ]);
    const { credits, strip } = extractCredits(ctx);
    expect(credits).toEqual([
      { role: 'photographer', label: '本报记者 摄', name: '徐国康' },
      { role: 'photographer', label: '记者 摄', name: '杨竹' },
      { role: 'reporter', label: '浙江在线记者', name: '王国锋' },
      { role: 'author', label: '署名', name: '宗禾' },
      { role: 'editor', label: '责任编辑', name: '张玉' },
    ]);
    expect(strip).toEqual([{ lineIndex: 3, text: '（宗禾）' }]);
  });
});

describe('copyright lines', () => {
  it('the lines a per-line test of the notice pattern keeps, in order, each once', () => {
    const lines = ['首页 | 新闻', 'Copyright ? 2011 中共安徽省委黨校. All Rights Reserved.', '', '浙江在线版权所有 © 版权', 'ALL RIGHTS RESERVED', 'copy right', '版', '权'].map((text) => ({ text }));
    const perLine = lines.filter((l) => /版权|版權|Copyright|©|All Rights Reserved/iu.test(l.text));
    expect(copyrightLines(lines)).toEqual(perLine);
    expect(perLine).toHaveLength(3);
    expect(copyrightLines([])).toEqual([]);
  });
});
