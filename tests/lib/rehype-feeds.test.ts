import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/lib/archive.ts';
import { atomFeed, escapeXml, robotsTxt, sitemapPaths, sitemapXml } from '../../src/lib/feeds.ts';
import { LEADER_PAGE_VISITS, listingPages } from '../../src/lib/listings.ts';
import { demoteHeadings } from '../../src/lib/rehype-demote-headings.ts';
import { markGaps } from '../../src/lib/rehype-gap-marks.ts';
import { addParagraphAnchors } from '../../src/lib/rehype-paragraph-anchors.ts';
import { neutraliseRawHtml } from '../../src/lib/rehype-raw-allowlist.ts';
import { leaders, person, provinces, visit, visits } from './fixtures/records.ts';

const el = (tagName: string, children: unknown[] = [], properties: Record<string, unknown> = {}) => ({ type: 'element', tagName, properties, children });
const txt = (value: string) => ({ type: 'text', value });

describe('paragraph anchors', () => {
  it('numbers paragraphs in document order and appends a ¶ link to each', () => {
    const tree = { type: 'root', children: [el('p', [txt('一')]), el('blockquote', [el('p', [txt('二')])]), el('h2', [txt('标题')]), el('p', [txt('三')], { id: 'kept' })] };
    addParagraphAnchors(tree as never);
    const ps = [tree.children[0], (tree.children[1] as { children: unknown[] }).children[0], tree.children[3]] as { properties: { id: string }; children: { tagName?: string; properties?: Record<string, unknown> }[] }[];
    expect(ps.map((p) => p.properties.id)).toEqual(['p1', 'p2', 'kept']);
    for (const p of ps) {
      const a = p.children.at(-1)!;
      expect(a.tagName).toBe('a');
      expect(a.properties!.href).toBe(`#${p.properties.id}`);
    }
    expect((tree.children[2] as { children: unknown[] }).children).toHaveLength(1);
  });
});

describe('raw HTML allowlist', () => {
  it('keeps the pipeline caption and turns any other raw HTML into text', () => {
    const raw = (value: string) => ({ type: 'raw', value });
    const tree = {
      type: 'root',
      children: [
        raw('<p class="caption">5月22日，会议在芜湖举行。本报记者徐国康摄</p>'),
        raw('<script>alert(1)</script>'),
        el('p', [txt('正文'), raw('<img src=x onerror=alert(1)>')]),
        raw('<p class="caption">图<b>粗</b></p>'),
        raw('<!-- 注释 -->'),
      ],
    };
    neutraliseRawHtml(tree as never);
    const types = (n: { type: string; children?: unknown[] }): string[] => [n.type, ...((n.children ?? []) as never[]).flatMap(types)];
    expect(types(tree as never)).toEqual(['root', 'raw', 'text', 'element', 'text', 'text', 'text', 'text']);
  });
});

describe('heading demotion', () => {
  it('starts the article headings at h3 and never goes past h6', () => {
    const tree = { type: 'root', children: [el('h1'), el('h2'), el('section', [el('h3'), el('h6')]), el('p')] };
    demoteHeadings(tree as never);
    const tags = (n: { tagName?: string; children?: unknown[] }): string[] => [n.tagName ?? '', ...((n.children ?? []) as never[]).flatMap(tags)];
    expect(tags(tree as never).filter(Boolean)).toEqual(['h3', 'h3', 'section', 'h4', 'h6', 'p']);
  });
});

describe('gap marks', () => {
  it('wraps each run of gap markers in an abbr and leaves the rest of the text as it was', () => {
    const tree = { type: 'root', children: [el('p', [txt('勇挑重□□，从增强□'), el('code', [txt('□')])])] };
    markGaps(tree as never);
    const p = tree.children[0] as { children: { type: string; value?: string; tagName?: string; children?: { value: string }[] }[] };
    expect(p.children.map((c) => c.value ?? `<${c.tagName}>${c.children![0]!.value}`)).toEqual(['勇挑重', '<abbr>□□', '，从增强', '<abbr>□', '<code>□']);
  });
});

describe('feed, sitemap, robots', () => {
  const archive = buildArchive({ visits, leaders, provinces });
  const site = new URL('https://example.org');

  it('escapes XML', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });

  it('writes an Atom feed with absolute links when the origin is known, base-relative paths otherwise', () => {
    const input = { base: '/archive/', title: 'T', subtitle: 'S', visits: archive.latest, route: () => '甲 → 乙' };
    const withSite = atomFeed({ ...input, site });
    expect(withSite).toContain('<link rel="self" type="application/atom+xml" href="https://example.org/archive/feed.xml"/>');
    expect(withSite.match(/<entry>/g)).toHaveLength(visits.length);
    expect(withSite).toContain('href="https://example.org/archive/visits/2019-10-23-anhui-zhejiang/"');
    expect(withSite).toContain('<updated>2023-04-13T00:00:00+08:00</updated>');
    const without = atomFeed({ ...input, site: undefined });
    expect(without).toContain('href="/archive/visits/2019-10-23-anhui-zhejiang/"');
    expect(atomFeed({ ...input, site })).toBe(withSite);
  });

  it('lists every page once in the sitemap, under the base', () => {
    const paths = sitemapPaths(archive, listingPages(archive));
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toContain('visits/2019-10-23-anhui-zhejiang/');
    expect(paths).toContain('visits/province/anhui/');
    expect(paths).toContain('provinces/chongqing/');
    const xml = sitemapXml('/archive/', site, paths);
    expect(xml).toContain('<loc>https://example.org/archive/</loc>');
    expect(xml.match(/<loc>/g)).toHaveLength(paths.length);
  });

  it('names the sitemap in robots.txt only with an origin', () => {
    expect(robotsTxt('/archive/', site)).toContain('Sitemap: https://example.org/archive/sitemap.xml');
    expect(robotsTxt('/', undefined)).not.toContain('Sitemap');
  });

  it('paginates the visit lists', () => {
    const pages = listingPages(archive, 2);
    const all = pages.filter((p) => p.kind === 'all');
    expect(all.map((p) => p.path)).toEqual(['visits/', 'visits/page/2/']);
    expect(all.flatMap((p) => p.visits.map((v) => v.id))).toEqual(archive.latest.map((v) => v.id));
    // a person's own list exists only when the leader page cannot show all their visits
    expect(pages.some((p) => p.kind === 'leader')).toBe(false);
    const many = Array.from({ length: LEADER_PAGE_VISITS + 1 }, (_, i) => visit(`2020-01-${String(i + 1).padStart(2, '0')}-x`, `2020-01-${String(i + 1).padStart(2, '0')}`, 'anhui', ['zhejiang'], [person('che-jun', '车俊', 'zhejiang', 'host')]));
    const busy = listingPages(buildArchive({ visits: many, leaders, provinces }), 50).filter((p) => p.kind === 'leader');
    expect(busy.map((p) => [p.key, p.total])).toEqual([['che-jun', LEADER_PAGE_VISITS + 1]]);
  });
});
