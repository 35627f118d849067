/**
 * Lines: the unit every cleaning step works on. Each keeps its raw line number and the edits
 * made to it, so that a message about any position of the cleaned text can name the line and
 * column in the raw file.
 */

/** One replacement in the coordinates of the text it was applied to. */
export interface Edit {
  start: number;
  end: number;
  /** length of the replacement */
  length: number;
}

export interface Pending {
  rule: string;
  message: string;
  /** 1-based column in the raw line */
  column: number;
  severity: 'info' | 'warning';
}

export interface WorkLine {
  /** 1-based line number in the raw file */
  line: number;
  /** the decoded raw line, without its line ending */
  raw: string;
  /** current text */
  text: string;
  /** edits made so far, one list per step that changed lengths, oldest first */
  edits: Edit[][];
  /** messages about this line, reported only if the line is kept */
  messages: Pending[];
}

const LINE_BREAK = /\r\n|\r|\n/;

// shared empty lists until a line gets its first edit or message (most never do)
const NO_EDITS: Edit[][] = [];
const NO_MESSAGES: Pending[] = [];

/** Split decoded text into lines (CRLF, LF or CR), keeping empty ones so numbers stay right. */
export function splitLines(text: string): WorkLine[] {
  const parts = text.includes('\r') ? text.split(LINE_BREAK) : text.split('\n');
  // a final line ending does not open another line
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  const lines: WorkLine[] = new Array(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const raw = parts[i]!;
    lines[i] = { line: i + 1, raw, text: raw, edits: NO_EDITS, messages: NO_MESSAGES };
  }
  return lines;
}

function back(position: number, edits: Edit[]): number {
  let shift = 0;
  for (const edit of edits) {
    const start = edit.start + shift;
    if (position < start) break;
    if (position < start + edit.length) return edit.start;
    shift += edit.length - (edit.end - edit.start);
  }
  return position - shift;
}

/** Raw 1-based column of a 0-based offset in the current text of `work`. */
export function rawColumn(work: WorkLine, offset: number): number {
  let position = offset;
  for (let i = work.edits.length - 1; i >= 0; i--) position = back(position, work.edits[i]!);
  return position + 1;
}

/**
 * Apply replacements (sorted, non-overlapping, in current coordinates) to a line, recording
 * them so that columns can be traced back. Returns the new text.
 */
export function applyEdits(work: WorkLine, replacements: { start: number; end: number; text: string }[]): string {
  if (replacements.length === 0) return work.text;
  const edits: Edit[] = [];
  let out = '';
  let last = 0;
  for (const r of replacements) {
    out += work.text.slice(last, r.start) + r.text;
    last = r.end;
    if (r.end - r.start !== r.text.length) edits.push({ start: r.start, end: r.end, length: r.text.length });
  }
  out += work.text.slice(last);
  replaceText(work, out, edits);
  return out;
}

/**
 * Give a line the text a step built itself while scanning it, and record the edits that made
 * it (same-length ones need not be given): applyEdits ends here, and a step with many small
 * removals per line (pinyin) calls it directly, with no replacement objects and no second pass
 * over them. `edits` are sorted, non-overlapping, in the coordinates of the line's current text.
 */
export function replaceText(work: WorkLine, text: string, edits: Edit[]): void {
  if (edits.length > 0) {
    if (work.edits === NO_EDITS) work.edits = [edits];
    else work.edits.push(edits);
  }
  work.text = text;
}

export function note(work: WorkLine, offset: number, rule: string, message: string, severity: 'info' | 'warning' = 'info'): void {
  const pending: Pending = { rule, message, column: rawColumn(work, offset), severity };
  if (work.messages === NO_MESSAGES) work.messages = [pending];
  else work.messages.push(pending);
}

/** Blanks trimmed from both ends of a line: ASCII whitespace, U+3000, U+00A0, BOM, zero-width space. */
function isBlank(code: number): boolean {
  return code <= 0x20 || code === 0x3000 || code === 0xa0 || code === 0xfeff || code === 0x200b || code === 0x85 || (code >= 0x2000 && code <= 0x200a);
}

export function trimLine(work: WorkLine): void {
  const text = work.text;
  let start = 0;
  let end = text.length;
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  if (start === 0 && end === text.length) return;
  if (start >= end) {
    applyEdits(work, [{ start: 0, end: text.length, text: '' }]);
    return;
  }
  const replacements: { start: number; end: number; text: string }[] = [];
  if (start > 0) replacements.push({ start: 0, end: start, text: '' });
  if (end < text.length) replacements.push({ start: end, end: text.length, text: '' });
  applyEdits(work, replacements);
}
