/**
 * What every extractor reads: the clean document cut into sentences (each traced to its line in
 * the raw source), the editorial data, the geography, and a way to report what it inferred or
 * could not resolve as vfile messages (`extract/<rule>`).
 */
import type { CleanDocument, CleanLine, LineKind } from '../pipeline/types.ts';
import type { Editorial } from './editorial.ts';
import type { Geography } from './provinces.ts';

export interface Sentence {
  text: string;
  kind: LineKind;
  /** 1-based line in the raw source */
  line: number;
  /** 1-based column of the sentence in the cleaned line */
  column: number;
  /** index of the line in `doc.lines` */
  lineIndex: number;
  /** index of this sentence in `Context.sentences` */
  index: number;
}

export interface Context {
  doc: CleanDocument;
  editorial: Editorial;
  geo: Geography;
  /** sentences of title, subtitle, body, heading and caption lines, in reading order */
  sentences: Sentence[];
  /** every text line (not meta/credit) joined, for substring look-ups */
  fullText: string;
  surnames: { single: Set<string>; compound: Set<string> };
  /** province ids named in a sentence (full or short name), in order; memoised */
  provincesIn(s: Sentence): string[];
  info(reason: string, at: { line: number; column?: number } | undefined, rule: string): void;
  warn(reason: string, at: { line: number; column?: number } | undefined, rule: string): void;
}

const TEXT_KINDS: ReadonlySet<LineKind> = new Set(['title', 'subtitle', 'body', 'heading', 'caption']);

/** Splits a line into sentences after 。！？ (and a closing quote that follows them). */
export function splitSentences(line: CleanLine, lineIndex: number, start: number): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^。！？]+(?:[。！？]+[”’」』）]?|$)/gu;
  for (const m of line.text.matchAll(re)) {
    const text = m[0];
    if (!text.trim()) continue;
    out.push({ text, kind: line.kind, line: line.line, column: (m.index ?? 0) + 1, lineIndex, index: start + out.length });
  }
  return out;
}

export function createContext(doc: CleanDocument, editorial: Editorial, geo: Geography): Context {
  const sentences: Sentence[] = [];
  const texts: string[] = [];
  doc.lines.forEach((line, i) => {
    if (!TEXT_KINDS.has(line.kind)) return;
    texts.push(line.text);
    sentences.push(...splitSentences(line, i, sentences.length));
  });
  // vfile messages are Errors: capturing a stack trace nobody reads is most of their cost
  const message = (fatal: boolean | undefined) => (reason: string, at: { line: number; column?: number } | undefined, rule: string) => {
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      const m = doc.vfile.message(reason, { place: at ? { line: at.line, column: at.column ?? 1 } : undefined, ruleId: rule, source: 'extract' });
      m.fatal = fatal;
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
  };
  const memo = new Map<Sentence, string[]>();
  const re = new RegExp(geo.namePattern, 'gu');
  const provincesIn = (s: Sentence): string[] => {
    let ids = memo.get(s);
    if (!ids) {
      ids = [];
      for (const m of s.text.matchAll(re)) {
        const id = geo.byName.get(m[0])?.id;
        if (id && !ids.includes(id)) ids.push(id);
      }
      memo.set(s, ids);
    }
    return ids;
  };
  return {
    doc,
    editorial,
    geo,
    sentences,
    provincesIn,
    fullText: texts.join('\n'),
    surnames: editorial.surnames,
    info: message(undefined),
    warn: message(false),
  };
}

/** Position of `index` within sentence `s`, for messages. */
export function at(s: Sentence, index = 0): { line: number; column: number } {
  return { line: s.line, column: s.column + index };
}

/** Sentences about the past (时任…, N年前…) describe other visits: extractors skip them. */
export function isHistorical(s: Sentence): boolean {
  return /时任|\d+年前|多年前|当年/u.test(s.text);
}
