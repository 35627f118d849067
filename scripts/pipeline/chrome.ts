/**
 * chrome: remove what the site printed around the article, keep the article.
 *
 * Rules come from content/editorial/chrome.yaml (see rules.ts). In order:
 * 1. leading/trailing blanks of every line are trimmed (ASCII, U+3000, U+00A0);
 * 2. `trims` cut chrome glued to a line (…来源:中安在线分享到:);
 * 3. blank lines are dropped (not reported: they carry nothing);
 * 4. `lines` rules for anywhere, then `lists` (a heading and its `·` items);
 * 5. header / footer / edges rules, the header being the lines before the first paragraph
 *    (≥ 40 characters with a 。; in a short article without one, a line ending a sentence)
 *    and the footer the lines after the last one;
 * 6. a caption printed twice on one line (`A A`) is kept once; a line identical to the kept
 *    line before it is dropped.
 * A line longer than `max-line-length` (300) is never removed whole: it is kept with a warning
 * (`chrome/too-long`), so a rule can never take a paragraph with it.
 * Every removed line or part is returned in `removed` with its rule id, as received (raw).
 */
import { applyEdits, note, trimLine, type WorkLine } from './lines.ts';
import { firstMatch, match, matches, type LineRule, type Rules } from './rules.ts';
import type { RemovedLine } from './types.ts';

export interface Kept {
  work: WorkLine;
  /** the line was a caption printed twice */
  repeatedCaption: boolean;
}

export interface ChromeResult {
  kept: Kept[];
  removed: RemovedLine[];
}

const PARAGRAPH_MIN = 40;
export function isParagraph(text: string): boolean {
  return text.length >= PARAGRAPH_MIN && text.includes('。');
}

const SENTENCE = /[。！？!?]/;

/**
 * The first and last paragraph of an article: lines of ≥ 40 characters with a 。, or — in a
 * short article that has none — lines with a sentence end of any length. [-1, -1] if none.
 */
export function paragraphSpan(texts: string[]): [number, number] {
  let first = -1;
  let last = -1;
  for (let i = 0; i < texts.length; i++) {
    if (isParagraph(texts[i]!)) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) {
    for (let i = 0; i < texts.length; i++) {
      if (SENTENCE.test(texts[i]!)) {
        if (first < 0) first = i;
        last = i;
      }
    }
  }
  return [first, last];
}

/** `A A`: the same text twice, separated by blanks */
export function repeatedHalf(text: string): number {
  const n = text.length;
  for (let gap = 1; gap <= 4; gap++) {
    if ((n - gap) % 2 !== 0) continue;
    const half = (n - gap) / 2;
    if (half < 4) continue;
    // fast path: halves that differ in their first character are not the same text
    if (text.charCodeAt(0) !== text.charCodeAt(half + gap)) continue;
    const sep = text.slice(half, half + gap);
    if (!/^[\s\u3000\u00a0]+$/.test(sep)) continue;
    if (text.slice(0, half) === text.slice(half + gap)) return half;
  }
  return -1;
}

/**
 * `anywhere` then `listHeadings`, joined once per rule set (firstMatch compiles a list once,
 * keyed by the array): its first matching rule is the answer of asking the two lists one after
 * the other, for one or two regular-expression tests instead of two to four.
 */
const joinedLists = new WeakMap<Rules, { rules: (LineRule | Rules['listHeadings'][number])[]; headings: Set<object> }>();
function anywhereThenHeadings(rules: Rules): { rules: (LineRule | Rules['listHeadings'][number])[]; headings: Set<object> } {
  let j = joinedLists.get(rules);
  if (!j) joinedLists.set(rules, (j = { rules: [...rules.anywhere, ...rules.listHeadings], headings: new Set(rules.listHeadings) }));
  return j;
}

/** `regional` rules by where they apply, once per rule set (firstMatch compiles a list once) */
const regionalByPlace = new WeakMap<Rules, { header: LineRule[]; footer: LineRule[] }>();
function regionalLists(rules: Rules): { header: LineRule[]; footer: LineRule[] } {
  let r = regionalByPlace.get(rules);
  if (!r) {
    r = {
      header: rules.regional.filter((rule) => rule.where === 'header' || rule.where === 'edges'),
      footer: rules.regional.filter((rule) => rule.where === 'footer' || rule.where === 'edges'),
    };
    regionalByPlace.set(rules, r);
  }
  return r;
}

function shown(work: WorkLine): string {
  return work.raw.trim();
}

