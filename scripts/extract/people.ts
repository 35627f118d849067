/**
 * People named in an article: officials with their title as written (省委书记李锦斌), officials in
 * lists (浙江省领导陈金彪、冯飞…; 黄莉新、刘捷…出席 after a named official), and business people
 * (与任正非等企业负责人座谈), who are kept apart from officials.
 */
import { at, type Context, geoRegex, isHistorical, matches, provinceAt, provinceLengths, scanNear, type Sentence, sortUnique, type UnitSet, unitTest, words } from './context.ts';
import { endsBySentence, matchesAt } from './by-sentence.ts';
import { hitsInOrder } from './hits.ts';
import { type Geography, provinceOf } from './provinces.ts';
import { isName, nameAt, provinceInRole, roleMayStart, roleScanner, stripProvince, TITLE_ENDS } from './roles.ts';

export interface Official {
  name: string;
  /** title as written, without a leading province name (that is in `province`); null for lists */
  role: string | null;
  /** province id, or null when the text does not say */
  province: string | null;
  listed: boolean;
  /** where the person is first named */
  sentence: Sentence;
}

export interface BusinessPerson {
  name: string;
  sentence: Sentence;
}

/** words looked for in every sentence, found in one pass (Context.found, read with endsBySentence or hitsInOrder) */
const TITLE_WORDS = words(...TITLE_ENDS);
const LEADERS = words('领导');
const ATTENDING = words('出席', '参加');
const BUSINESS_TITLES = words('董事长', '总裁', '总经理', '创始人', '首席执行官');
/** what WITH_PEOPLE ends with */
const BUSINESS_ROLES = words('负责人', '高管', '企业家', '创始人');

interface Found extends Official {
  /** position in the sentence */
  index: number;
}


/**
 * `东海省委书记`: a clause that opens with a 2–3 character word right before a title that starts
 * with 省/市 names a province the data package does not know (the known ones are in the title).
 */
function unknownPlaceBefore(text: string, start: number, role: string): string | undefined {
  if (!LOCAL_ROLE.test(role)) return undefined;
  // the clause: back from the title to the previous mark (at most 3 characters, 6 units, matter)
  let from = start;
  while (from > 0 && start - from <= 6 && !isClauseMark(text.charCodeAt(from - 1))) from--;
  if (start - from > 6) return undefined;
  const clause = text.slice(from, start);
  if (!PLACE_WORD.test(clause)) return undefined;
  if (NOT_A_PLACE.test(clause)) return undefined;
  return clause;
}
const LOCAL_ROLE = /^(?:省|市|自治区)/u;
const isClauseMark = unitTest(/[，。；、,;：:\s（）()“”]/u);
const PLACE_WORD = /^\p{Script=Han}{2,3}$/u;
const NOT_A_PLACE = /[了的是为向对与和及率由在请等]$|会见|陪同|看望|会谈|出席|主持/u;

/** 率安徽省党政代表团 / 率省代表团 later in the same sentence: the province of the delegation. */
function delegationProvince(ctx: Context, text: string): string | null | undefined {
  const m = geoRegex(ctx.geo, '率({P})?(?:省|市|自治区)?(?:党政)?代表团', 'u').exec(text);
  if (!m) return undefined;
  return m[1] ? (provinceOf(ctx.geo, m[1])?.id ?? null) : null;
}

/**
 * Officials named after a title. A title without a province (省委书记, 市人大常委会主任) takes the
 * province of the previous official in the same sentence, else of the delegation the sentence
 * says they lead (率安徽省党政代表团), else the publisher's home province (中安在线 writes 省委 for 安徽省委).
 */
