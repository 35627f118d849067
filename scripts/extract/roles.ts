/**
 * Official titles as written before a name: 省委书记, 省委副书记、省长, 中共中央政治局委员、上海市委书记,
 * 市人大常委会主任 … and the name that follows them.
 */
import { isHanUnit } from '../pipeline/han.ts';
import { firstUnits, hasUnit, longestNameAt, provinceAt, provinceLengths, unitTest, type UnitSet } from './context.ts';
import type { Geography } from './provinces.ts';

const cache = new WeakMap<Geography, RegExp>();
const stickyCache = new WeakMap<Geography, { re: RegExp; first: UnitSet; span: number }>();

/** Every part of a title ends with one of these (中共中央政治局委员, …书记, …省长, …主席 …). */
export const TITLE_ENDS = ['书记', '主任', '主席', '秘书长', '常委', '委员', '省长', '市长'] as const;

/**
 * A title is one or more parts joined by 、; a part is a Politburo membership or a post of a
 * provincial committee, government, people's congress or CPPCC, optionally led by a province name.
 */
export function roleRegex(geo: Geography): RegExp {
  let re = cache.get(geo);
  if (re) return re;
  const P = `(?:${geo.namePattern})`;
  const part = [
    '中共中央政治局(?:常委|委员)',
    `${P}?(?:省|市|自治区)?(?:委|党委|人大常委会|政协)(?:常务)?副?(?:书记|主任|主席|秘书长|常委)`,
    `${P}?(?:省|市)?(?:常务)?副?(?:省长|市长)`,
    `${P}?自治区(?:人民政府)?副?主席`,
  ].join('|');
  re = new RegExp(`(?<!总|时任)(?:${part})(?:、(?:${part}))*`, 'gu');
  cache.set(geo, re);
  return re;
}

/** what a title without a province name starts with: 中(共中央…) 省 市 自(治区) 委 党(委) 人(大) 政(协) 常(务) 副 */
const ROLE_OWN_FIRST = '中省市自委党人政常副';
const ROLE_OWN_UNITS = firstUnits(ROLE_OWN_FIRST);

/** A title can start at `i`: with one of ROLE_OWN_FIRST, or with a province name (上 of 上午 cannot). */
export function roleMayStart(geo: Geography, text: string, i: number): boolean {
  return (i < text.length && hasUnit(ROLE_OWN_UNITS, text.charCodeAt(i))) || provinceAt(geo, text, i);
}

/**
 * The same pattern, sticky (for `scanNear` of context.ts), with the units a title can start
 * with (a province name's first, or one of ROLE_OWN_FIRST) and the longest first part.
 */
export function roleScanner(geo: Geography): { re: RegExp; first: UnitSet; span: number } {
  let s = stickyCache.get(geo);
  if (!s) {
    const first = firstUnits(geo.byName.keys(), ROLE_OWN_FIRST);
    // the longest first part: a province name, 自治区, 人大常委会, 常务, 副, 秘书长 (14 units after the
    // name); the other parts are shorter (中共中央政治局委员: 9; …自治区人民政府副主席: name + 10)
    stickyCache.set(geo, (s = { re: new RegExp(roleRegex(geo).source, 'uy'), first, span: provinceLengths(geo).longest + 14 }));
  }
  return s;
}

/** Words that may follow a name: a name ends where one of these (or punctuation) begins. */
const FOLLOWERS = [
  '率', '主持', '讲话', '出席', '陪同', '分别', '参加', '介绍', '在', '一行', '说', '表示', '会见', '等', '指出', '强调',
  '同志', '致辞', '代表', '首先', '和', '与', '及', '对', '向', '作', '就', '也', '还', '先后', '共同', '带队', '考察',
  '调研', '看望', '会谈', '举行', '召开', '到', '赴', '前往', '进行', '听取', '宣布', '通报', '签署', '的', '出', '见证',
];
/** what may follow a name: the end, one of these (none outside the BMP), or a follower word */
const PUNCT_CLASS = '[\\s，、；。：！？,;:（()“”"]';
const PUNCT = new RegExp(`^${PUNCT_CLASS}`, 'u');

export function followsName(rest: string): boolean {
  return rest === '' || PUNCT.test(rest) || FOLLOWERS.some((w) => rest.startsWith(w));
}

/** the followers by their first unit (in the order of FOLLOWERS) */
const FOLLOWERS_BY_FIRST = new Map<number, string[]>();
for (const w of FOLLOWERS) FOLLOWERS_BY_FIRST.set(w.charCodeAt(0), [...(FOLLOWERS_BY_FIRST.get(w.charCodeAt(0)) ?? []), w]);
/** PUNCT of one unit (none of its characters is outside the BMP), memoised per unit */
const isPunct = unitTest(new RegExp(PUNCT_CLASS, 'u'));

/** `followsName(text.slice(pos))` without cutting the text: the end, punctuation or a follower word at `pos`. */
export function followsNameAt(text: string, pos: number): boolean {
  if (pos >= text.length) return true;
  const code = text.charCodeAt(pos);
  if (isPunct(code)) return true;
  const words = FOLLOWERS_BY_FIRST.get(code);
  return words !== undefined && words.some((w) => text.startsWith(w, pos));
}

