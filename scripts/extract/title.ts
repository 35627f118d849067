/**
 * The title as printed in a traditional copy (`originalTitle`): the raw title line, decoded, with
 * the pinyin annotations of a damaged copy removed (the cleaning steps' own functions), not
 * simplified. Left out when the line still holds a lost character (`?`).
 */
import { decode } from '../pipeline/decode.ts';
import { splitLines } from '../pipeline/lines.ts';
import { hasAnnotations, removePinyin } from '../pipeline/pinyin.ts';
import type { CleanDocument } from '../pipeline/types.ts';

export function originalTitle(raw: Uint8Array, doc: CleanDocument): string | undefined {
  if (doc.script !== 'traditional') return undefined;
  const title = doc.lines.find((l) => l.kind === 'title');
  if (!title) return undefined;
  const decoded = decode(raw, doc.path);
  const work = splitLines(decoded.text)[title.line - 1];
  if (!work) return undefined;
  if (hasAnnotations(decoded.text)) removePinyin([work]);
  const text = work.text.trim().replace(/\s+/gu, ' ');
  return text && !text.includes('?') && text !== title.text ? text : undefined;
}
