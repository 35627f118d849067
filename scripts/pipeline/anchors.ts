/**
 * anchors: the characters a match of a regular expression can begin or end with, when it is
 * anchored at the start (`^…`) or at the end (`…$`) of the text.
 *
 * firstMatch (rules.ts) uses them to skip, without running any regular expression, the rules a
 * line cannot match: a paragraph ending with 。 cannot match `…摄$`, and one starting with 省
 * cannot match `^(责任编辑|编辑)…`. Nearly every line of an article is a paragraph, so most lines
 * are decided by two table look-ups.
 *
 * The answer must never exclude a text the pattern matches. So the analysis only ever widens:
 * - every character a term could consume first (last) is in the set; a term that can match
 *   nothing (`x*`, `x?`, `x{0,n}`, a group with an empty or optional alternative) adds its
 *   characters and lets the next term add its own too;
 * - zero-width assertions (`\b`, `^`/`$` inside, lookarounds) are skipped: they only restrict;
 * - whatever it does not understand — a backreference, an inline modifier `(?i:…)`, a flag other
 *   than `u`, a pattern that could match the empty text — gives "no constraint" (null).
 * Characters themselves are never interpreted here: a set is a list of the pattern's own atoms
 * (`摄`, `[)）]`, `\d`, `\p{Script=Han}`, `.`), and membership of a character is asked of the
 * regular-expression engine (`^(?:摄|[)）]|\d)$`), so classes, escapes and Unicode properties
 * mean exactly what they mean in the pattern.
 */

/** One term of a pattern: a character atom, a group, or something zero-width. */
type Term =
  | { kind: 'atom'; source: string; min: number }
  | { kind: 'group'; alternatives: Term[][]; min: number }
  | { kind: 'start' }
  | { kind: 'end' }
  | { kind: 'assertion' }
  | { kind: 'unknown' };

class Unsupported extends Error {}

