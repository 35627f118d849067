/**
 * The search index's representation of Chinese text, shared by the indexer (Node, at build time)
 * and the search page (browser). Pure functions, no DOM, no Pagefind.
 *
 * Pagefind matches whole words (or word prefixes). Chinese has no spaces, so the text is turned
 * into words here, the same way at index time and at query time:
 *
 * - every run of Han characters becomes its overlapping character bigrams followed by the run's
 *   last character alone: `李锦斌` → `李锦 锦斌 斌`. A 2+-character query is then an exact Pagefind
 *   phrase of its bigrams (`"李锦 锦斌"`: adjacent positions, so the characters are contiguous), and
 *   a 1-character query is a prefix search (`李` matches `李锦` and a run-final `李`);
 * - everything else is split on whitespace and kept as it is (`5G`, `2019-05-24`, `，`).
 *
 * The token stream keeps the text recoverable (`decode`), so the fragment Pagefind stores for a
 * result is enough to verify a match and to cut an excerpt: no second copy of the text is shipped.
 */

const hanChar = /^\p{Script=Han}$/u;
const hanStart = /^\p{Script=Han}/u;
/** A run of Han characters (group 1) or a run of anything else. */
const runs = /(\p{Script=Han}+)|[^\p{Script=Han}]+/gu;

export function isHan(ch: string): boolean {
  return hanChar.test(ch);
}

/** Splits text into alternating segments: runs of Han characters and runs of everything else. */
export function segments(text: string): Array<{ han: boolean; text: string }> {
  const out: Array<{ han: boolean; text: string }> = [];
  for (const m of text.matchAll(runs)) out.push({ han: m[1] !== undefined, text: m[0] });
  return out;
}

/** The index tokens of a run of Han characters: overlapping bigrams, then the last character. */
export function hanTokens(run: string): string[] {
  const chars = Array.from(run);
  const tokens: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
  if (chars.length > 0) tokens.push(chars[chars.length - 1]!);
  return tokens;
}

/** Full-width punctuation (，。、“”（）…) is cut off the Latin words and numbers it touches. */
const wide = /([\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2010-\u206f]+)/u;
const alnumEnd = /[\p{L}\p{N}]$/u;
const alnumStart = /^[\p{L}\p{N}]/u;

/** Text → index tokens (see the module comment). */
export function encode(text: string): string[] {
  const tokens: string[] = [];
  for (const seg of segments(text.normalize('NFC'))) {
    if (seg.han) tokens.push(...hanTokens(seg.text));
    else for (const piece of seg.text.split(/\s+/u)) for (const part of piece.split(wide)) if (part) tokens.push(part);
  }
  return tokens;
}

/**
 * Index tokens → text. Two Latin or numeric tokens in a row were separated by a space; other
 * neighbours were not (so spaces next to Han text or punctuation, and line breaks, are not kept).
 */
export function decode(tokens: string | string[]): string {
  const list = typeof tokens === 'string' ? tokens.split(/\s+/u).filter(Boolean) : tokens;
  let out = '';
  let last = '';
  for (const token of list) {
    if (hanStart.test(token)) {
      out += String.fromCodePoint(token.codePointAt(0)!);
      last = '';
    } else {
      if (alnumEnd.test(last) && alnumStart.test(token)) out += ' ';
      out += token;
      last = token;
    }
  }
  return out;
}

/**
 * Folds what a reader may type differently from the text: full-width Latin letters and digits
 * (ＩＣＴ → ict) and case. One character for one, so positions in folded text match the original.
 * Full-width punctuation is kept: the articles use it (长江岸线（芜湖段）).
 */
export function fold(text: string): string {
  return text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).toLowerCase();
}

/** How the reader's text is normalised before anything else: Unicode form, width, case, spaces. */
export function normalizeQuery(raw: string): string {
  return fold(raw.normalize('NFC')).replace(/\s+/gu, ' ').trim();
}

