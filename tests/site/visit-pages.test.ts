/**
 * Visit pages carry what the record says: each person with the role held at the time (as in the
 * front matter) and a link to their page, the dates of every leg, and the provenance panel —
 * publisher chain, original title, publication date, credits, changes, inferences with reasons,
 * and a link to the raw source whose bytes are those received.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type HTMLElement, parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { builds, projectRoot } from '../helpers/builds.ts';
import { fileOf } from '../helpers/crawl.ts';
import { generatedVisits } from './generated.ts';

const visits = generatedVisits();
const text = (el: HTMLElement | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe.each(Object.entries(builds))('%s build', (_name, { dir, base }) => {
  const doc = (id: string) => parse(readFileSync(join(dir, 'visits', id, 'index.html'), 'utf8'));

  it.each(visits.map((v) => [v.id, v] as const))('%s: people with their roles at the time', (_id, v) => {
    const page = doc(v.id);
    const shown = page.querySelectorAll('.person[data-leader]');
    for (const person of v.data.people) {
      const el = shown.find((e) => e.getAttribute('data-leader') === person.leader && e.getAttribute('data-province') === (person.province ?? ''));
      expect(el, `${person.name} (${person.leader}) is not shown`).toBeTruthy();
      expect(el!.getAttribute('data-role')).toBe(person.role ?? '');
      if (person.role) expect(text(el!)).toContain(person.role);
      const link = el!.querySelector('a');
      expect(link?.getAttribute('href')).toBe(`${base}leaders/${person.leader}/`);
      expect(text(link)).toBe(person.name);
      const group = el!.closest('section.people')?.getAttribute('aria-labelledby');
      expect(group, person.name).toBe(`people-${person.group}`);
    }
  });

  it.each(visits.map((v) => [v.id, v] as const))('%s: legs, route and meeting', (_id, v) => {
    const page = doc(v.id);
    const legs = page.querySelectorAll('[data-field="legs"] > li');
    expect(legs.map((l) => [l.getAttribute('data-province'), l.getAttribute('data-dates')])).toEqual(
      v.data.legs.map((l) => [l.province ?? '', l.dates.join(' ')]),
    );
    const route = page.querySelectorAll('[data-field="route"] a').map((a) => a.getAttribute('href'));
    const expected = v.data.visiting ? [v.data.visiting, ...v.data.hosts.filter((h) => h !== v.data.visiting)] : v.data.provinces;
    expect(route).toEqual(expected.map((p) => `${base}provinces/${p}/`));
    if (v.data.meeting) expect(text(page.querySelector('[data-field="meeting"]'))).toContain(v.data.meeting.name);
  });

  it.each(visits.map((v) => [v.id, v] as const))('%s: provenance panel', (_id, v) => {
    const page = doc(v.id);
    const panel = page.querySelector('.provenance');
    expect(panel).toBeTruthy();
    const publishers = text(panel!.querySelector('[data-field="publishers"]'));
    for (const p of v.data.publishers) expect(publishers).toContain(p);
    if (v.data.originalTitle && v.data.originalTitle !== v.data.title) {
      expect(text(panel!.querySelector('[data-field="originalTitle"]'))).toBe(v.data.originalTitle);
    }
    const [y, m, d] = v.data.published.date.split('-').map(Number);
    expect(text(panel!.querySelector('[data-field="published"]'))).toContain(`${y}年${m}月${d}日`);
    // a publication date the source does not state says so next to the date
    const how = v.data.inferences.find((inf) => inf.field === 'published.date')?.how ?? null;
    expect(panel!.querySelector('[data-field="published"] [data-inferred]')?.getAttribute('data-inferred') ?? null).toBe(how);
    for (const c of v.data.credits) expect(text(panel!.querySelector('[data-field="credits"]'))).toContain(c.name);
    const changes = text(panel!.querySelector('[data-field="changes"]'));
    const c = v.data.changes;
    if (c.pinyinAnnotationsRemoved) expect(changes).toContain(`拼音注音 ${c.pinyinAnnotationsRemoved} 处`);
    if (c.punctuationRestored) expect(changes).toContain(`${c.punctuationRestored} 处`);
    if (c.convertedToSimplified) expect(changes).toContain('繁体字转为简体字');
    for (const r of c.charactersRestored) expect(changes).toContain(r.to);
    for (const g of c.gapsLeft) expect(changes).toContain(`第 ${g.line} 行`);
    if (c.gapsLeft.length) expect(page.querySelectorAll('.prose abbr.gap').length, 'gap markers in the text').toBeGreaterThan(0);
    const inferences = panel!.querySelectorAll('[data-field="inferences"] > li');
    expect(inferences).toHaveLength(v.data.inferences.length);
    v.data.inferences.forEach((inf, i) => {
      expect(inferences[i]!.getAttribute('data-how')).toBe(inf.how);
      expect(text(inferences[i]!)).toContain(inf.reason.replace(/\s+/g, ' ').trim());
    });
    const source = panel!.querySelector('[data-field="source"] a')!.getAttribute('href')!;
    const file = fileOf(dir, base, source).file;
    expect(file, source).toBeTruthy();
    expect(readFileSync(file!).equals(readFileSync(join(projectRoot, 'content/sources', v.data.source.file)))).toBe(true);
  });

  // photo captions (`<p class="caption">` from the pipeline) are not paragraphs of the article
  it.each(visits.map((v) => [v.id, v] as const))('%s: every article paragraph has a permalink', (_id, v) => {
    const paragraphs = doc(v.id).querySelectorAll('.prose p:not(.caption)');
    expect(paragraphs.length).toBeGreaterThan(0);
    for (const p of paragraphs) {
      const id = p.getAttribute('id');
      expect(id).toBeTruthy();
      expect(p.querySelector('a.para-anchor')?.getAttribute('href')).toBe(`#${id}`);
    }
  });
});
