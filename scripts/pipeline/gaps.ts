/**
 * gaps: characters the damaged copies lost, shown as `?`.
 *
 * - `Copyright ?` / `? 2011` → `©` (any document).
 * - A line made only of `?` is debris, left for the chrome step.
 * - In a damaged document (one with pinyin annotations), a run of `?` next to a Han character
 *   (or carrying a pinyin hint) is a gap — except a single `?` ending a clause that asks
 *   something (a final particle 吗呢吧… or a question word 怎 什么 哪 谁 如何 多少 是否 …
 *   in the clause), which stays a question mark.
 * - In any other document `?` is punctuation (a flattened `？`) unless the document itself
 *   proves a lost character (see below, with a stricter context).
 *
 * A gap is restored only when the same document proves it: an intact occurrence elsewhere
 * whose known characters — up to four Han characters on each side of the gap, at least two in
 * all (three, one on each side, in a document without damage) — match, and whose filling
 * characters are Han (and carry the same pinyin as the gap's hint, if it has one, going by the
 * document's own annotations). A Han character right after the gap must be matched too (王??中
 * is not proved by 王清宪). All occurrences at the best context must agree; a run of k `?` may
 * stand for 1…k characters (a `?` can eat a character together with its `(`), and the shortest
 * filling that the evidence supports is taken — when nothing follows the gap (吳政??;) and no
 * pinyin hint fixes the length, only if at least two places agree. Anything else becomes the visible gap marker `□` (one per `?`)
 * with a warning.
 */
import { isHanUnit } from './han.ts';
import { applyEdits, note, rawColumn, type WorkLine } from './lines.ts';

export const GAP_MARK = '□';

/** A context character found in more places than this is not searched (the gap is left). */
export const MAX_ANCHORS = 5000;

export interface Restoration {
  line: number;
  column: number;
  from: string;
  to: string;
  /** e.g. `吳政隆 at 12:15, 38:3` */
  evidence: string;
}

export interface Gap {
  line: number;
  column: number;
  /** the text around the gap, with the gap marker in it */
  context: string;
  /** pinyin hints of the lost characters, when annotations survived */
  hints: string[];
}

export interface GapResult {
  restored: Restoration[];
  gaps: Gap[];
  copyright: { line: number; column: number }[];
}

/** Is text[i] a Han character? (false outside the text; the gap mark □ is not Han) */
const hanAt = (text: string, i: number): boolean => isHanUnit(text.charCodeAt(i));
const COPYRIGHT_BEFORE = /copyright\s?$|\(c\)\s?$/i;
const YEAR_AFTER = /^\s?(?:19|20)\d\d\b/;
/** a question in the clause before a `?`: a final particle or a question word */
const QUESTION = /(?:[吗嗎呢吧么麼嘛]|怎|什么|什麼|哪|谁|誰|如何|为何|為何|何时|何時|几|幾|多少|是否|难道|難道|岂|豈)[^，。；：！？,.;:!?\s]*$/u;
const ONLY_QUESTION_MARKS = /^[\s\u3000?]*\?[\s\u3000?]*$/;

interface Run {
  work: WorkLine;
  index: number;
  start: number;
  end: number;
  hints: (string | undefined)[];
}

/** Han context: up to 4 Han characters directly before `start` / after `end`. */
function leftContext(text: string, start: number): string {
  let i = start;
  while (i > 0 && start - i < 4 && hanAt(text, i - 1)) i--;
  return text.slice(i, start);
}
function rightContext(text: string, end: number): string {
  let i = end;
  while (i < text.length && i - end < 4 && hanAt(text, i)) i++;
  return text.slice(end, i);
}

interface Candidate {
  context: number;
  leftLen: number;
  rightLen: number;
  fill: string;
  at: number;
}