/** Characters that are never part of a search term (quotes and brackets a reader may type). */
const strip = /["'“”‘’「」『』《》〈〉【】]/gu;

/** Splits a normalised query into terms: separated by spaces, all of which must occur. */
export function splitTerms(normalized: string): string[] {
  return normalized
    .replace(strip, ' ')
    .split(' ')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

/**
 * How one term (one alternative spelling of it) is searched: `searches` are Pagefind queries that
 * must all match; `verify` says whether every candidate must be checked against the decoded text
 * before the count is known (when the term mixes scripts or punctuation, which the index keeps
 * apart; shown results are always checked). Latin words and numbers match whole words.
 */
export interface TermSearch {
  /** the term as it must appear in the text (for verification, highlight and text fragments) */
  text: string;
  searches: string[];
  verify: boolean;
  /** true when the term contains Han characters (then it must occur as a substring) */
  han: boolean;
}

/** Pagefind query strings for one term. Returns null when nothing in it is searchable. */
export function termSearch(term: string): TermSearch | null {
  const searches: string[] = [];
  let hanCount = 0;
  let other = 0;
  for (const seg of segments(term)) {
    if (seg.han) {
      hanCount++;
      const chars = Array.from(seg.text);
      if (chars.length === 1) searches.push(seg.text);
      else searches.push(`"${hanTokens(seg.text).slice(0, -1).join(' ')}"`);
    } else {
      for (const piece of seg.text.split(' ')) {
        // Pagefind drops punctuation from queries; keep only pieces with letters or digits
        const word = piece.replace(/[^\p{L}\p{N}_]+/gu, '');
        if (word) {
          // whole words only: for a word it does not know, Pagefind falls back to shorter
          // prefixes (lijinbin → li…), which would list every Li
          searches.push(`"${word}"`);
          other++;
        } else if (piece) other++;
      }
    }
  }
  if (searches.length === 0) return null;
  const mixed = hanCount > 1 || (hanCount === 1 && other > 0);
  return { text: term, searches: [...new Set(searches)], verify: mixed, han: hanCount > 0 };
}

/** Traditional → simplified table: each traditional character with its simplified candidates. */
export type T2S = Map<string, string[]>;

/** Parses the compact table written by the indexer: one line per character, `繁简[简…]`. */
export function parseT2S(source: string): T2S {
  const table: T2S = new Map();
  for (const line of source.split('\n')) {
    const chars = Array.from(line.trim());
    if (chars.length >= 2) table.set(chars[0]!, chars.slice(1));
  }
  return table;
}

/** Serialises a table for the browser (sorted, so the output is reproducible). */
export function formatT2S(table: T2S): string {
  return (
    [...table.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([t, s]) => t + s.join(''))
      .join('\n') + '\n'
  );
}

/**
 * Spellings of a term to search for: its simplified form(s), as the index holds them. A character
 * of the table is replaced by its candidates, which include the character itself only when the
 * corpus has it (乾 → 干 or 乾; 蕪 → 芜 alone); a character with several candidates multiplies
 * the spellings, up to `limit`. Without a table the term is searched as typed.
 */
export function spellings(term: string, table: T2S | null, limit = 16): string[] {
  if (!table) return [term];
  let variants = [''];
  for (const ch of term) {
    const candidates = table.get(ch);
    const options = candidates && candidates.length > 0 ? candidates : [ch];
    const next: string[] = [];
    for (const v of variants) for (const o of options) if (next.length < limit) next.push(v + o);
    variants = next;
  }
  // the fully converted spelling first (first candidate everywhere), then the rest
  const converted = Array.from(term, (ch) => table.get(ch)?.[0] ?? ch).join('');
  return [...new Set([converted, ...variants])];
}

/** Does `text` contain the term (case- and width-insensitive for Latin letters and digits)? */
export function containsTerm(text: string, term: string): boolean {
  return fold(text).includes(fold(term));
}

/**
 * Chunks a one-character search must load (scripts/search/pagefind-meta.ts): for a character
 * whose words Pagefind's index spreads over several chunks, words that make it load the others.
 */
export type PrefixProbes = Map<string, string[]>;

/** Parses the table written by the indexer: one line per character, `字 词 词 …`. */
export function parseProbes(source: string): PrefixProbes {
  const table: PrefixProbes = new Map();
  for (const line of source.split('\n')) {
    const [char, ...words] = line.trim().split(' ').filter(Boolean);
    if (char && words.length) table.set(char, words);
  }
  return table;
}

/** Serialises the table for the browser (sorted by character, so the output is reproducible). */
export function formatProbes(table: PrefixProbes): string {
  return (
    [...table.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([char, words]) => [char, ...words].join(' '))
      .join('\n') + '\n'
  );
}

/** The one-character Han searches of a term (the ones that run as Pagefind prefix searches). */
export function prefixSearches(search: TermSearch): string[] {
  return search.searches.filter((q) => !q.startsWith('"') && Array.from(q).length === 1 && isHan(q));
}
