import { describe, expect, it } from 'vitest';
import { applyEdits, rawColumn, replaceText, splitLines, trimLine } from '../../scripts/pipeline/lines.ts';

describe('lines', () => {
  it('split on LF, CRLF and CR, keeping empty lines and numbers', () => {
    expect(splitLines('a\r\nb\n\nc\rd\n').map((l) => [l.line, l.text])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, ''],
      [4, 'c'],
      [5, 'd'],
    ]);
  });

  it('trace columns back through edits', () => {
    const [work] = splitLines('  發(fā)展,吳政??說');
    trimLine(work!); // removes 2 leading blanks
    applyEdits(work!, [{ start: 1, end: 5, text: '' }]); // (fā)
    expect(work!.text).toBe('發展,吳政??說');
    expect(rawColumn(work!, 0)).toBe(3); // 發
    expect(rawColumn(work!, 1)).toBe(8); // 展
    expect(rawColumn(work!, 5)).toBe(12); // first ?
    applyEdits(work!, [{ start: 5, end: 7, text: '隆' }]);
    expect(work!.text).toBe('發展,吳政隆說');
    expect(rawColumn(work!, 5)).toBe(12); // 隆 replaces ??
    expect(rawColumn(work!, 6)).toBe(14); // 說
  });

  it('replaceText records a text built by the caller as applyEdits would', () => {
    const [a, b] = splitLines('發(fā)展(zhǎn),吳政??說\n發(fā)展(zhǎn),吳政??說');
    applyEdits(a!, [
      { start: 1, end: 5, text: '' },
      { start: 6, end: 12, text: '' },
    ]);
    replaceText(b!, '發展,吳政??說', [
      { start: 1, end: 5, length: 0 },
      { start: 6, end: 12, length: 0 },
    ]);
    expect(b!.text).toBe(a!.text);
    expect(b!.edits).toEqual(a!.edits);
    for (let i = 0; i < b!.text.length; i++) expect(rawColumn(b!, i)).toBe(rawColumn(a!, i));
    expect(rawColumn(b!, 2)).toBe(13); // ,
    // a second step's edits go after the first's; no edits, no list
    replaceText(b!, '發展，吳政??說', []);
    expect(b!.edits).toHaveLength(1);
    replaceText(b!, '發展，吳政隆說', [{ start: 5, end: 7, length: 1 }]);
    expect(b!.edits).toHaveLength(2);
    expect(rawColumn(b!, 6)).toBe(18); // 說
  });

  it('trim blanks of every kind, and a blank line to nothing', () => {
    const [a, b] = splitLines('\u3000\u00a0 正文 \u3000\n \u00a0\u3000');
    trimLine(a!);
    trimLine(b!);
    expect(a!.text).toBe('正文');
    expect(rawColumn(a!, 0)).toBe(4);
    expect(b!.text).toBe('');
  });
});
