/**
 * A traditional → simplified character table restricted to the characters of the index, so the
 * search page can read 李錦斌, 蕪湖 or 長三角 without shipping OpenCC to the browser.
 *
 * Built with opencc-js two ways, both needed:
 * - every CJK character converted on its own (t→cn, tw→cn, hk→cn): the standard forms;
 * - every Han run of the corpus converted to traditional (cn→t, cn→tw, cn→hk) and aligned
 *   character by character: the forms OpenCC picks in context (干 → 幹/乾, 着 → 著 …).
 * A traditional character keeps every simplified character of the corpus it stands for, and
 * itself when the corpus has it; the first is what OpenCC converts it to on its own.
 *
 * The context pass converts every distinct bigram of the corpus (two-character phrases, OpenCC's
 * most common) and the distinct runs up to `contextChars` characters (longer phrases), so its cost
 * stays bounded at thousands of articles.
 */
import * as OpenCC from 'opencc-js';
import type { T2S } from '../../src/scripts/search/text.ts';

const ranges: Array<[number, number]> = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];

type Convert = (text: string) => string;
const cache = new Map<string, Convert>();
function converter(from: string, to: string): Convert {
  const key = `${from}>${to}`;
  let c = cache.get(key);
  if (!c) {
    c = OpenCC.Converter({ from, to } as Parameters<typeof OpenCC.Converter>[0]) as Convert;
    cache.set(key, c);
  }
  return c;
}

/** Converts each item separately in one call (items joined by newlines, which OpenCC keeps). */
function convertEach(items: string[], convert: Convert): string[] | null {
  const out = convert(items.join('\n')).split('\n');
  return out.length === items.length ? out : null;
}

export function buildT2S(corpusRuns: Iterable<string>, contextChars = 100_000): T2S {
  const distinct = [...new Set(corpusRuns)];
  const corpus = new Set<string>();
  const bigrams = new Set<string>();
  for (const run of distinct) {
    const chars = Array.from(run);
    for (let i = 0; i < chars.length; i++) {
      corpus.add(chars[i]!);
      if (i + 1 < chars.length) bigrams.add(chars[i]! + chars[i + 1]!);
    }
  }
  const runs: string[] = [];
  let budget = contextChars;
  for (const run of distinct) {
    if (run.length < 3) continue;
    if ((budget -= run.length) < 0) break;
    runs.push(run);
  }
  runs.push(...bigrams);

  const table = new Map<string, string[]>();
  const add = (t: string, s: string, first = false) => {
    if (t === s || !corpus.has(s)) return;
    const list = table.get(t) ?? [];
    if (!list.includes(s)) first ? list.unshift(s) : list.push(s);
    table.set(t, list);
  };

  // 1. every character on its own
  const all: string[] = [];
  for (const [from, to] of ranges) for (let cp = from; cp <= to; cp++) all.push(String.fromCodePoint(cp));
  for (const from of ['hk', 'tw', 't']) {
    const converted = convertEach(all, converter(from, 'cn'));
    if (!converted) throw new Error(`t2s: opencc ${from}→cn changed the number of lines`);
    converted.forEach((s, i) => {
      if (Array.from(s).length === 1) add(all[i]!, s, from === 't');
    });
  }

  // 2. the corpus converted in context, aligned character by character (cn→tw and cn→hk are
  // cn→t followed by character variants, which step 1 reads back on their own)
  for (const to of ['t']) {
    const converted = convertEach(runs, converter('cn', to));
    if (!converted) throw new Error(`t2s: opencc cn→${to} changed the number of lines`);
    converted.forEach((t, i) => {
      const s = Array.from(runs[i]!);
      const tc = Array.from(t);
      if (tc.length !== s.length) return;
      tc.forEach((ch, j) => add(ch, s[j]!));
    });
  }
  // 3. a traditional form the corpus itself has (乾 in 乾隆, 著 in 著名) stands for itself too;
  // one it lacks is never searched as typed (蕪湖 is searched as 芜湖 only)
  for (const [t, list] of table) if (corpus.has(t)) list.push(t);
  return table;
}
