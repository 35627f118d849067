/**
 * Every visit, leader and province in content/generated/ has its page in both builds (root and
 * sub-path), with one h1 naming it, a canonical URL under the build's base, and the page set
 * the URL scheme promises (indexes, year and province lists, 404, feed, robots, sitemap).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { builds } from '../helpers/builds.ts';
import { generatedLeaders, generatedProvinces, generatedVisits } from './generated.ts';

const SITE = 'https://example.org';
const visits = generatedVisits();
const leaders = generatedLeaders();
const provinces = generatedProvinces();

function page(dir: string, path: string) {
  const file = join(dir, path, 'index.html');
  expect(existsSync(file), `${path}index.html is missing`).toBe(true);
  return parse(readFileSync(file, 'utf8'));
}

describe.each(Object.entries(builds))('%s build', (_name, { dir, base }) => {
  it('has the data to show', () => {
    expect(visits.length).toBeGreaterThan(0);
    expect(leaders.length).toBeGreaterThan(0);
    expect(provinces).toHaveLength(34);
  });

  it('has a page for every visit, with its title as the one h1 and a canonical URL', () => {
    for (const v of visits) {
      const doc = page(dir, `visits/${v.id}/`);
      const h1 = doc.querySelectorAll('h1');
      expect(h1, v.id).toHaveLength(1);
      expect(h1[0]!.textContent.trim()).toBe(v.data.title);
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${SITE}${base}visits/${v.id}/`);
    }
  });

  it('has a page for every leader, with name and pinyin in the h1', () => {
    for (const l of leaders) {
      const doc = page(dir, `leaders/${l.id}/`);
      const h1 = doc.querySelectorAll('h1');
      expect(h1, l.id).toHaveLength(1);
      expect(h1[0]!.textContent).toContain(l.data.name);
      expect(h1[0]!.textContent).toContain(l.data.pinyin);
    }
  });

  it('shows on each leader page the roles the articles give them, and links back to each visit', () => {
    for (const v of visits) {
      for (const person of v.data.people) {
        const doc = page(dir, `leaders/${person.leader}/`);
        const link = `${base}visits/${v.id}/`;
        // the leader page lists the latest visits; a busy person's full list is /visits/leader/<id>/
        const onLeaderPage = doc.querySelector(`[data-visit="${v.id}"] a`)?.getAttribute('href') === link;
        const onList = [1, 2, 3, 4, 5].some((n) => {
          const path = n === 1 ? `visits/leader/${person.leader}/` : `visits/leader/${person.leader}/page/${n}/`;
          return existsSync(join(dir, path, 'index.html')) && page(dir, path).querySelectorAll(`a[href="${link}"]`).length > 0;
        });
        expect(onLeaderPage || onList, `${person.leader} → ${v.id}`).toBe(true);
        if (person.role) {
          const roles = doc.querySelectorAll('tr[data-role]').map((tr) => tr.getAttribute('data-role'));
          expect(roles, `${person.leader}: ${person.role}`).toContain(person.role);
        }
      }
    }
  });

  it('has a page for every province, with its name and its tile on the map', () => {
    for (const p of provinces) {
      const doc = page(dir, `provinces/${p.id}/`);
      expect(doc.querySelector('h1')!.textContent.trim()).toBe(p.data.name);
      const current = doc.querySelectorAll('svg .tile.is-current text');
      expect(current.map((t) => t.textContent), p.id).toEqual([p.data.short]);
    }
  });

  it('lists every visit on the year and province pages it belongs to', () => {
    for (const v of visits) {
      const link = `${base}visits/${v.id}/`;
      const year = v.data.start.slice(0, 4);
      const onYear = page(dir, `visits/${year}/`).querySelectorAll(`a[href="${link}"]`);
      expect(onYear.length, `${v.id} on visits/${year}/`).toBeGreaterThan(0);
      for (const p of v.data.provinces) {
        const found = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].some((n) => {
          const path = n === 1 ? `visits/province/${p}/` : `visits/province/${p}/page/${n}/`;
          return existsSync(join(dir, path, 'index.html')) && page(dir, path).querySelectorAll(`a[href="${link}"]`).length > 0;
        });
        expect(found, `${v.id} on visits/province/${p}/`).toBe(true);
      }
    }
  });

  it('has the indexes, 404, feed, robots.txt and sitemap', () => {
    for (const path of ['', 'visits/', 'leaders/', 'provinces/']) expect(page(dir, path).querySelectorAll('h1')).toHaveLength(1);
    expect(existsSync(join(dir, '404.html'))).toBe(true);
    for (const file of ['feed.xml', 'robots.txt', 'sitemap.xml']) expect(existsSync(join(dir, file)), file).toBe(true);
  });
});
