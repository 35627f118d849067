/**
 * simplify: traditional → simplified with opencc-js (`from: 't', to: 'cn'`), for documents
 * detected as traditional; simplified documents pass through untouched.
 *
 * Detection is one linear pass with a lookup table of the characters that OpenCC's t→cn
 * conversion changes (built once, by converting each CJK character on its own): a document is
 * traditional when such characters make at least 5% of its first 1,000 Han characters (and
 * at least 3).
 * Simplified texts score ~0 (a stray 著 or 於), the damaged copies ~33%.
 */
import * as OpenCC from 'opencc-js/t2cn';
import { applyEdits, type WorkLine } from './lines.ts';

let converter: ((text: string) => string) | null = null;

type Dict = string | readonly (readonly [string, string])[];
/** opencc-js's t2s preset, the one `Converter({ from: 't', to: 'cn' })` runs */
interface Preset {
  segmentation?: unknown;
  normalizationChain?: readonly (readonly Dict[])[];
  conversionChain: readonly (readonly Dict[])[];
}

interface ConversionOnly {
  /**
   * Does the text hold the first UTF-16 unit of a key that the normalisation pass changes?
   * (a surrogate counts as a unit)
   */
  normalizes: (text: string) => boolean;
  /** the preset's normalisation chain alone, built by opencc-js */
  normalize: (text: string) => string;
  /** the preset's conversion chain alone (phrases, then characters), built by opencc-js */
  convert: (text: string) => string;
}

let conversionOnly: ConversionOnly | null | undefined;

/**
 * opencc-js runs t→cn as two passes over the text, each a longest-match walk of a dictionary
 * trie: normalisation (compatibility ideographs to their unified forms), then conversion. A
 * text in which no key that normalisation changes occurs comes out of it unchanged (every
 * match maps a key to itself, every other unit is copied), so for such a text the conversion
 * chain alone, built by opencc-js's ConverterFactory from the same preset, gives the same
 * result at half the cost; a text containing the first unit of such a key takes both passes,
 * the two chains built here one after the other (which is all `Converter` does with this
 * preset: each dictionary is built once in the process, not again inside a second converter).
 * null when the preset is not of that shape (then every text takes the full converter).
 */
export function conversionChainOnly(): ConversionOnly | null {
  if (conversionOnly !== undefined) return conversionOnly;
  const preset = (OpenCC.Locale.configs as Record<string, Preset | undefined>)['t2s'];
  const known = new Set(['normalizationChain', 'conversionChain']);
  if (!preset || preset.segmentation !== undefined || !Object.keys(preset).every((k) => known.has(k))) return (conversionOnly = null);
  const first = new Uint8Array(0x10000);
  for (const group of preset.normalizationChain ?? []) {
    for (const dict of group) {
      const entries = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ')) : dict;
      for (const [key, value] of entries) if (key && key !== value) first[key.charCodeAt(0)] = 1;
    }
  }
  const hex = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`;
  let ranges = '';
  for (let code = 0; code < 0x10000; code++) {
    if (!first[code]) continue;
    let last = code;
    while (last + 1 < 0x10000 && first[last + 1]) last++;
    ranges += last > code ? `${hex(code)}-${hex(last)}` : hex(code);
    code = last;
  }
  // The text is tested as a whole against `^[^units]*$` (no `u` flag: a surrogate is matched as
  // a unit): one greedy loop over the text, about 40% cheaper than a search for `[units]`, which
  // starts a match attempt at every position. With no such key at all, every text passes.
  const untouched = new RegExp(ranges === '' ? '^[\\s\\S]*$' : `^[^${ranges}]*$`);
  const normalizes = (text: string): boolean => !untouched.test(text);
  return (conversionOnly = {
    normalizes,
    normalize: OpenCC.ConverterFactory(...(preset.normalizationChain ?? [])),
    convert: OpenCC.ConverterFactory(...preset.conversionChain),
  });
}

/** The one t→cn converter of the process: opencc-js `Converter({ from: 't', to: 'cn' })`. */
export function toSimplified(text: string): string {
  const chains = conversionChainOnly();
  // normalisation, then conversion; the first skipped when it has nothing to change (it would
  // return the text as it is)
  if (chains) return chains.convert(chains.normalizes(text) ? chains.normalize(text) : text);
  converter ??= OpenCC.Converter({ from: 't', to: 'cn' });
  return converter(text);
}

const RANGES: [number, number][] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];
let table: Uint8Array | null = null;

/** 1 = Han, 2 = Han that t→cn changes (traditional form) */
function lookup(): Uint8Array {
  if (table) return table;
  table = new Uint8Array(0x10000);
  const chars: string[] = [];
  for (const [from, to] of RANGES) for (let c = from; c <= to; c++) chars.push(String.fromCharCode(c));
  const converted = toSimplified(chars.join('\n')).split('\n');
  for (let i = 0; i < chars.length; i++) {
    const code = chars[i]!.charCodeAt(0);
    table[code] = converted[i] === chars[i] ? 1 : 2;
  }
  return table;
}

export interface ScriptStats {
  han: number;
  traditional: number;
}

/**
 * Counts over the text's first `limit` Han characters (all of them by default), stopping
 * early once `enough` traditional ones have been counted.
 */
export function scriptStats(text: string, limit = Infinity, enough = Infinity): ScriptStats {
  const t = lookup();
  let han = 0;
  let traditional = 0;
  for (let i = 0; i < text.length && han < limit && traditional < enough; i++) {
    const v = t[text.charCodeAt(i)]!;
    if (v !== 0) {
      han++;
      if (v === 2) traditional++;
    }
  }
  return { han, traditional };
}

/** Han characters looked at to decide a document's script */
export const SCRIPT_SAMPLE = 1000;

export function detectScript(text: string): 'traditional' | 'simplified' {
  // once 5% of the whole sample (50) are traditional, the rest of the sample cannot change the
  // answer: the count stops there (a damaged copy is decided within its first ~150 Han
  // characters instead of 1,000)
  const { han, traditional } = scriptStats(text, SCRIPT_SAMPLE, Math.max(3, Math.ceil(SCRIPT_SAMPLE / 20)));
  return traditional >= 3 && traditional * 20 >= han ? 'traditional' : 'simplified';
}

/** Convert every line of a traditional document (one converter call for the whole text). */
export function simplifyLines(lines: WorkLine[]): number {
  if (lines.length === 0) return 0;
  const converted = toSimplified(lines.map((l) => l.text).join('\n')).split('\n');
  if (converted.length !== lines.length) throw new Error('simplify: OpenCC changed the number of lines');
  let changed = 0;
  for (let i = 0; i < lines.length; i++) {
    const work = lines[i]!;
    const text = converted[i]!;
    if (text === work.text) continue;
    changed++;
    if (text.length === work.text.length) work.text = text;
    // a conversion that changed the length: columns after it point at the line's start
    else applyEdits(work, [{ start: 0, end: work.text.length, text }]);
  }
  return changed;
}
