/**
 * The exports under /data/ are reachable from the pages and resolve, at the domain root and
 * under the sub-path: each is linked from the built pages (the crawler checks those links),
 * parses, holds every record, and every site URL inside it leads to a file of the build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builds } from '../helpers/builds.ts';
import { crawl, crawlExports, formatIssues } from '../helpers/crawl.ts';
import { generatedLeaders, generatedProvinces, generatedVisits } from './generated.ts';

describe.each(Object.entries(builds))('/data/ exports (%s build)', (_name, { dir, base }) => {
  const result = crawlExports(dir, base);

  it('are linked from every page (footer), and those links resolve', () => {
    const pages = crawl(dir, base);
    for (const page of [join(dir, 'index.html'), join(dir, '404.html')]) {
      const html = readFileSync(page, 'utf8');
      for (const name of ['visits', 'leaders', 'provinces']) expect(html, `${page} does not link ${base}data/${name}.json`).toContain(`href="${base}data/${name}.json"`);
    }
    expect(pages.issues.filter((i) => i.url.includes('data/')), formatIssues(pages.issues)).toEqual([]);
  });

  it('parse, hold every record, and every URL in them resolves', () => {
    expect(result.issues, formatIssues(result.issues)).toEqual([]);
    const counts = Object.fromEntries(Object.entries(result.exports).map(([k, v]) => [k, ((v as Record<string, unknown[]>)[k] ?? []).length]));
    expect(counts).toEqual({ visits: generatedVisits().length, leaders: generatedLeaders().length, provinces: generatedProvinces().length });
    // a url per visit and leader, a sourceUrl per visit
    expect(result.checked).toBeGreaterThanOrEqual(2 * generatedVisits().length + generatedLeaders().length);
  });
});