/** Parse `source` (syntax of flag `u`) into alternatives of terms; throws Unsupported. */
export function parseTerms(source: string): Term[][] {
  let i = 0;
  const unsupported = (why: string): Unsupported => new Unsupported(`${why} at ${i} in /${source}/`);

  // the end of an escape starting at `\` (i), as an atom, an assertion or a backreference
  const escape = (): Term => {
    const start = i;
    const c = source[i + 1];
    if (c === undefined) throw unsupported('trailing backslash');
    i += 2;
    if (c === 'b' || c === 'B') return { kind: 'assertion' };
    if (c! >= '1' && c! <= '9') {
      while (i < source.length && source[i]! >= '0' && source[i]! <= '9') i++;
      return { kind: 'unknown' };
    }
    if (c === 'k') {
      const close = source.indexOf('>', i);
      if (close < 0) throw unsupported('\\k without a name');
      i = close + 1;
      return { kind: 'unknown' };
    }
    if (c === 'p' || c === 'P') {
      const close = source.indexOf('}', i);
      if (source[i] !== '{' || close < 0) throw unsupported('\\p without a property');
      i = close + 1;
    } else if (c === 'u') {
      if (source[i] === '{') {
        const close = source.indexOf('}', i);
        if (close < 0) throw unsupported('unterminated \\u{');
        i = close + 1;
      } else {
        i += 4;
        // a surrogate pair written as two escapes is one character under flag u
        const high = parseInt(source.slice(start + 2, i), 16);
        if (high >= 0xd800 && high <= 0xdbff && source[i] === '\\' && source[i + 1] === 'u' && source[i + 2] !== '{') i += 6;
      }
    } else if (c === 'x') i += 2;
    else if (c === 'c') i += 1;
    return { kind: 'atom', source: source.slice(start, i), min: 1 };
  };

  const characterClass = (): Term => {
    const start = i;
    i++;
    if (source[i] === '^') i++;
    while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
    if (i >= source.length) throw unsupported('unterminated class');
    i++;
    return { kind: 'atom', source: source.slice(start, i), min: 1 };
  };

  // a quantifier after a term: its least number of repetitions, or -1 if there is none
  const quantifier = (): number => {
    const c = source[i];
    let min = -1;
    if (c === '*' || c === '?') {
      min = 0;
      i++;
    } else if (c === '+') {
      min = 1;
      i++;
    } else if (c === '{') {
      const m = /^\{(\d+)(,\d*)?\}/.exec(source.slice(i));
      if (!m) throw unsupported('lone {');
      min = Number(m![1]);
      i += m![0].length;
    } else return -1;
    if (source[i] === '?') i++; // lazy
    return min;
  };

  const alternatives = (inGroup: boolean): Term[][] => {
    const alts: Term[][] = [[]];
    while (i < source.length) {
      const c = source[i]!;
      let term: Term;
      if (c === '|') {
        alts.push([]);
        i++;
        continue;
      } else if (c === ')') {
        if (!inGroup) throw unsupported('unbalanced )');
        return alts;
      } else if (c === '(') {
        let zeroWidth = false;
        if (source.startsWith('(?:', i)) i += 3;
        else if (source.startsWith('(?=', i) || source.startsWith('(?!', i)) {
          i += 3;
          zeroWidth = true;
        } else if (source.startsWith('(?<=', i) || source.startsWith('(?<!', i)) {
          i += 4;
          zeroWidth = true;
        } else if (source.startsWith('(?<', i)) {
          const close = source.indexOf('>', i);
          if (close < 0) throw unsupported('unterminated group name');
          i = close + 1;
        } else if (source.startsWith('(?', i)) throw unsupported('unknown group kind (inline modifier?)');
        else i++;
        const inner = alternatives(true);
        if (source[i] !== ')') throw unsupported('unterminated group');
        i++;
        term = zeroWidth ? { kind: 'assertion' } : { kind: 'group', alternatives: inner, min: 1 };
      } else if (c === '[') term = characterClass();
      else if (c === '\\') term = escape();
      else if (c === '^') {
        i++;
        term = { kind: 'start' };
      } else if (c === '$') {
        i++;
        term = { kind: 'end' };
      } else if (c === '*' || c === '+' || c === '?' || c === '{' || c === '}' || c === ']') throw unsupported(`unexpected ${c}`);
      else {
        // one literal character (a code point: two units for an astral one)
        const width = c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdbff && i + 1 < source.length ? 2 : 1;
        term = { kind: 'atom', source: source.slice(i, i + width), min: 1 };
        i += width;
      }
      const min = quantifier();
      if (min >= 0) {
        if (term.kind !== 'atom' && term.kind !== 'group') {
          // a quantified assertion or backreference: nothing we can say about it
          term = { kind: 'unknown' };
        } else if (min === 0) term = { ...term, min: 0 };
      }
      alts[alts.length - 1]!.push(term);
    }
    if (inGroup) throw unsupported('unterminated group');
    return alts;
  };

  const alts = alternatives(false);
  if (i !== source.length) throw unsupported('trailing text');
  return alts;
}

/** The atoms one end of `terms` can consume (reading `terms` from that end), and whether all of them may match nothing; null: anything. */
function edge(terms: Term[], fromEnd: boolean): { atoms: string[]; nullable: boolean } | null {
  const atoms: string[] = [];
  for (let k = 0; k < terms.length; k++) {
    const term = terms[fromEnd ? terms.length - 1 - k : k]!;
    if (term.kind === 'start' || term.kind === 'end' || term.kind === 'assertion') continue;
    if (term.kind === 'unknown') return null;
    let nullable: boolean;
    if (term.kind === 'atom') {
      atoms.push(term.source);
      nullable = term.min === 0;
    } else {
      nullable = term.min === 0;
      for (const alternative of term.alternatives) {
        const inner = edge(alternative, fromEnd);
        if (inner === null) return null;
        atoms.push(...inner.atoms);
        if (inner.nullable) nullable = true;
      }
    }
    if (!nullable) return { atoms, nullable: false };
  }
  return { atoms, nullable: true };
}

/**
 * The atoms a match of `re` can start with when every alternative is anchored with `^` (first)
 * and end with when every alternative is anchored with `$` (last); null where nothing can be
 * said. Only for flag `u` (the flag of every editorial pattern): other flags give null, null.
 */
