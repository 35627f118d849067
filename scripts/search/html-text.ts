/**
 * The text a reader sees in rendered article HTML (Markdown → HTML by the site's own processor):
 * tags removed, block elements on their own lines, character references decoded. Image
 * alternative text is not shown on the page, so it is not searchable either.
 */
const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return named[ref.toLowerCase()] ?? whole;
  });
}

const block = /<\/?(?:p|div|h[1-6]|li|ul|ol|blockquote|figure|figcaption|table|tr|td|th|pre|hr|br|section|article|aside|header|footer)\b[^>]*>/gi;

/** Marks the start of each <p> of the article in the text (the site numbers them p1, p2, … in document order). */
export const paragraphMark = '¶';

/**
 * Text of rendered article HTML, each Markdown paragraph (`<p>` without attributes; raw HTML
 * such as `<p class="caption">` is not numbered by the site either) starting with `¶ ` so that a
 * match can be linked to its paragraph (`#p3`). A pilcrow of the article itself becomes `⁋`.
 */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/¶|&para;|&#182;|&#x[bB]6;/g, '⁋')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<p>/g, `\n${paragraphMark} `)
      .replace(block, '\n')
      .replace(/<[^>]*>/g, ''),
  )
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
