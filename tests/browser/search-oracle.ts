/**
 * What the search must find, computed from the data and the built pages, not from the index:
 * - the article text of every visit as the reader sees it (paragraphs of the built visit page);
 * - the names and places of the front matter;
 * - a query set: every official's name, every place, random 2–4 character substrings of every
 *   article (fixed seed), some two-term queries, their traditional spellings (opencc-js cn→t, tw,
 *   hk) and the pinyin of every leader with and without spaces.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { parse } from 'yaml';
import { projectRoot } from '../helpers/builds.ts';
import type { Leader, Visit } from '../../src/schemas.ts';
import { mulberry32 } from '../../scripts/bench/random.ts';

export interface VisitTruth {
  id: string;
  data: Visit;
  /** the article paragraphs of the built page, joined */
  article: string;
  /** the same paragraphs with their ids (`p1` …) */
  paragraphs: { id: string; text: string }[];
  /** every visible text of the page's main element (for precision) */
  page: string;
  /** names and places of the front matter */
  front: string[];
}

export interface LeaderTruth {
  id: string;
  data: Leader;
}

export interface Query {
  q: string;
  why: 'name' | 'place' | 'substring' | 'two-terms' | 'traditional' | 'pinyin' | 'single';
  /** the simplified query whose answer this one must give (traditional spellings) */
  same?: string;
  /** the leader page that must be found (names and pinyin) */
  leader?: string;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
function textOf(html: string): string {
  return html
    .replace(/<a class="para-anchor"[\s\S]*?<\/a>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z0-9#]+);/gi, (m, ref: string) =>
      ref.startsWith('#x') ? String.fromCodePoint(parseInt(ref.slice(2), 16)) : ref.startsWith('#') && ref !== '#39' ? String.fromCodePoint(Number(ref.slice(1))) : (entities[ref] ?? m),
    );
}

export function readTruth(siteDir: string): { visits: VisitTruth[]; leaders: LeaderTruth[] } {
  const content = join(projectRoot, 'content/generated');
  const visits: VisitTruth[] = [];
  for (const file of readdirSync(join(content, 'visits')).filter((f) => f.endsWith('.md')).sort()) {
    const id = file.slice(0, -3);
    const source = readFileSync(join(content, 'visits', file), 'utf8');
    const data = parse(/^---\r?\n([\s\S]*?)\r?\n---/.exec(source)![1]!) as Visit;
    const pageFile = join(siteDir, 'visits', id, 'index.html');
    if (!existsSync(pageFile)) throw new Error(`no built page for visit ${id}: ${pageFile}`);
    const html = readFileSync(pageFile, 'utf8');
    const paragraphs = [...html.matchAll(/<p id="(p\d+)"[^>]*>([\s\S]*?)<\/p>/g)].map((m) => ({ id: m[1]!, text: textOf(m[2]!).trim() }));
    if (paragraphs.length === 0) throw new Error(`${pageFile}: no article paragraphs (<p id="pN">) found`);
    const main = /<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? html;
    const front = [
      data.title,
      ...data.people.map((p) => p.name),
      ...data.places.map((p) => p.name),
      ...(data.meeting ? [data.meeting.name] : []),
    ];
    visits.push({ id, data, article: paragraphs.map((p) => p.text).join('\n'), paragraphs, page: textOf(main), front });
  }
  const leaders = readdirSync(join(content, 'leaders'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ id: f.slice(0, -5), data: JSON.parse(readFileSync(join(content, 'leaders', f), 'utf8')) as Leader }));
  return { visits, leaders };
}


const han = /\p{Script=Han}+/gu;

/** Random substrings of 2–4 Han characters (within one run of Han text) of an article. */
export function substrings(text: string, count: number, random: () => number): string[] {
  const runs = (text.match(han) ?? []).filter((r) => Array.from(r).length >= 2);
  const out = new Set<string>();
  for (let i = 0; i < count * 4 && out.size < count && runs.length; i++) {
    const run = Array.from(runs[Math.floor(random() * runs.length)]!);
    const n = Math.min(run.length, 2 + Math.floor(random() * 3));
    const at = Math.floor(random() * (run.length - n + 1));
    out.add(run.slice(at, at + n).join(''));
  }
  return [...out];
}

export function plainSpaced(pinyin: string): string {
  return pinyin.normalize('NFC').replace(/[üǖǘǚǜ]/g, 'v').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' ').trim();
}

export function querySet(truth: { visits: VisitTruth[]; leaders: LeaderTruth[] }, perArticle = 30): Query[] {
  const random = mulberry32(20260521);
  const queries: Query[] = [];
  const seen = new Set<string>();
  const add = (q: Query) => {
    if (!q.q || seen.has(q.q)) return;
    seen.add(q.q);
    queries.push(q);
  };
  const nameToLeader = new Map<string, string[]>();
  for (const l of truth.leaders) nameToLeader.set(l.data.name, [...(nameToLeader.get(l.data.name) ?? []), l.id]);
  for (const l of truth.leaders) {
    const homonyms = nameToLeader.get(l.data.name)!;
    add({ q: l.data.name, why: 'name', leader: homonyms.length === 1 ? l.id : undefined });
  }
  for (const v of truth.visits) {
    for (const p of v.data.people) add({ q: p.name, why: 'name' });
    for (const p of v.data.places) add({ q: p.name, why: 'place' });
    if (v.data.meeting) add({ q: v.data.meeting.name, why: 'place' });
    for (const s of substrings(v.article, perArticle, random)) add({ q: s, why: 'substring' });
    // two terms that must both occur: a person and a place of the same visit
    const person = v.data.people[Math.floor(random() * v.data.people.length)];
    const place = v.data.places[Math.floor(random() * v.data.places.length)];
    if (person && place) add({ q: `${person.name} ${place.name}`, why: 'two-terms' });
  }
  // single characters, answered by prefix search over the bigrams
  for (const ch of ['港', '皖', '沪', '峡']) add({ q: ch, why: 'single' });
  // traditional spellings of everything Chinese so far
  const converters = (['t', 'tw', 'hk'] as const).map((to) => OpenCC.Converter({ from: 'cn', to }));
  for (const q of [...queries]) {
    if (q.why === 'single') continue;
    for (const convert of converters) {
      const trad = convert(q.q);
      if (trad !== q.q) add({ q: trad, why: 'traditional', same: q.q, leader: q.leader });
    }
  }
  for (const l of truth.leaders) {
    add({ q: l.data.pinyinPlain, why: 'pinyin', leader: l.id });
    add({ q: plainSpaced(l.data.pinyin), why: 'pinyin', leader: l.id });
  }
  return queries;
}

/** Does the visit have to be found for this (simplified) query? Every term in its article or front matter. */
export function mustFind(v: VisitTruth, q: string): boolean {
  const terms = q.split(' ').filter(Boolean);
  if (terms.some((t) => !/\p{Script=Han}/u.test(t))) return false; // Latin terms: leader pages only
  return terms.every((t) => v.article.includes(t) || v.front.some((f) => f.includes(t)));
}

/** Is a result right? The opened page shows every term. */
export function pageHas(v: VisitTruth, q: string): boolean {
  return q
    .split(' ')
    .filter(Boolean)
    .every((t) => v.page.includes(t));
}
