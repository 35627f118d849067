/**
 * pinyin: remove the pinyin annotations of the damaged traditional copies.
 *
 *   發(fā)展        → 發展                      (annotation after a Han character)
 *   重?fù)?dān)  → 重??  with hints fù, dān   (`?` = a lost character together with its `(`)
 *
 * An annotation is one to six pinyin syllables (tone marks or none, optionally separated by a
 * space or apostrophe) in ASCII parentheses right after a Han character or a `?`. Parentheses
 * holding anything else — `(浙江卫视画面)`, `(宗禾)`, `(IBM)`, `(app)` — are not annotations.
 *
 * The step runs only on a document that carries the damage signature: at least one
 * tone-marked annotation. Any other document passes through byte-identical.
 */
import { applyEdits, note, type WorkLine } from './lines.ts';

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const LETTERS = `a-zü${TONED}ê`;

/** quick test for the damage signature */
const SIGNATURE = new RegExp(`[\\p{Script=Han}?]\\([${LETTERS}]*[${TONED}]`, 'u');

/** `X(pinyin)` or `?pinyin)` — candidates, validated with SYLLABLES below */
const ANNOTATION = new RegExp(`(?<=[\\p{Script=Han}?])\\(([${LETTERS}' ]{1,48})\\)|(?<=\\?)([${LETTERS}' ]{1,48})\\)`, 'gu');

const INITIAL = '(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?';
const FINAL = '(?:iang|iong|uang|ang|eng|ing|ong|iao|ian|uai|uan|van|ai|ei|ao|ou|an|en|er|in|un|vn|ia|ie|iu|ua|uo|ue|ve|ui|a|o|e|i|u|v)';
const SYLLABLE = `(?:${INITIAL}${FINAL}|ng|n|m|hm)`;
const SYLLABLES = new RegExp(`^${SYLLABLE}(?:['\\s]?${SYLLABLE}){0,5}$`);

const PLAIN: Record<string, string> = {};
for (const [plain, marked] of [
  ['a', 'āáǎà'],
  ['e', 'ēéěèê'],
  ['i', 'īíǐì'],
  ['o', 'ōóǒò'],
  ['u', 'ūúǔù'],
  ['v', 'ǖǘǚǜü'],
] as const) {
  for (const c of marked) PLAIN[c] = plain;
}
const MARKS = new RegExp(`[${TONED}üê]`, 'g');

/** Is `s` (lowercase latin with tone marks) one or more valid pinyin syllables? */
export function isPinyin(s: string): boolean {
  const plain = s.replace(MARKS, (c) => PLAIN[c] ?? c);
  return SYLLABLES.test(plain);
}

/** Does the text carry the damage signature (a tone-marked annotation after a Han char)? */
export function hasAnnotations(text: string): boolean {
  return SIGNATURE.test(text);
}

export interface PinyinResult {
  /** annotations removed, per raw line number */
  removed: Map<number, number>;
  /** for lost characters: offset of the `?` in the line's new text → its pinyin */
  hints: Map<WorkLine, Map<number, string>>;
  /** characters seen with an annotation → the readings seen, e.g. 負 → {fù} */
  readings: Map<string, Set<string>>;
}

/** Remove annotations from every line (call only for a document with the signature). */
export function removePinyin(lines: WorkLine[]): PinyinResult {
  const result: PinyinResult = { removed: new Map(), hints: new Map(), readings: new Map() };
  for (const work of lines) {
    const text = work.text;
    if (!text.includes(')')) continue;
    const replacements: { start: number; end: number; text: string }[] = [];
    const lost: { at: number; pinyin: string }[] = [];
    let firstAt = -1;
    ANNOTATION.lastIndex = 0;
    for (let m = ANNOTATION.exec(text); m !== null; m = ANNOTATION.exec(text)) {
      const pinyin = (m[1] ?? m[2])!;
      if (!isPinyin(pinyin.trim())) continue;
      const before = text[m.index - 1]!;
      replacements.push({ start: m.index, end: m.index + m[0].length, text: '' });
      if (firstAt < 0) firstAt = m.index;
      if (before === '?') {
        lost.push({ at: m.index - 1, pinyin: pinyin.trim() });
      } else {
        // a Han character may be a surrogate pair: take the whole code point
        const code = text.codePointAt(m.index - 1) ?? 0;
        const char = code >= 0xdc00 && code <= 0xdfff ? text.slice(m.index - 2, m.index) : before;
        let set = result.readings.get(char);
        if (!set) result.readings.set(char, (set = new Set()));
        set.add(pinyin.trim());
      }
    }
    if (replacements.length === 0) continue;
    note(work, firstAt, 'pinyin/annotation', `removed ${replacements.length} pinyin annotation${replacements.length === 1 ? '' : 's'}`);
    // positions of lost characters in the new text: shift by what was removed before them
    if (lost.length > 0) {
      const hints = new Map<number, string>();
      let removedBefore = 0;
      let r = 0;
      for (const { at, pinyin } of lost) {
        while (r < replacements.length && replacements[r]!.start <= at) {
          removedBefore += replacements[r]!.end - replacements[r]!.start;
          r++;
        }
        hints.set(at - removedBefore, pinyin);
      }
      result.hints.set(work, hints);
    }
    applyEdits(work, replacements);
    result.removed.set(work.line, replacements.length);
  }
  return result;
}
