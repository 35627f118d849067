/**
 * Credits: reporters, photographers and editors, kept as metadata and never as officials:
 * 责任编辑:张玉, 本报记者徐国康摄, 记者 杨竹 摄, (浙江在线记者 王国锋), a closing (宗禾).
 */
import type { z } from 'astro/zod';
import type { credit } from '../../src/schemas.ts';
import { type Context, isTextKind, matches, words } from './context.ts';
import { isName } from './roles.ts';

export type Credit = z.infer<typeof credit>;

export interface CreditFacts {
  credits: Credit[];
  /** a closing `（宗禾）` to drop from the body text (line index and the text to remove) */
  strip: { lineIndex: number; text: string }[];
}

const CREDIT_WORDS_SET = words('编辑', '记者', '作者');
/** the same words, searched in the lines the dictionary pass does not read (meta, credit) */
const CREDIT_WORDS = new RegExp(CREDIT_WORDS_SET.words.join('|'));
// the patterns, compiled once (run with `matches`: matchAll would copy each at every call)
const CHIEF_EDITOR = /责任编辑[:：]\s*(\p{Script=Han}{2,4})/gu;
const EDITOR = /编辑[:：]\s*(\p{Script=Han}{2,4})/gu;
const PHOTOGRAPHER = /((?:本报|本网|\p{Script=Han}{2,4})?记者)\s*(\p{Script=Han}{2,3})\s*摄/gu;
/** (浙江在线记者 王国锋): only in a line holding （ */
const REPORTER = /（((?:\p{Script=Han}{2,6})?记者)\s*(\p{Script=Han}{2,3})）/gu;
const AUTHOR = /作者[:：]\s*(\p{Script=Han}{2,4})(?=\s|$)/gu;
const CLOSING = /\s*（(\p{Script=Han}{2,3})）$/u;
const PLAIN_NAME = /^(\p{Script=Han}{2,3})$/u;
const BRACKETS_AND_BLANKS = /[（）()\s]/gu;

export function extractCredits(ctx: Context): CreditFacts {
  const credits: Credit[] = [];
  const strip: CreditFacts['strip'] = [];
  const add = (c: Credit) => {
    if (!credits.some((x) => x.name === c.name && x.role === c.role)) credits.push(c);
  };
  const lines = ctx.doc.lines;
  const lastBody = lines.findLastIndex((l) => l.kind === 'body');
  // lines holding one of the three words (most hold none): text lines from the dictionary pass
  // over their sentences (none of the words spans two), the others by one search each
  const inText = new Uint8Array(lines.length);
  for (const hits of ctx.found(CREDIT_WORDS_SET)) {
    // (sentence, end) pairs of each word's occurrences
    for (let j = 0; hits !== undefined && j < hits.length; j += 2) inText[ctx.sentences[hits[j]!]!.lineIndex] = 1;
  }
  lines.forEach((line, i) => {
    const t = line.text;
    const marked = isTextKind(line.kind) ? inText[i] === 1 : CREDIT_WORDS.test(t);
    if (marked && t.includes('编辑')) {
      for (const m of matches(CHIEF_EDITOR, t)) add({ role: 'editor', label: '责任编辑', name: m[1]! });
      if (!t.includes('责任编辑')) for (const m of matches(EDITOR, t)) add({ role: 'editor', label: '编辑', name: m[1]! });
    }
    if (marked && t.includes('记者')) {
      for (const m of t.includes('摄') ? matches(PHOTOGRAPHER, t) : []) {
        if (isName(m[2]!, ctx.surnames)) add({ role: 'photographer', label: `${m[1]} 摄`, name: m[2]! });
      }
      for (const m of t.includes('（') ? matches(REPORTER, t) : []) add({ role: 'reporter', label: m[1]!, name: m[2]! });
    }
    if (marked && line.kind === 'meta' && t.includes('作者')) {
      for (const m of matches(AUTHOR, t)) add({ role: 'author', label: '作者', name: m[1]! });
    }
    // a closing signature in parentheses at the end of the last body paragraph: （宗禾）
    if (i === lastBody && t.endsWith('）')) {
      const closing = CLOSING.exec(t.slice(-12));
      if (closing && isName(closing[1]!, ctx.surnames)) {
        add({ role: 'author', label: '署名', name: closing[1]! });
        strip.push({ lineIndex: i, text: closing[0] });
      }
    }
    if (line.kind === 'credit') {
      const plain = PLAIN_NAME.exec(t.replace(BRACKETS_AND_BLANKS, ''));
      if (plain && isName(plain[1]!, ctx.surnames)) add({ role: 'author', label: '署名', name: plain[1]! });
    }
  });
  return { credits, strip };
}
