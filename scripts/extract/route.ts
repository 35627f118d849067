/**
 * The route: kind (delegation visit or multilateral meeting), visiting province, host provinces,
 * and the legs (host province + days), e.g. 002: 江苏 on 12 April, 上海 on 13 April, and a meeting
 * on the train home on the evening of the 13th (a leg with no province).
 */
import { at, type Context, firstUnits, geoRegex, hasUnit, isHistorical, longestNameAt, matches, provinceAt, provinceFirstUnits, provinceLengths, scanNear, type Sentence, type UnitSet, words } from './context.ts';
import type { EventDay } from './dates.ts';
import type { MeetingFacts } from './meeting.ts';
import { endsBySentence, matchesAt } from './by-sentence.ts';
import { hitsInOrder } from './hits.ts';
import { DELEGATION, extractKind } from './kind.ts';
import { provinceOf } from './provinces.ts';

export interface Leg {
  province: string | null;
  dates: string[];
  where?: string;
  note?: string;
}

export interface RouteFacts {
  kind: 'visit' | 'meeting';
  visiting: string | null;
  hosts: string[];
  legs: Leg[];
  /** the host in force at each sentence (by Sentence.index): the only host, else the one the last sentence naming exactly one host named */
  hostAt: (string | null)[];
  /** 党政代表团 or 代表团, as the article calls the delegation */
  delegation?: string;
}

const nameRes = new WeakMap<Context['geo'], RegExp>();

function provincesIn(ctx: Context, text: string): string[] {
  let re = nameRes.get(ctx.geo);
  if (!re) nameRes.set(ctx.geo, (re = new RegExp(ctx.geo.namePattern, 'gu')));
  const out: string[] = [];
  for (const m of matches(re, text)) {
    const id = provinceOf(ctx.geo, m[0])?.id;
    if (id && !out.includes(id)) out.push(id);
  }
  return out;
}

/** 省 市 自(治区) 党(政) 代(表团): the units a match starts with when it names no province */
const DELEGATION_OWN_UNITS = firstUnits('省市自党代');
const delegationTables = new WeakMap<Context['geo'], UnitSet>();
function delegationUnits(geo: Context['geo']): UnitSet {
  let t = delegationTables.get(geo);
  if (!t) {
    t = DELEGATION_OWN_UNITS.slice();
    const provinces = provinceFirstUnits(geo);
    for (let i = 0; i < t.length; i++) t[i] = t[i]! | provinces[i]!;
    delegationTables.set(geo, t);
  }
  return t;
}

