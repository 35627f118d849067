/**
 * Reading pages ship no JavaScript and satisfy the CSP they carry: no <script> outside the
 * search page, no inline style attribute or <style> element, no event-handler attribute; every
 * page has the CSP meta, `lang="zh-CN"`, one h1, a skip link, the header search form.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/lib/csp.ts';
import { builds } from '../helpers/builds.ts';
import { listFiles, sitePathOf } from '../helpers/crawl.ts';

describe.each(Object.entries(builds))('%s build', (_name, { dir, base }) => {
  const pages = listFiles(dir, '.html').map((file) => ({ file, path: sitePathOf(dir, file, base) }));
  const reading = pages.filter((p) => !p.path.startsWith(`${base}search/`));

  it('has reading pages', () => {
    expect(reading.length).toBeGreaterThan(40);
  });

  it('ships no script on reading pages', () => {
    const withScript = reading.filter((p) => /<script\b/i.test(readFileSync(p.file, 'utf8'))).map((p) => p.path);
    expect(withScript).toEqual([]);
  });

  it('has no inline style or event-handler attribute on any page', () => {
    for (const p of pages) {
      const doc = parse(readFileSync(p.file, 'utf8'));
      expect(doc.querySelectorAll('style'), p.path).toHaveLength(0);
      expect(doc.querySelectorAll('[style]'), p.path).toHaveLength(0);
      const handlers = doc.querySelectorAll('*').flatMap((el) => Object.keys(el.attributes).filter((a) => /^on/i.test(a)));
      expect(handlers, p.path).toEqual([]);
    }
  });

  it('gives every page the document basics', () => {
    for (const p of pages) {
      const doc = parse(readFileSync(p.file, 'utf8'));
      expect(doc.querySelector('html')?.getAttribute('lang'), p.path).toBe('zh-CN');
      expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'), p.path).toBe(contentSecurityPolicy);
      expect(doc.querySelectorAll('h1'), p.path).toHaveLength(1);
      expect(doc.querySelector('a.skip-link')?.getAttribute('href'), p.path).toBe('#main');
      const form = doc.querySelector('header form[role="search"]');
      expect(form?.getAttribute('action'), p.path).toBe(`${base}search/`);
      expect(form?.getAttribute('method'), p.path).toBe('get');
      const input = form?.querySelector('input[name="q"][type="search"]');
      expect(input, p.path).toBeTruthy();
      expect(doc.querySelector(`label[for="${input!.getAttribute('id')}"]`), p.path).toBeTruthy();
      expect(doc.querySelector('main'), p.path).toBeTruthy();
      expect(doc.querySelector('meta[name="description"]')?.getAttribute('content'), p.path).toBeTruthy();
    }
  });

  it('has a heading outline without skipped levels on reading pages', () => {
    for (const p of reading) {
      const levels = parse(readFileSync(p.file, 'utf8'))
        .querySelectorAll('h1, h2, h3, h4, h5, h6')
        .map((h) => Number(h.tagName[1]));
      expect(levels[0], p.path).toBe(1);
      levels.forEach((level, i) => {
        if (i > 0) expect(level - levels[i - 1]!, `${p.path}: h${levels[i - 1]} → h${level}`).toBeLessThanOrEqual(1);
      });
    }
  });
});