export function anchorAtoms(re: RegExp): { first: string[] | null; last: string[] | null } {
  if (re.flags !== 'u') return { first: null, last: null };
  let alts: Term[][];
  try {
    alts = parseTerms(re.source);
  } catch (error) {
    if (error instanceof Unsupported) return { first: null, last: null };
    throw error;
  }
  const side = (fromEnd: boolean): string[] | null => {
    const atoms: string[] = [];
    for (const alternative of alts) {
      const anchor = alternative[fromEnd ? alternative.length - 1 : 0];
      if (anchor?.kind !== (fromEnd ? 'end' : 'start')) return null;
      const e = edge(alternative, fromEnd);
      // an alternative that may match nothing says nothing about the text's characters
      if (e === null || e.nullable) return null;
      atoms.push(...e.atoms);
    }
    return atoms;
  };
  return { first: side(false), last: side(true) };
}

/**
 * A test of one character against atoms: `^(?:a|b|…)$` with flag `u`. Null if it does not
 * compile (it always should: the atoms come from a pattern that does).
 */
export function atomTest(atoms: string[]): RegExp | null {
  try {
    return new RegExp(`^(?:${[...new Set(atoms)].join('|')})$`, 'u');
  } catch {
    return null;
  }
}

const COMPUTED = 1 << 30;
/** at most this many rules per list (bits of an int32 beside COMPUTED) */
export const MAX_RULES = 30;

/**
 * For a list of up to MAX_RULES patterns: which of them a text could match, from its first and
 * last code unit. Bit i of the answer is set unless pattern i provably cannot match. Per code
 * unit the answer is worked out once (asking each pattern's atom test) and kept in a table, so
 * a line costs two look-ups. A surrogate at either end is never used to exclude anything (the
 * atoms are tested on whole characters).
 */
export class EndFilter {
  readonly all: number;
  private readonly firstTests: (RegExp | null)[];
  private readonly lastTests: (RegExp | null)[];
  private readonly first = new Int32Array(0x10000);
  private readonly last = new Int32Array(0x10000);

  /**
   * null when no pattern of the list has an anchored end (or the list is too long).
   * `useFirst: false` for a pattern that may be run on part of the text only (the tail of a
   * long line: see rules.ts), whose first character is then not the text's.
   */
  static of(patterns: { re: RegExp; useFirst: boolean }[]): EndFilter | null {
    if (patterns.length === 0 || patterns.length > MAX_RULES) return null;
    const ends = patterns.map((p) => {
      const atoms = anchorAtoms(p.re);
      return p.useFirst ? atoms : { first: null, last: atoms.last };
    });
    const firstTests = ends.map((e) => (e.first ? atomTest(e.first) : null));
    const lastTests = ends.map((e) => (e.last ? atomTest(e.last) : null));
    if (firstTests.every((t) => t === null) && lastTests.every((t) => t === null)) return null;
    return new EndFilter(firstTests, lastTests);
  }

  private constructor(firstTests: (RegExp | null)[], lastTests: (RegExp | null)[]) {
    this.firstTests = firstTests;
    this.lastTests = lastTests;
    this.all = (1 << firstTests.length) - 1;
  }

  private static mask(table: Int32Array, tests: (RegExp | null)[], unit: number, all: number): number {
    const known = table[unit]!;
    if (known !== 0) return known & all;
    let mask = all;
    if (unit < 0xd800 || unit > 0xdfff) {
      const char = String.fromCharCode(unit);
      tests.forEach((test, bit) => {
        if (test && !test.test(char)) mask &= ~(1 << bit);
      });
    }
    table[unit] = mask | COMPUTED;
    return mask;
  }

  /** the patterns `text` (not empty) could match, as a bit mask */
  candidates(text: string): number {
    return (
      EndFilter.mask(this.first, this.firstTests, text.charCodeAt(0), this.all) &
      EndFilter.mask(this.last, this.lastTests, text.charCodeAt(text.length - 1), this.all)
    );
  }
}
