/**
 * Showing a match: the excerpt under a result (with <mark>ed matches) and the text fragment that
 * makes the browser highlight and scroll to the match on the page the result opens.
 */
import { fold } from './text.ts';

/** The text as it appears on the page for a case-insensitive match (so `ICT` for `ict`). */
export function matchedText(text: string, term: string): string {
  const i = fold(text).indexOf(fold(term));
  return i < 0 ? term : text.slice(i, i + term.length);
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * A window of the text around the first match of the first needle found (needles in query
 * order), with every match of every needle marked.
 */
export function excerpt(text: string, needles: string[], before = 30, length = 110): ExcerptPart[] {
  const lower = fold(text);
  const list = [...new Set(needles.filter(Boolean).map(fold))];
  let first = -1;
  for (const n of list) {
    first = lower.indexOf(n);
    if (first >= 0) break;
  }
  const start = first < 0 ? 0 : Math.max(0, first - before);
  const end = Math.min(text.length, start + length);
  const parts: ExcerptPart[] = [];
  if (start > 0) parts.push({ text: '…', mark: false });
  let pos = start;
  while (pos < end) {
    let next = -1;
    let len = 0;
    for (const n of list) {
      const i = lower.indexOf(n, pos);
      if (i >= 0 && i < end && (next < 0 || i < next || (i === next && n.length > len))) {
        next = i;
        len = n.length;
      }
    }
    if (next < 0) {
      parts.push({ text: text.slice(pos, end), mark: false });
      break;
    }
    if (next > pos) parts.push({ text: text.slice(pos, next), mark: false });
    parts.push({ text: text.slice(next, next + len), mark: true });
    pos = next + len;
  }
  if (end < text.length) parts.push({ text: '…', mark: false });
  return parts;
}

/**
 * `#p3:~:text=…`: the browser highlights and scrolls to the match on the opened page (text
 * fragment); where it cannot (no support, or the text is not matched whole), it still scrolls to
 * the paragraph `p3`.
 */
export function textFragment(found: string[], anchor = ''): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D');
  const list = [...new Set(found.filter(Boolean))];
  if (list.length === 0) return anchor ? `#${anchor}` : '';
  return `#${anchor}:~:${list.map((s) => `text=${enc(s)}`).join('&')}`;
}