export function titledOfficials(ctx: Context, homeProvince: string | null): Found[] {
  const { re, first, span } = roleScanner(ctx.geo);
  const mayStart = (t: string, i: number) => roleMayStart(ctx.geo, t, i);
  const out: Found[] = [];
  // where title words occur, in reading order (the sentences holding none are not looked at)
  const hits = hitsInOrder(ctx, TITLE_WORDS);
  for (let j = 0; j < hits.length; ) {
    const s = ctx.sentences[hits[j]!]!;
    // where the title words end in this sentence, increasing, each once
    const ends: number[] = [];
    for (; j < hits.length && hits[j] === s.index; j += 3) ends.push(hits[j + 1]! + TITLE_WORDS.words[hits[j + 2]!]!.length);
    if (s.kind === 'title' || isHistorical(s)) continue;
    if (ends.length > 1) sortUnique(ends);
    let previous: string | null | undefined;
    // a title's first part ends with a title word at most `span` units after it starts
    for (const m of scanNear(re, first, s.text, ends, span, mayStart)) {
      const start = m.index ?? 0;
      const name = nameAt(s.text, start + m[0].length, ctx.surnames);
      if (!name) continue;
      const written = m[0];
      const named = provinceInRole(written, ctx.geo);
      let province: string | null;
      const unknown = named ? undefined : unknownPlaceBefore(s.text, start, written);
      if (named) province = provinceOf(ctx.geo, named)?.id ?? null;
      else if (unknown) {
        province = null;
        ctx.warn(`${name}: “${unknown}${written}”: ${unknown} is not a provincial-level division; province unknown`, at(s, start), 'extract/province-unknown');
      }
      else if (previous !== undefined) province = previous;
      else {
        const led = delegationProvince(ctx, s.text.slice(start));
        if (led) province = led;
        else if (homeProvince) {
          province = homeProvince;
          ctx.info(`${name}: “${written}” without a province read as the publisher's home province (${homeProvince})`, at(s, start), 'extract/role-home-province');
        } else {
          province = null;
          ctx.warn(`${name}: “${written}” names no province and none follows from the context`, at(s, start), 'extract/person-no-province');
        }
      }
      previous = province;
      out.push({ name, role: stripProvince(written, ctx.geo), province, listed: false, sentence: s, index: start });
    }
  }
  return out;
}

const LIST_END = /和|出席|参加|陪同|等/u;

function listItems(ctx: Context, s: Sentence, from: number, raw: string): string[] {
  const cut = LIST_END.exec(raw);
  const items = (cut ? raw.slice(0, cut.index) : raw).split('、');
  const names: string[] = [];
  for (const item of items) {
    const name = item.trim();
    if (isName(name, ctx.surnames)) names.push(name);
    else if (name) ctx.warn(`listed item “${name}” is not read as a name (length or surname): check it`, at(s, from), 'extract/list-item');
  }
  return names;
}

/** a label that is no province name: 2–3 characters and 省/市, opening the text or a clause */
const UNNAMED_LABEL = '(?<=^|[，,；;。、])(\\p{Script=Han}{2,3})(?:省|市)';
/** 领导 and the list */
const LEADERS_LIST = '领导([^，,；;。：]+)';
const LISTED = `(?:({P})(?:省|市|自治区)?|${UNNAMED_LABEL})${LEADERS_LIST}`;
/**
 * LISTED where no province name starts (its first alternative cannot match there): the second
 * alone, without the 70 names' alternation an attempt of LISTED tries first. Its groups are
 * LISTED's second and third.
 */
const LISTED_UNNAMED = new RegExp(UNNAMED_LABEL + LEADERS_LIST, 'uy');
/** every unit (a listed label may open with any character) */
const ANY_UNIT: UnitSet = new Int32Array(0x10000 >>> 5).fill(-1);
/** ，,；; (UNLABELLED's lookbehind) */
const isClauseStart = (code: number): boolean => code === 0xff0c || code === 0x2c || code === 0xff1b || code === 0x3b;
/** ，,；;。、: what may come before a label that is not a province name (UNNAMED_LABEL's lookbehind) */
const isLabelMark = (code: number): boolean => isClauseStart(code) || code === 0x3002 || code === 0x3001;
/** A LISTED label can start at `i`: with a province name, or opening the text or a clause. */
export function labelMayStart(geo: Geography, text: string, i: number): boolean {
  return i === 0 || isLabelMark(text.charCodeAt(i - 1)) || provinceAt(geo, text, i);
}