export function removeChrome(lines: WorkLine[], rules: Rules): ChromeResult {
  const removed: RemovedLine[] = [];
  /** remove a whole line — unless it is too long to be chrome: then keep it and say so */
  const remove = (work: WorkLine, rule: string): boolean => {
    if (work.text.length > rules.maxLineLength) {
      note(
        work,
        0,
        'chrome/too-long',
        `kept a line of ${work.text.length} characters although rule chrome/${rule} matches it: chrome lines are at most ${rules.maxLineLength} characters (max-line-length in content/editorial/chrome.yaml)`,
        'warning',
      );
      return false;
    }
    removed.push({ line: work.line, text: shown(work), rule: `chrome/${rule}` });
    return true;
  };

  // 1–3: trim, trims, blanks
  let candidates: WorkLine[] = [];
  const partial = new Map<WorkLine, RemovedLine[]>();
  for (const work of lines) {
    trimLine(work);
    if (work.text === '') continue;
    // one combined test first: nearly every line has nothing to trim
    if (firstMatch(rules.trims, work.text) === undefined) {
      candidates.push(work);
      continue;
    }
    for (const rule of rules.trims) {
      const m = match(rule.test, work.text);
      if (!m || m[0].length === 0 || m[0].length === work.text.length) continue;
      const part = m[0].trim();
      let list = partial.get(work);
      if (!list) partial.set(work, (list = []));
      list.push({ line: work.line, text: part, rule: `chrome/${rule.id}`, partial: true });
      note(work, m.index, `chrome/${rule.id}`, `removed “${part}” from the line`);
      applyEdits(work, [{ start: m.index, end: m.index + m[0].length, text: '' }]);
      trimLine(work);
    }
    if (work.text !== '') candidates.push(work);
  }

  // 4: lists and anywhere rules
  const { anywhere } = rules;
  const kept1: WorkLine[] = [];
  let list: Rules['lists'][number] | null = null;
  for (const work of candidates) {
    if (list) {
      if (matches(list.item, work.text) && remove(work, list.id)) continue;
      list = null;
    }
    // a line too long to be removed is only checked by the cheap anchored rules (for the warning)
    if (work.text.length > rules.maxLineLength) {
      const rule = firstMatch(anywhere, work.text, true);
      if (!rule || !remove(work, rule.id)) kept1.push(work);
      continue;
    }
    // the anywhere rules, then the list headings: one joined list
    const { rules: joined, headings } = anywhereThenHeadings(rules);
    const rule = firstMatch(joined, work.text);
    if (rule && remove(work, rule.id)) {
      if (headings.has(rule)) list = rule as Rules['listHeadings'][number];
      continue;
    }
    kept1.push(work);
  }
  candidates = kept1;

  // 5: header / footer
  const [first, last] = paragraphSpan(candidates.map((w) => w.text));
  // the rules that apply above the first paragraph (header, edges) and below the last (footer,
  // edges), in file order; none without a paragraph
  const { header, footer } = regionalLists(rules);
  const kept2: WorkLine[] = [];
  candidates.forEach((work, i) => {
    const applying = first < 0 ? null : i < first ? header : i > last ? footer : null;
    const rule = applying === null ? undefined : firstMatch(applying, work.text);
    if (!rule || !remove(work, rule.id)) kept2.push(work);
  });

  // 6: repeated captions and lines
  const kept: Kept[] = [];
  let previous: string | null = null;
  for (const work of kept2) {
    if (work.text === previous) {
      removed.push({ line: work.line, text: shown(work), rule: 'chrome/repeated-line' });
      continue;
    }
    previous = work.text;
    const half = repeatedHalf(work.text);
    let repeatedCaption = false;
    if (half > 0) {
      const duplicate = work.text.slice(half).trim();
      let parts = partial.get(work);
      if (!parts) partial.set(work, (parts = []));
      parts.push({ line: work.line, text: duplicate, rule: 'chrome/repeated-caption', partial: true });
      note(work, half, 'chrome/repeated-caption', `removed the caption's second copy “${duplicate}”`);
      applyEdits(work, [{ start: half, end: work.text.length, text: '' }]);
      repeatedCaption = true;
    }
    kept.push({ work, repeatedCaption });
  }

  for (const { work } of kept) {
    const parts = partial.get(work);
    if (parts) removed.push(...parts);
  }
  removed.sort((a, b) => a.line - b.line);
  return { kept, removed };
}
