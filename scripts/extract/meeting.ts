/**
 * The main meeting: a name ending in 座谈会, 交流总结会, 联席会议 … taken from the title when it names
 * one, else from the first sentence that holds (召开/举行) one; its longest spelling in the
 * article (两省合作发展交流座谈会 → 广东·安徽两省合作发展交流座谈会), its day and where it was held.
 */
import { at, type Context, firstUnits, geoRegex, hasUnit, isHistorical, type Sentence, sortPairs, unitTest, words } from './context.ts';
import { type EventDay, isDigit } from './dates.ts';
import { hitsInOrder } from './hits.ts';
import { provinceOf, shortName } from './provinces.ts';

export interface MeetingFacts {
  name: string;
  date?: string;
  where?: string;
  province?: string | null;
  sentence: Sentence;
}

/** the words a meeting's name ends with, in the order a regular-expression alternation of them would try them */
const SUFFIXES = words('座谈会', '交流会', '总结会', '联席会议', '推进会', '恳谈会', '洽谈会', '对接会', '峰会', '论坛', '工作会议', '联席会');
const YEAR_LEAD = /^\d+年(?:度)?/u;
/** a character of a meeting's name (one UTF-16 unit), memoised per unit */
const isNameChar = unitTest(/[\p{Script=Han}·A-Za-z0-9]/u);
/** a name extends no further left than a word that ends before it: 举行 召开 在 并 了 的 */
const BOUNDARY_UNITS = firstUnits('在并了的');
/** 举行 召开, by their units (asked at every character of every name: no closure, no substring) */
const [HOLD_1, HOLD_2, CONVENE_1, CONVENE_2] = [...'举行召开'].map((c) => c.charCodeAt(0));
const isBoundary = (text: string, start: number): boolean => {
  const before = text.charCodeAt(start - 1);
  if (hasUnit(BOUNDARY_UNITS, before)) return true;
  const twoBefore = text.charCodeAt(start - 2);
  return (before === HOLD_2 && twoBefore === HOLD_1) || (before === CONVENE_2 && twoBefore === CONVENE_1);
};

/** Where the suffixes occur in `text`: pairs (start, number of the word in SUFFIXES), as Context.occurrences gives them. */
function suffixOccurrences(text: string): number[] {
  const out: number[] = [];
  SUFFIXES.words.forEach((w, n) => {
    for (let i = text.indexOf(w); i !== -1; i = text.indexOf(w, i + 1)) out.push(i, n);
  });
  sortPairs(out);
  return out;
}

/**
 * Meeting names in a sentence: suffix occurrences extended leftwards to a boundary. `found`: the
 * suffixes' occurrences in `text` (from the dictionary pass, see Context.occurrences), else
 * searched here.
 */
export function meetingNames(text: string, found: readonly number[] = suffixOccurrences(text)): { name: string; index: number }[] {
  const out: { name: string; index: number }[] = [];
  // the suffixes a global search for their alternation would match: the leftmost occurrence,
  // the first suffix in SUFFIXES's order there (the occurrences come by start, then that
  // order), then the next one starting after its end
  let after = 0;
  for (let f = 0; f < found.length; f += 2) {
    const index = found[f]!;
    if (index < after) continue;
    const suffix = SUFFIXES.words[found[f + 1]!]!;
    const end = index + suffix.length;
    after = end;
    let start = index;
    while (start > 0) {
      if (!isNameChar(text.charCodeAt(start - 1))) break;
      if (isBoundary(text, start)) break;
      start--;
    }
    // a leading year (2020年) starts with a digit: the pattern runs only then
    const lead = isDigit(text.charCodeAt(start)) ? YEAR_LEAD.exec(text.slice(start, end)) : null;
    if (lead) start += lead[0].length;
    const name = text.slice(start, end);
    if (name.length - suffix.length >= 2) out.push({ name, index: start });
  }
  return out;
}

const HELD = /召开|举行/u;
const HELD_AT = /在([^，。；、在]{1,14}?)(?:召开|举行)/u;

export function extractMeeting(ctx: Context, days: EventDay[]): MeetingFacts | null {
  const candidates: { name: string; sentence: Sentence; index: number }[] = [];
  // the suffixes' occurrences in reading order (sentence, start, word): only the sentences holding one
  const suffixes = hitsInOrder(ctx, SUFFIXES);
  for (let j = 0; j < suffixes.length; ) {
    const s = ctx.sentences[suffixes[j]!]!;
    // this sentence's (start, word) pairs, as Context.occurrences gives them
    const found: number[] = [];
    for (; j < suffixes.length && suffixes[j] === s.index; j += 3) found.push(suffixes[j + 1]!, suffixes[j + 2]!);
    if (isHistorical(s)) continue;
    for (const n of meetingNames(s.text, found)) candidates.push({ name: n.name, index: n.index, sentence: s });
  }
  // the title's, else the first held (召开/举行) in the text
  const main = candidates.find((c) => c.sentence.kind === 'title') ?? candidates.find((c) => c.sentence.kind !== 'title' && HELD.test(c.sentence.text));
  if (!main) return null;
  // the longest spelling that contains the chosen one
  const name = candidates.filter((c) => c.name.includes(main.name)).reduce((a, b) => (b.name.length > a.name.length ? b : a), main).name;
  const mentions = candidates.filter((c) => main.name.includes(c.name) || c.name.includes(main.name));
  const facts: MeetingFacts = { name, sentence: main.sentence };
  // its day: a single-day marker in a sentence that names it
  for (const c of mentions) {
    const day = days.find((d) => d.sentence === c.sentence && d.marker.endDay === undefined);
    if (day) {
      facts.date = day.date;
      break;
    }
  }
  // where: 在安徽芜湖召开 / 在返程的火车上召开 / 在广州市举行
  for (const c of [...mentions.filter((x) => x.sentence.kind !== 'title'), ...mentions.filter((x) => x.sentence.kind === 'title')]) {
    const m = HELD_AT.exec(c.sentence.text);
    if (!m) continue;
    let where = m[1]!;
    let province: string | null = null;
    const lead = geoRegex(ctx.geo, '^({P})', 'u').exec(where);
    if (lead) {
      const p = provinceOf(ctx.geo, lead[1]!)!;
      province = p.id;
      const rest = where.slice(lead[1]!.length).replace(/^(?:省|市|自治区)/u, '');
      where = rest.length >= 2 ? rest : shortName(where);
    } else {
      // the first city (in the data package's order) with this name or short name
      const city = ctx.geo.cityByName.get(where)?.[0];
      if (city) province = city.province;
    }
    facts.where = where.replace(/(?<=\p{Script=Han}{2})市$/u, '');
    facts.province = province;
    break;
  }
  ctx.info(`main meeting: ${name}${facts.date ? ` on ${facts.date}` : ''}${facts.where ? ` in ${facts.where}` : ''}`, at(main.sentence, main.index), 'extract/meeting');
  return facts;
}