/** The delegation's province: the one most often written before 代表团 (安徽省党政代表团). */
export function visitingProvince(ctx: Context, home: string | null): { id: string | null; word?: string; any: boolean } {
  // sticky, tried where a match can start: a province name, 省 市 自(治区) 党(政) 代(表团)
  const re = geoRegex(ctx.geo, '({P})?(?:省|市|自治区)?(党政)?代表团', 'uy');
  const first = delegationUnits(ctx.geo);
  // a match ends with 代表团, at most a name + 自治区 + 党政 + 代表团 after its start
  const span = provinceLengths(ctx.geo).longest + 8;
  // 省 市 自(治区) 党(政) 代(表团), or a province name (上 of 上午 cannot start one)
  const delegationMayStart = (t: string, i: number) => hasUnit(DELEGATION_OWN_UNITS, t.charCodeAt(i)) || provinceAt(ctx.geo, t, i);
  const counts = new Map<string, number>();
  let any = false;
  let word: string | undefined;
  let ledWord: string | undefined;
  // the ends of 代表团 in each sentence holding it, from the (sentence, end) pairs of the dictionary pass
  for (const { index, ends } of endsBySentence(ctx.found(DELEGATION))) {
    const s = ctx.sentences[index]!;
    if (isHistorical(s)) continue;
    for (const m of scanNear(re, first, s.text, ends, span, delegationMayStart)) {
      any = true;
      const led = s.text[(m.index ?? 0) - 1] === '率';
      if (led && !ledWord) ledWord = m[2] ? '党政代表团' : '代表团';
      word ??= m[2] ? '党政代表团' : '代表团';
      if (!m[1]) continue;
      const id = provinceOf(ctx.geo, m[1])?.id;
      if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  word = ledWord ?? word;
  if (!any) return { id: null, any };
  let best: string | null = null;
  for (const [id, n] of counts) if (best === null || n > counts.get(best)!) best = id;
  if (best === null && home) {
    ctx.warn(`the delegation's province is not written; read as the publisher's home province (${home})`, undefined, 'extract/visiting-home-province');
    best = home;
  }
  return { id: best, ...(word ? { word } : {}), any };
}

/** the verbs a host's name follows: every match of TO_PROVINCES starts with one (赶赴 holds 赴) */
const TO_WORDS = words('赴', '前往', '到');
const AT_WORDS = words('在');
/** every match of IN_PROVINCE holds 考察 */
const VISIT_WORDS = words('考察');
const P = '(?:{P})(?:省|市|自治区)?';
const TO_PROVINCES = `(?:赴|赶赴|前往|到)(${P}(?:、${P})*)`;
const IN_PROVINCE = `在(${P})(?:学习)?考察`;
const UNKNOWN_PROVINCE = /(?:赴|赶赴|前往)(\p{Script=Han}{2,3})省/uy;
/** 赶 of 赶赴 */
const GO_HURRIED = 0x8d76;

/** Host provinces in the order the text names them: 赴江苏、上海 / 在重庆学习考察 / 到广州… */
export function hostProvinces(ctx: Context, visiting: string | null): string[] {
  const to = geoRegex(ctx.geo, TO_PROVINCES, 'uy');
  const inProvince = geoRegex(ctx.geo, IN_PROVINCE, 'uy');
  const hosts: string[] = [];
  // the candidates come from the dictionary pass, in reading order: the verbs' occurrences
  // (sentence, start, word), and the (sentence, end) pairs of 在 and of 考察 (IN_PROVINCE is
  // tried only in sentences holding both); only the sentences holding one are looked at
  const verbs = hitsInOrder(ctx, TO_WORDS);
  const ats = ctx.found(AT_WORDS)[0] ?? [];
  const visits = ctx.found(VISIT_WORDS)[0] ?? [];
  // a province name follows the verb (赴 到 at once, 前往 one unit later; 在 at once)
  const province = provinceFirstUnits(ctx.geo);
  const toAhead = (t: string, i: number) => hasUnit(province, t.charCodeAt(i + 1)) || hasUnit(province, t.charCodeAt(i + 2));
  const inAhead = (t: string, i: number) => hasUnit(province, t.charCodeAt(i + 1));
  const add = (m: RegExpExecArray) => {
    for (const id of provincesIn(ctx, m[1]!)) if (id !== visiting && !hosts.includes(id)) hosts.push(id);
  };
  for (let v = 0, a = 0, x = 0; v < verbs.length || a < ats.length; ) {
    const k = Math.min(v < verbs.length ? verbs[v]! : Infinity, a < ats.length ? ats[a]! : Infinity);
    const s = ctx.sentences[k]!;
    // the verbs' starts, and where UNKNOWN_PROVINCE can match: at 赴 (at 赶 of 赶赴, where the
    // match starts: its column is reported) and 前往
    const verbStarts: number[] = [];
    const goStarts: number[] = [];
    for (; v < verbs.length && verbs[v] === k; v += 3) {
      const i = verbs[v + 1]!;
      verbStarts.push(i);
      const word = TO_WORDS.words[verbs[v + 2]!];
      if (word === '赴') goStarts.push(s.text.charCodeAt(i - 1) === GO_HURRIED ? i - 1 : i);
      else if (word === '前往') goStarts.push(i);
    }
    const atStarts: number[] = [];
    for (; a < ats.length && ats[a] === k; a += 2) atStarts.push(ats[a + 1]! - 1);
    while (x < visits.length && visits[x]! < k) x += 2;
    const visited = x < visits.length && visits[x] === k;
    if ((verbStarts.length === 0 && !(visited && atStarts.length > 0)) || isHistorical(s)) continue;
    // a match at 赶 of 赶赴 (…) is the one at its 赴, with the same provinces: 赴 is tried
    for (const m of matchesAt(to, s.text, verbStarts, toAhead)) add(m);
    if (visited) for (const m of matchesAt(inProvince, s.text, atStarts, inAhead)) add(m);
    // 赴东海省考察: a province-like name that is not a provincial-level division
    for (const m of matchesAt(UNKNOWN_PROVINCE, s.text, goStarts)) {
      if (!provinceOf(ctx.geo, m[1]!)) ctx.warn(`“${m[1]}省” is not a provincial-level division: host province unresolved`, at(s, m.index ?? 0), 'extract/province-unknown');
    }
  }
  return hosts;
}

/**
 * Whether the scan of Context.provincesIn (at each position the longest province name there, then
 * on after it; a sentence's start is always reached, as no name spans two sentences) reaches
 * position `i` of a sentence's text: it does unless a name read where it stopped before `i` runs
 * over `i`. (Names overlap in few ways, 广西藏 江西藏 上海南: the recursion stays shallow.)
 */
function scanReaches(geo: Context['geo'], text: string, i: number): boolean {
  const lengths = provinceLengths(geo);
  const first = provinceFirstUnits(geo);
  for (let j = Math.max(0, i - lengths.longest + 1); j < i; j++) {
    if (hasUnit(first, text.charCodeAt(j)) && longestNameAt(text, j, lengths, geo.byName) > i - j && scanReaches(geo, text, j)) return false;
  }
  return true;
}

/**
 * The one host each sentence (by index) names: null when it names none, undefined when it
 * names several; what Context.provincesIn finds there, without reading every position of the
 * article as it does: a sentence names a host where the scan reaches one of the host's
 * names, which a native search finds (its short name: the full name starts with it); only there
 * is the scan's path checked.
 */
export function hostsNamed(ctx: Context, hosts: readonly string[]): (string | null | undefined)[] {
  const geo = ctx.geo;
  const lengths = provinceLengths(geo);
  const names = hosts.map((h) => geo.byId.get(h)!.short);
  return ctx.sentences.map((s) => {
    const text = s.text;
    let found: string | null = null;
    for (const name of names) {
      for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
        if (!scanReaches(geo, text, i)) continue;
        // the name the scan reads here: the longest (江苏省 where 江苏 is found)
        const id = geo.byName.get(text.slice(i, i + longestNameAt(text, i, lengths, geo.byName)))!.id;
        if (!hosts.includes(id) || id === found) continue;
        if (found !== null) return undefined;
        found = id;
      }
    }
    return found;
  });
}

/** The host in force at each sentence (by index): the only host, else the one the last sentence naming exactly one host named. */
function hostsInForce(hosts: readonly string[], named: readonly (string | null | undefined)[] | undefined, count: number): (string | null)[] {
  const out: (string | null)[] = [];
  let current: string | null = hosts.length === 1 ? hosts[0]! : null;
  for (let k = 0; k < count; k++) {
    const h = named?.[k];
    if (typeof h === 'string') current = h;
    out.push(current);
  }
  return out;
}

/**
 * Groups the days by host province; a day whose sentence names no single host joins the only
 * host, or the meeting's leg. `named`: hostsNamed (undefined for one host or none); `hostAt`:
 * hostsInForce, from the same.
 */
export function buildLegs(
  ctx: Context,
  hosts: string[],
  days: EventDay[],
  meeting: MeetingFacts | null,
  kind: 'visit' | 'meeting',
  named: readonly (string | null | undefined)[] | undefined,
  hostAt: readonly (string | null)[],
): Leg[] {
  const byProvince = new Map<string | null, Set<string>>();
  const add = (p: string | null, d: string) => {
    let set = byProvince.get(p);
    if (!set) byProvince.set(p, (set = new Set()));
    set.add(d);
  };
  let offRoute: Leg | undefined;
  const hostOf = (s: Sentence): string | null | undefined => (named === undefined ? null : named[s.index]);
  // the days of each sentence, by Sentence.index (a list, not a map keyed by the sentence objects: cheaper to read for every sentence)
  const bySentence: (EventDay[] | undefined)[] = new Array<EventDay[] | undefined>(ctx.sentences.length).fill(undefined);
  for (const d of days) (bySentence[d.sentence.index] ??= []).push(d);
  for (const s of ctx.sentences) {
    const list = bySentence[s.index];
    if (!list) continue;
    const h = hostOf(s);
    for (const d of list) {
      if (h) add(h, d.date);
      else if (hosts.length === 1) add(hosts[0]!, d.date);
      else if (meeting?.date === d.date && s.text.includes(meeting.name.slice(-5)) && meeting.where && !provinceOf(ctx.geo, meeting.where)) {
        offRoute = { province: null, dates: [d.date], where: meeting.where, note: meeting.name };
      } else if (h === null && hostAt[s.index]) add(hostAt[s.index]!, d.date);
      else if (hosts.length === 0) add(null, d.date);
    }
  }
  if (kind === 'meeting' && meeting?.date && hosts.length <= 1) {
    byProvince.clear();
    add(hosts[0] ?? null, meeting.date);
    for (const d of days) if (d.marker.endDay !== undefined) add(hosts[0] ?? null, d.date);
  }
  const legs: Leg[] = [];
  for (const [province, set] of byProvince) {
    const leg: Leg = { province, dates: [...set].sort() };
    if (kind === 'meeting' && meeting?.where) leg.where = meeting.where;
    legs.push(leg);
  }
  if (offRoute) legs.push(offRoute);
  const order = (p: string | null) => (p === null ? hosts.length : hosts.indexOf(p));
  legs.sort((a, b) => (a.dates[0]! < b.dates[0]! ? -1 : a.dates[0]! > b.dates[0]! ? 1 : order(a.province) - order(b.province)));
  // 结束在上海市的学习考察后: an earlier leg the article mentions without its days
  for (const s of ctx.sentences.slice(0, 3)) {
    // every match holds 结束在: the 70 names' pattern runs only where it occurs
    const m = s.text.includes('结束在') ? geoRegex(ctx.geo, '结束在({P})(?:省|市|自治区)?的学习考察后', 'u').exec(s.text) : null;
    if (m && legs[0]) legs[0].note = `此前已在${provinceOf(ctx.geo, m[1]!)!.short}学习考察（本文未记述日期）`;
  }
  return legs;
}

export function extractRoute(ctx: Context, home: string | null, days: EventDay[], meeting: MeetingFacts | null): RouteFacts {
  const visiting = visitingProvince(ctx, home);
  const kind = extractKind(ctx, meeting !== null);
  let hosts = kind === 'visit' ? hostProvinces(ctx, visiting.id) : [];
  if (kind === 'meeting' && meeting?.province) hosts = [meeting.province];
  if (kind === 'visit' && hosts.length === 0) ctx.warn('no host province found (赴… / 在…考察)', undefined, 'extract/host-missing');
  if (kind === 'visit' && visiting.id === null) ctx.warn('no visiting province found (…代表团)', undefined, 'extract/visiting-missing');
  // which host each sentence names and the host in force there (a sentence naming exactly one
  // host sets it), read once for the legs and the places
  const named = hosts.length > 1 ? hostsNamed(ctx, hosts) : undefined;
  const hostAt = hostsInForce(hosts, named, ctx.sentences.length);
  const legs = buildLegs(ctx, hosts, days, meeting, kind, named, hostAt);
  // order hosts by their first day
  const first = (p: string) => legs.find((l) => l.province === p)?.dates[0] ?? '9999';
  hosts = [...hosts].sort((a, b) => (first(a) < first(b) ? -1 : first(a) > first(b) ? 1 : 0));
  return {
    kind,
    visiting: kind === 'visit' ? visiting.id : null,
    hosts,
    legs,
    hostAt,
    ...(visiting.word ? { delegation: visiting.word } : {}),
  };
}