export function repairGaps(
  lines: WorkLine[],
  options: { damaged: boolean; hints?: Map<WorkLine, Map<number, string>>; readings?: Map<string, Set<string>> },
): GapResult {
  const result: GapResult = { restored: [], gaps: [], copyright: [] };
  const runs: Run[] = [];

  for (let index = 0; index < lines.length; index++) {
    const work = lines[index]!;
    const text = work.text;
    if (!text.includes('?') || ONLY_QUESTION_MARKS.test(text)) continue;
    const hints = options.hints?.get(work);
    const replacements: { start: number; end: number; text: string }[] = [];
    for (let start = text.indexOf('?'); start !== -1; ) {
      let end = start + 1;
      while (text[end] === '?') end++;
      // a window on each side is all the tests below look at (keeps a long line linear)
      const before = text.slice(Math.max(0, start - 40), start);
      const after = text.slice(end, end + 8);
      if (end - start === 1 && (COPYRIGHT_BEFORE.test(before) || (YEAR_AFTER.test(after) && !hanAt(text, start - 1)))) {
        replacements.push({ start, end, text: '©' });
        result.copyright.push({ line: work.line, column: rawColumn(work, start) });
        note(work, start, 'gap/copyright', 'restored © (shown as ?)');
      } else {
        const runHints: (string | undefined)[] = [];
        for (let i = start; i < end; i++) runHints.push(hints?.get(i));
        const hinted = runHints.some((h) => h !== undefined);
        const nextToHan = hanAt(text, start - 1) || hanAt(text, end);
        const question = end - start === 1 && !hinted && QUESTION.test(before);
        if (options.damaged ? (hinted || nextToHan) && !question : hanAt(text, start - 1) && hanAt(text, end)) {
          runs.push({ work, index, start, end, hints: runHints });
        }
      }
      start = text.indexOf('?', end);
    }
    if (replacements.length > 0) applyEdits(work, replacements);
  }
  if (runs.length === 0) return result;

  // Corpus for evidence: every line, joined. Index of each Han character's positions.
  const starts: number[] = [];
  let corpus = '';
  for (const work of lines) {
    starts.push(corpus.length);
    corpus += `${work.text}\n`;
  }
  const positions = new Map<string, number[]>();
  const positionsOf = (char: string): number[] => {
    let list = positions.get(char);
    if (list) return list;
    list = [];
    for (let i = corpus.indexOf(char); i !== -1; i = corpus.indexOf(char, i + 1)) list.push(i);
    positions.set(char, list);
    return list;
  };
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  // decide every run against the evidence before changing any line (runs of one line are
  // then applied together); runs with the same context share one search (the damaged spots
  // themselves never count as evidence, so the answer is the same)
  const decisions = new Map<WorkLine, { start: number; end: number; text: string }[]>();
  const memo = new Map<string, { found: Candidate[]; tooCommon: boolean }>();
  for (const run of runs) {
    const { work, start, end } = run;
    const text = work.text;
    const left = leftContext(text, start);
    const right = rightContext(text, end);
    const k = end - start;
    const allHinted = run.hints.every((h) => h !== undefined);
    const key = `${left}|${right}|${k}|${run.hints.join(',')}`;
    const lengths = allHinted ? [k] : Array.from({ length: k }, (_, i) => i + 1);
    const minContext = options.damaged ? 2 : 3;
    const self = starts[run.index]! + start;

    const memoised = memo.get(key);
    const found: Candidate[] = memoised ? memoised.found : [];
    let tooCommon = memoised?.tooCommon ?? false;
    const consider = (at: number, leftLen: number): void => {
      // `at` = corpus offset where the filling would start
      for (const m of lengths) {
        let ok = true;
        for (let i = 0; i < m; i++) {
          if (!hanAt(corpus, at + i)) {
            ok = false;
            break;
          }
          const hint = allHinted ? run.hints[i] : undefined;
          if (hint !== undefined && !(options.readings?.get(corpus[at + i]!)?.has(hint) ?? false)) {
            ok = false;
            break;
          }
        }
        if (!ok) break;
        let rightLen = 0;
        while (rightLen < right.length && corpus[at + m + rightLen] === right[rightLen]) rightLen++;
        const context = leftLen + rightLen;
        if (context < minContext) continue;
        // a Han character right after the gap is known: the evidence must show it too
        if (right.length > 0 && rightLen === 0) continue;
        if (!options.damaged && (leftLen === 0 || rightLen === 0)) continue;
        found.push({ context, leftLen, rightLen, fill: corpus.slice(at, at + m), at });
      }
    };
    const leftAt = left.length > 0 ? positionsOf(left.at(-1)!) : null;
    const rightAt = right.length > 0 ? positionsOf(right[0]!) : null;
    const useLeft = leftAt !== null && (rightAt === null || leftAt.length <= rightAt.length * 4);
    const anchors = useLeft ? leftAt : rightAt;
    if (!memoised && anchors !== null && anchors.length > MAX_ANCHORS) tooCommon = true;
    else if (!memoised && useLeft && leftAt) {
      for (const p of leftAt) {
        if (p + 1 === self) continue;
        let leftLen = 1;
        while (leftLen < left.length && corpus[p - leftLen] === left[left.length - 1 - leftLen]) leftLen++;
        consider(p + 1, leftLen);
      }
    } else if (!memoised && rightAt) {
      for (const p of rightAt) {
        for (const m of lengths) {
          if (p - m < 0 || p - m === self) continue;
          let leftLen = 0;
          while (leftLen < left.length && corpus[p - m - 1 - leftLen] === left[left.length - 1 - leftLen]) leftLen++;
          consider(p - m, leftLen);
        }
      }
    }
    if (!memoised) memo.set(key, { found, tooCommon });

    let decision: Candidate[] = [];
    if (found.length > 0) {
      const best = Math.max(...found.map((c) => c.context));
      const top = found.filter((c) => c.context === best);
      const shortest = Math.min(...top.map((c) => c.fill.length));
      decision = top.filter((c) => c.fill.length === shortest);
    }
    let fills = [...new Set(decision.map((c) => c.fill))];
    // nothing known on the right (the gap ends the word): the length of the lost part is a
    // guess unless two places agree on it
    const weak = right.length === 0 && !allHinted && decision.length < 2;
    if (weak) fills = [];
    // in a document without damage an unproved `?` is punctuation: leave it
    if (fills.length !== 1 && !options.damaged) continue;
    const column = rawColumn(work, start);
    const hintList = run.hints.filter((h): h is string => h !== undefined);
    let list = decisions.get(work);
    if (!list) decisions.set(work, (list = []));
    if (fills.length === 1) {
      const fill = fills[0]!;
      const where = new Map<string, string[]>();
      for (const c of decision) {
        const li = lineAt(c.at - c.leftLen);
        const line = lines[li]!;
        const seen = corpus.slice(c.at - c.leftLen, c.at + c.fill.length + c.rightLen);
        const place = `${line.line}:${rawColumn(line, c.at - c.leftLen - starts[li]!)}`;
        const places = where.get(seen);
        if (places) places.push(place);
        else where.set(seen, [place]);
      }
      const evidence = [...where].map(([seen, places]) => `${seen} at ${places.join(', ')}`).join('; ');
      const first = decision[0]!;
      const from = `${left.slice(left.length - first.leftLen)}${'?'.repeat(k)}${right.slice(0, first.rightLen)}`;
      const to = `${left.slice(left.length - first.leftLen)}${fill}${right.slice(0, first.rightLen)}`;
      result.restored.push({ line: work.line, column, from, to, evidence });
      list.push({ start, end, text: fill });
      note(work, start, 'gap/restored', `restored ${to} from ${from}: the document has ${evidence}`);
    } else {
      const marker = GAP_MARK.repeat(k);
      const context = `${text.slice(Math.max(0, start - 8), start)}${marker}${text.slice(end, end + 8)}`;
      result.gaps.push({ line: work.line, column, context, hints: hintList });
      list.push({ start, end, text: marker });
      const why = tooCommon
        ? `its context is too common in the document to check (over ${MAX_ANCHORS} places)`
        : weak
          ? `only one place (${decision.map((c) => corpus.slice(c.at - c.leftLen, c.at + c.fill.length)).join('')}) fits, and nothing after the gap shows where the word ends`
          : fills.length > 1
          ? `the document allows ${fills.join(' / ')}`
          : 'no intact occurrence in the document proves it';
      const pinyin = hintList.length > 0 ? ` (pinyin ${hintList.join(', ')})` : '';
      note(work, start, 'gap/unresolved', `lost character${k === 1 ? '' : 's'}${pinyin} left as ${marker} in “${context}”: ${why}`, 'warning');
    }
  }
  for (const [work, list] of decisions) applyEdits(work, list.sort((a, b) => a.start - b.start));
  return result;
}
