/**
 * People across visits: one leader record per person. By default one name = one person, with the
 * pinyin slug as id (李锦斌 → li-jinbin); content/editorial/people.yaml splits homonyms (two 张新 in
 * different provinces) and records transfers, with a reason. Linear in the number of references:
 * everything is indexed by id.
 */
import type { VFile } from 'vfile';
import type { Leader, Visit } from '../../src/schemas.ts';
import type { Context } from './context.ts';
import type { Editorial, PersonEntry } from './editorial.ts';
import { namePinyin } from './pinyin.ts';

const defaultIds = new Map<string, string>();

function defaultId(name: string, editorial: Editorial): string {
  let id = defaultIds.get(name);
  if (!id) {
    id = namePinyin(name, editorial.surnames.compound).slug;
    defaultIds.set(name, id);
  }
  return id;
}

function entriesByName(editorial: Editorial): Map<string, PersonEntry[]> {
  const cache = (editorial as Editorial & { _people?: Map<string, PersonEntry[]> })._people;
  if (cache) return cache;
  const map = new Map<string, PersonEntry[]>();
  for (const e of editorial.people) map.set(e.name, [...(map.get(e.name) ?? []), e]);
  (editorial as Editorial & { _people?: Map<string, PersonEntry[]> })._people = map;
  return map;
}

/** The leader id for a person named `name`, serving in `province`, on `date`. */
export function resolveLeaderId(name: string, province: string | null, date: string, editorial: Editorial, ctx?: Pick<Context, 'warn'>): string {
  const entries = entriesByName(editorial).get(name);
  if (!entries) return defaultId(name, editorial);
  const matches = entries.filter(
    (e) => (!e.provinces || (province !== null && e.provinces.includes(province))) && (!e.from || date >= e.from) && (!e.to || date <= e.to),
  );
  if (matches.length > 1) ctx?.warn(`${name}: ${matches.length} entries of content/editorial/people.yaml match (${matches.map((m) => m.id).join(', ')}): the first is used`, undefined, 'extract/person-ambiguous');
  if (matches.length >= 1) return matches[0]!.id;
  ctx?.warn(`${name} (${province ?? 'no province'}, ${date}): content/editorial/people.yaml has entries for this name but none matches: treated as another person`, undefined, 'extract/person-unmatched');
  return defaultId(name, editorial);
}

export interface VisitForLeaders {
  id: string;
  data: Visit;
  vfile: VFile;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Builds the leader records from the visits' people. Two different names with the same id
 * (王曦 and 王希 → wang-xi) are split: the first name in code-point order keeps the id, the
 * next get -2, -3 … (the refs in the visits are updated), with a warning.
 */
export function buildLeaders(visits: VisitForLeaders[], editorial: Editorial): { id: string; data: Leader }[] {
  const namesById = new Map<string, Set<string>>();
  for (const v of visits) for (const p of v.data.people) namesById.set(p.leader, (namesById.get(p.leader) ?? new Set()).add(p.name));
  const rename = new Map<string, string>();
  const taken = new Set(namesById.keys());
  for (const [id, names] of [...namesById].sort((a, b) => cmp(a[0], b[0]))) {
    if (names.size < 2) continue;
    const sorted = [...names].sort(cmp);
    let n = 2;
    for (const name of sorted.slice(1)) {
      while (taken.has(`${id}-${n}`)) n++;
      taken.add(`${id}-${n}`);
      rename.set(`${id}\u0000${name}`, `${id}-${n}`);
    }
  }
  const byId = new Map<string, { name: string; refs: { visit: VisitForLeaders; province: string | null; role: string | null }[] }>();
  for (const v of visits) {
    for (const p of v.data.people) {
      const renamed = rename.get(`${p.leader}\u0000${p.name}`);
      if (renamed) {
        const m = v.vfile.message(`${p.name}: id ${p.leader} is taken by another name; this person is ${renamed} (add an entry to content/editorial/people.yaml to choose)`, { ruleId: 'extract/person-id-clash', source: 'extract' });
        m.fatal = false;
        p.leader = renamed;
      }
      let entry = byId.get(p.leader);
      if (!entry) byId.set(p.leader, (entry = { name: p.name, refs: [] }));
      entry.refs.push({ visit: v, province: p.province, role: p.role });
    }
  }
  const entryById = new Map(editorial.people.map((e) => [e.id, e]));
  const out: { id: string; data: Leader }[] = [];
  for (const id of [...byId.keys()].sort(cmp)) {
    const { name, refs } = byId.get(id)!;
    refs.sort((a, b) => cmp(a.visit.data.start, b.visit.data.start) || cmp(a.visit.id, b.visit.id));
    const provinces: string[] = [];
    for (const r of refs) {
      if (!r.province) continue;
      const i = provinces.indexOf(r.province);
      if (i >= 0) provinces.splice(i, 1);
      provinces.push(r.province);
    }
    const editorialEntry = entryById.get(id);
    if (new Set(provinces).size > 1 && !editorialEntry) {
      const last = refs.at(-1)!;
      const m = last.visit.vfile.message(
        `${name} is seen in ${provinces.join(', ')}: treated as one person who moved; if these are two people, add entries to content/editorial/people.yaml`,
        { ruleId: 'extract/person-provinces', source: 'extract' },
      );
      m.fatal = false;
    }
    const pinyin = namePinyin(name, editorial.surnames.compound);
    const roles = refs
      .filter((r) => r.role !== null)
      .map((r) => ({ role: r.role!, province: r.province, visit: r.visit.id, date: r.visit.data.start }));
    const visitIds = [...new Set(refs.map((r) => r.visit.id))];
    const data: Leader = {
      name,
      pinyin: editorialEntry?.pinyin ?? pinyin.toned,
      pinyinPlain: pinyin.plain,
      provinces,
      roles,
      visits: visitIds,
      ...(editorialEntry?.note ? { note: editorialEntry.note } : {}),
    };
    out.push({ id, data });
  }
  return out;
}
