/**
 * Comparing a source's text with what a page shows, up to the changes the pipeline is asked to
 * make: traditional → simplified (opencc-js t → cn), ASCII → full-width Chinese punctuation
 * (folded back by NFKC), quotes, and white space (removed).
 */
import * as OpenCC from 'opencc-js';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

export function fold(text: string): string {
  return toSimplified(text.normalize('NFKC'))
    .replace(/[“”〝〞]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, '');
}

/** The longest run of Chinese characters in a line (to find where it ended up on a page). */
export function longestHanRun(line: string): string {
  return (line.match(/\p{Script=Han}+/gu) ?? []).reduce((a, b) => (b.length > a.length ? b : a), '');
}

/** `file:line: reason`, `file:line:col: reason` or `file: reason`, naming this file. */
export function namesFile(output: string, file: string): boolean {
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${escaped}['"»]?(:\\d+){0,2}:?\\s+\\S`).test(output);
}

/** Output lines that are not stack frames (`    at fn (file:1:2)`). */
export function nonStackLines(output: string): string[] {
  return output.split('\n').filter((l) => l.trim() !== '' && !/^\s+at\s/.test(l));
}