/** 浙江省领导陈金彪、冯飞、朱国贤… (list with a province label). */
export function listedOfficials(ctx: Context): Found[] {
  // a known province, or (東海省领导…) a clause-initial word before 省/市领导 that is not one
  // sticky, tried only just before each 领导: the label before it is a province name and 省/市/
  // 自治区 (at most the longest name + 3 units), or 2–3 characters and 省/市 (at most 7 units)
  const re = geoRegex(ctx.geo, LISTED, 'uy');
  const span = Math.max(provinceLengths(ctx.geo).longest + 3, 7);
  // a label starts with a province name, or opens the sentence or a clause: the pattern is tried
  // only there, not at every position before 领导
  // (LISTED_UNNAMED where no name starts: LISTED's first alternative cannot match there)
  const pick = (t: string, i: number) => (!labelMayStart(ctx.geo, t, i) ? undefined : provinceAt(ctx.geo, t, i) ? re : LISTED_UNNAMED);
  const out: Found[] = [];
  // the sentences holding 领导, in reading order, with where it ends there
  for (const { index, ends } of endsBySentence(ctx.found(LEADERS))) {
    const s = ctx.sentences[index]!;
    if (isHistorical(s)) continue;
    // where 领导 starts
    const starts = ends.map((e) => e - 2);
    for (const m of scanNear(pick, ANY_UNIT, s.text, starts, span)) {
      // LISTED's groups: the province name, else the unknown label, and the list
      const [named, label, list] = m.length === 4 ? [m[1], m[2], m[3]!] : [undefined, m[1], m[2]!];
      const province = named ? (provinceOf(ctx.geo, named)?.id ?? null) : null;
      const from = (m.index ?? 0) + m[0].length - list.length;
      if (!named) ctx.warn(`“${label}”领导: ${label} is not a provincial-level division; the listed officials have no province`, at(s, m.index ?? 0), 'extract/province-unknown');
      for (const name of listItems(ctx, s, from, list)) out.push({ name, role: null, province, listed: true, sentence: s, index: from });
    }
  }
  return out;
}

/** an unlabelled list (sticky: tried only where its lookbehind holds, see clauseStarts) */
const UNLABELLED = /(?<=^|[，,；;])((?:\p{Script=Han}{2,4}、)+\p{Script=Han}{2,4}?)(?:出席|参加)/uy;

/** Where a clause starts: 0 and after each ，,；; (the positions UNLABELLED's lookbehind allows), increasing. */
export function clauseStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (isClauseStart(text.charCodeAt(i))) out.push(i + 1);
  return out;
}

/**
 * 黄莉新、刘捷、…、卢山出席 right after a titled official in the same sentence: a list with no label,
 * whose province is that official's (recorded as an info message).
 */
export function unlabelledLists(ctx: Context, titled: Found[]): Found[] {
  const out: Found[] = [];
  // every match holds 出席 or 参加: only the sentences holding one, in reading order
  const attending = hitsInOrder(ctx, ATTENDING);
  for (let j = 0; j < attending.length; ) {
    const s = ctx.sentences[attending[j]!]!;
    while (j < attending.length && attending[j] === s.index) j += 3;
    // 、 is frequent: looked for only in the few sentences with 出席 / 参加
    if (!s.text.includes('、') || isHistorical(s)) continue;
    // a list opens a clause: the pattern is tried only there, not at every position
    for (const m of matchesAt(UNLABELLED, s.text, clauseStarts(s.text))) {
      const index = m.index ?? 0;
      const before = titled.filter((t) => t.sentence === s && t.index < index).at(-1);
      if (!before) continue;
      const items = m[1]!.split('、');
      if (!items.every((i) => isName(i, ctx.surnames))) continue;
      ctx.info(
        `${items.join('、')}: listed without a province label; read as ${before.province ?? 'unknown'} officials like ${before.name} before them`,
        at(s, index),
        'extract/list-context-province',
      );
      for (const name of items) out.push({ name, role: null, province: before.province, listed: true, sentence: s, index });
    }
  }
  return out;
}

