/**
 * The article body as Markdown that renders exactly the source's text and nothing else:
 * one paragraph per body line, headings as `##`, captions as `<p class="caption">…</p>`.
 * Every ASCII punctuation character is backslash-escaped (CommonMark allows it for all of them;
 * `:` `.` `@` become character references instead, which also stop GFM's bare-URL autolinks),
 * so `<script>`, `*`, `_`, `#`, `|`, backticks, `{}`, `---` and `[x](javascript:…)` stay literal
 * text; caption HTML is entity-escaped. Nothing is dropped: white space at a line's ends only.
 */
import type { CleanLine } from '../pipeline/types.ts';
import { isTextKind } from './context.ts';

export function escapeMarkdown(text: string): string {
  // `:` `.` `@` as character references: GFM autolinks (https://…, www.…, a@b.c) ignore backslashes
  return text.replace(/[!-/:-@[-`{-~]/g, (c) => (c === ':' || c === '.' || c === '@' ? `&#${c.charCodeAt(0)};` : `\\${c}`));
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Collapses the white space Markdown would misread (leading indentation, line breaks). */
function flat(text: string): string {
  // trim() removes exactly the white space of \s (U+3000 included) at both ends
  return text.replace(/[\r\n\t]+/g, ' ').trim();
}

/** what flat, escapeMarkdown or escapeHtml would change: \r \n \t, ASCII punctuation (& < > " ' among it) */
const NEEDS_WORK = /[\r\n\t!-/:-@[-`{-~]/;

/**
 * `title`: the line used as the visit's title (left out); any other title line is a paragraph.
 * `plainFlags`: plainLines(lines), when the caller has it.
 */
export function bodyMarkdown(lines: CleanLine[], strip: Map<number, string> = new Map(), title?: CleanLine, plainFlags?: Uint8Array): string {
  const blocks: string[] = [];
  lines.forEach((line, i) => {
    // the body shows the text lines (those the extractors read)
    if (line === title || !isTextKind(line.kind)) return;
    let text = line.text;
    const cut = strip.get(i);
    if (cut && text.endsWith(cut)) text = text.slice(0, -cut.length);
    // most lines hold no line break, tab or ASCII punctuation: nothing to flatten or escape (what
    // is true of a line is true of the start of it that `strip` leaves)
    const plain = plainFlags?.[i] === 1 || !NEEDS_WORK.test(text);
    text = plain ? text.trim() : flat(text);
    if (!text) return;
    switch (line.kind) {
      case 'body':
      case 'subtitle':
      case 'title':
        blocks.push(plain ? text : escapeMarkdown(text));
        break;
      case 'heading':
        blocks.push(`## ${plain ? text : escapeMarkdown(text)}`);
        break;
      case 'caption':
        blocks.push(`<p class="caption">${plain ? text : escapeHtml(text)}</p>`);
        break;
      default:
        break;
    }
  });
  return blocks.length ? `${blocks.join('\n\n')}\n` : '';
}

const MARKUP: [RegExp, string][] = [
  [/<\/?[A-Za-z][\w:-]*(?:\s[^<>]*)?\/?>|<!--/u, 'HTML markup'],
  [/javascript:/iu, 'a javascript: URL'],
  [/^(?:#{1,6}\s|[*+-]\s|>\s?|\d+[.)]\s|-{3,}\s*$|={3,}\s*$)/u, 'a Markdown block marker'],
  [/^\s*\|.*\|\s*$/u, 'a Markdown table row'],
  [/`|\*\*|__|!?\[[^\]]*\]\([^)]*\)|\[[^\]]+\]:\s/u, 'Markdown inline syntax'],
  [/\{[^{}]*\}/u, 'MDX braces'],
  [/^(?:import|export)\s/u, 'an MDX import/export line'],
  [/^[A-Za-z_][\w-]*:(?:\s|$)/u, 'a YAML front matter field'],
];

/**
 * A line can match a MARKUP pattern only if it holds a character one of the unanchored patterns
 * needs (< for HTML, j/J for javascript:, ` * _ [ for inline syntax, { for braces) or starts
 * the way an anchored one does (# * + - > = letter _, a numbered-list marker such as `1. `, or
 * blanks then |; a line opening with a date, 13日上午…, is not one): every other line is plain
 * text and skips the eight patterns.
 */
const MARKUP_ANYWHERE = /[<`*_[{jJ]/;
const MARKUP_START = /^(?:[#*+\->=A-Za-z_]|\d+[.)]\s|\s*\|)/;
/** MARKUP_START or MARKUP_ANYWHERE, in one search of the line */
const MAY_BE_MARKUP = new RegExp(`${MARKUP_START.source}|${MARKUP_ANYWHERE.source}`);

/**
 * What bodyMarkdown (NEEDS_WORK) or markupLines (MAY_BE_MARKUP) looks for: \r \n \t, ASCII
 * punctuation, j J, a letter opening the line. A line with none of it, nearly every line of an
 * article, is plain text for both, which one search tells instead of two.
 */
const NOT_PLAIN = /^[A-Za-z]|[\r\n\t!-/:-@[-`{-~jJ]/;

/** For each line (by its index), 1 when it is shown in the body and plain text (see NOT_PLAIN), else 0. */
export function plainLines(lines: readonly CleanLine[]): Uint8Array {
  const plain = new Uint8Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isTextKind(line.kind) && !NOT_PLAIN.test(line.text)) plain[i] = 1;
  }
  return plain;
}

/** Lines of the article text that look like markup: they are kept as literal text (warned). `plain`: plainLines(lines), when the caller has it. */
export function markupLines(lines: CleanLine[], plain?: Uint8Array): { line: number; column: number; what: string }[] {
  const out: { line: number; column: number; what: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.kind === 'meta' || l.kind === 'credit') continue;
    if (plain?.[i] === 1 || !MAY_BE_MARKUP.test(l.text)) continue;
    for (const [re, what] of MARKUP) {
      const m = re.exec(l.text);
      if (m) {
        out.push({ line: l.line, column: m.index + 1, what });
        break;
      }
    }
  }
  return out;
}
