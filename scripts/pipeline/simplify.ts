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

/** The one t→cn converter of the process. */
export function toSimplified(text: string): string {
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

/** Counts over the text's first `limit` Han characters (all of them by default). */
export function scriptStats(text: string, limit = Infinity): ScriptStats {
  const t = lookup();
  let han = 0;
  let traditional = 0;
  for (let i = 0; i < text.length && han < limit; i++) {
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
  const { han, traditional } = scriptStats(text, SCRIPT_SAMPLE);
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