const WITH_PEOPLE = /与((?:\p{Script=Han}{2,4}、)*\p{Script=Han}{2,4}?)等(?:企业|公司|集团)?(?:负责人|高管|企业家|创始人)/gu;
const TITLED_PERSON = /(?:董事长|总裁|总经理|创始人|首席执行官)(\p{Script=Han}{2,4})/gu;

/** 与任正非等企业负责人进行座谈: business people, not officials. */
export function businessPeople(ctx: Context): BusinessPerson[] {
  const out: BusinessPerson[] = [];
  // the sentences holding one of the words either pattern needs (rare), in reading order
  const roles = hitsInOrder(ctx, BUSINESS_ROLES);
  const business = hitsInOrder(ctx, BUSINESS_TITLES);
  for (let r = 0, b = 0; r < roles.length || b < business.length; ) {
    const k = Math.min(r < roles.length ? roles[r]! : Infinity, b < business.length ? business[b]! : Infinity);
    const s = ctx.sentences[k]!;
    let withRole = false;
    let titled = false;
    for (; r < roles.length && roles[r] === k; r += 3) withRole = true;
    for (; b < business.length && business[b] === k; b += 3) titled = true;
    // 与 is frequent (not a dictionary word): looked for only where one of the words the pattern ends with occurs
    if (withRole && s.text.includes('与')) {
      for (const m of matches(WITH_PEOPLE, s.text)) {
        for (const name of m[1]!.split('、')) if (isName(name, ctx.surnames)) out.push({ name, sentence: s });
      }
    }
    if (titled) {
      for (const m of matches(TITLED_PERSON, s.text)) {
        const name = nameAt(s.text, (m.index ?? 0) + m[0].length - m[1]!.length, ctx.surnames);
        if (name) out.push({ name, sentence: s });
      }
    }
  }
  return out;
}

/**
 * Every official of the article, once each: the longest title seen, labelled lists after titles.
 * Names that are credits (journalists, editors) or business people are never officials.
 */
export function extractOfficials(ctx: Context, homeProvince: string | null, exclude: Set<string>): Official[] {
  const titled = titledOfficials(ctx, homeProvince);
  const all = [...titled, ...listedOfficials(ctx), ...unlabelledLists(ctx, titled)];
  // each name once, with where it is first named (sentence order, then position)
  const byName = new Map<string, { official: Official; key: number }>();
  const merged: { official: Official; key: number }[] = [];
  for (const f of all) {
    if (exclude.has(f.name)) continue;
    const key = f.sentence.index * 100_000 + f.index;
    const entry = byName.get(f.name);
    if (!entry) {
      const first = { official: { name: f.name, role: f.role, province: f.province, listed: f.listed, sentence: f.sentence }, key };
      byName.set(f.name, first);
      merged.push(first);
      continue;
    }
    const seen = entry.official;
    if (key < entry.key) entry.key = key;
    if (f.province && seen.province && f.province !== seen.province) {
      ctx.warn(`${f.name} is named for two provinces in one article (${seen.province}, ${f.province}): the first is kept`, at(f.sentence, f.index), 'extract/person-two-provinces');
    }
    if (f.role && (!seen.role || f.role.length > seen.role.length)) seen.role = f.role;
    if (!f.listed) seen.listed = false;
    if (!seen.province && f.province) seen.province = f.province;
  }
  // in the order of first appearance (a stable sort: ties keep the order first seen)
  return merged.sort((a, b) => a.key - b.key).map((e) => e.official);
}