type Surnames = { single: Set<string>; compound: Set<string> };

/**
 * The editorial surnames as bit sets of units (built once per list): the single surnames of one
 * unit, and the first units of the compound ones, so that a name is looked at without cutting
 * it out of the text.
 */
interface SurnameUnits {
  single: UnitSet;
  compoundFirst: UnitSet;
}
const surnameUnits = new WeakMap<Surnames, SurnameUnits>();
function unitsOf(surnames: Surnames): SurnameUnits {
  let t = surnameUnits.get(surnames);
  if (!t) {
    // a single surname outside the BMP (two units) never matched a name's first unit: left out
    const single = firstUnits([...surnames.single].filter((s) => s.length === 1));
    surnameUnits.set(surnames, (t = { single, compoundFirst: firstUnits(surnames.compound) }));
  }
  return t;
}

/** `surnames.compound.has(text.slice(pos, pos + 2))`, cutting only when the first unit can open one */
function compoundAt(text: string, pos: number, surnames: Surnames, units: SurnameUnits): boolean {
  return pos + 2 <= text.length && hasUnit(units.compoundFirst, text.charCodeAt(pos)) && surnames.compound.has(text.slice(pos, pos + 2));
}

export function hasSurname(name: string, surnames: Surnames): boolean {
  const units = unitsOf(surnames);
  return compoundAt(name, 0, surnames, units) || (name.length > 0 && hasUnit(units.single, name.charCodeAt(0)));
}

const HAN = /^\p{Script=Han}+$/u;

/**
 * `HAN.test(text.slice(from, to))` (from < to) one unit at a time: when no unit is a surrogate,
 * each is a character of its own; with one, the pattern decides.
 */
function allHan(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) return HAN.test(text.slice(from, to));
    if (!isHanUnit(code)) return false;
  }
  return true;
}

/** The name starting at `pos` of `text` (2–3 characters, 4 with a compound surname), or undefined. */
export function nameAt(text: string, pos: number, surnames: Surnames): string | undefined {
  const units = unitsOf(surnames);
  const compound = compoundAt(text, pos, surnames, units);
  // the surname is that of every length tried: looked at once, before the first
  if (!compound && !hasUnit(units.single, text.charCodeAt(pos))) return undefined;
  const max = compound ? 4 : 3;
  for (let len = 2; len <= max; len++) {
    if (pos + len > text.length || !allHan(text, pos, pos + len)) return undefined;
    if (followsNameAt(text, pos + len)) return text.slice(pos, pos + len);
  }
  return undefined;
}

/** Is `item` (from a list such as 陈金彪、冯飞) a plausible name? */
export function isName(item: string, surnames: Surnames): boolean {
  if (item.length < 2 || item.length > 4) return false;
  const units = unitsOf(surnames);
  const compound = compoundAt(item, 0, surnames, units);
  return item.length <= (compound ? 4 : 3) && allHan(item, 0, item.length) && (compound || hasUnit(units.single, item.charCodeAt(0)));
}

/** 省, 市, 自治区, 特别行政区: the level a province's full name ends with, and a title may start with */
const LEVELS = ['自治区', '特别行政区', '省', '市'];
const startsWithLevel = (text: string, at: number): boolean => LEVELS.some((w) => text.startsWith(w, at));

/** Drops a leading province name from a title: 浙江省委书记 → 省委书记; keeps 中共中央政治局委员、上海市委书记. */
export function stripProvince(role: string, geo: Geography): string {
  // only the provinces whose name or short name starts like the title can start it (in their order)
  for (const { province: p, level } of provincesStartingWith(geo, role.charCodeAt(0))) {
    // 宁夏回族自治区党委书记 → 自治区党委书记; 浙江省委书记 → 省委书记
    if (role.startsWith(p.name)) return level + role.slice(p.name.length);
    if (role.startsWith(p.short) && startsWithLevel(role, p.short.length)) return role.slice(p.short.length);
  }
  return role;
}

const byFirstUnit = new WeakMap<Geography, Map<number, { province: Geography['provinces'][number]; level: string }[]>>();
/** The provinces (in their order) whose full or short name starts with `unit`, each with the level its full name ends with ('' if none). */
function provincesStartingWith(geo: Geography, unit: number): { province: Geography['provinces'][number]; level: string }[] {
  let map = byFirstUnit.get(geo);
  if (!map) {
    map = new Map();
    for (const p of geo.provinces) {
      const level = LEVELS.find((w) => p.name.endsWith(w)) ?? '';
      for (const u of new Set([p.name.charCodeAt(0), p.short.charCodeAt(0)])) map.set(u, [...(map.get(u) ?? []), { province: p, level }]);
    }
    byFirstUnit.set(geo, map);
  }
  return map.get(unit) ?? [];
}

/**
 * The first province named inside a title, if any: at the first position where a name starts,
 * the longest (what a search with the alternation of the names, longest first, finds).
 */
export function provinceInRole(role: string, geo: Geography): string | undefined {
  for (let i = 0; i < role.length; i++) {
    const len = longestNameAt(role, i, provinceLengths(geo), geo.byName);
    if (len > 0) return role.slice(i, i + len);
  }
  return undefined;
}
