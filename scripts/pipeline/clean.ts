/**
 * cleanSource: one raw source file → a CleanDocument (see types.ts).
 *
 *   decode → split lines → pinyin → gaps → simplify → chrome (+ kinds) → punctuation
 *
 * Chrome runs after simplification so that its rules (content/editorial/chrome.yaml) are
 * written once, in simplified characters without pinyin, and match the damaged traditional
 * copies as well as the simplified sources. Messages about lines that chrome then removes are
 * dropped (the removal itself is reported, with the line as received), so the report speaks
 * only of text that is published.
 */
import { hash } from 'node:crypto';
import { basename } from 'node:path';
import { VFile } from 'vfile';
import { removeChrome } from './chrome.ts';
import { decode } from './decode.ts';
import { GAP_MARK, repairGaps } from './gaps.ts';
import { HAN } from './han.ts';
import { classify } from './kinds.ts';
import { splitLines, type WorkLine } from './lines.ts';
import { hasAnnotations, removePinyin } from './pinyin.ts';
import { punctuateLine } from './punctuation.ts';
import { restoreStackTraces, stopStackTraces } from './report.ts';
import { loadRules, type Rules } from './rules.ts';
import { detectScript, simplifyLines, toSimplified } from './simplify.ts';
import type { CleanDocument, CleanLine } from './types.ts';

export { SourceError } from './errors.ts';
export type { CleanDocument, CleanLine, LineKind, RemovedLine } from './types.ts';

export interface CleanOptions {
  /** rules to use instead of content/editorial/ (tests) */
  rules?: Rules;
}

/**
 * Start and end of the n-th (0-based) run of gap marks in `text`, or null: an indexOf walk
 * rather than a regular expression built and run for every gap.
 */
export function nthGapRun(text: string, nth: number): [number, number] | null {
  let from = 0;
  for (let k = 0; ; k++) {
    const start = text.indexOf(GAP_MARK, from);
    if (start === -1) return null;
    let end = start + GAP_MARK.length;
    while (text.startsWith(GAP_MARK, end)) end += GAP_MARK.length;
    if (k === nth) return [start, end];
    from = end;
  }
}

/**
 * The context of each gap left, taken from the published text (simplified, punctuated): the
 * n-th gap of a line is its n-th run of gap marks.
 */
function gapContexts(list: { line: number; context: string }[], lines: CleanLine[]): { line: number; context: string }[] {
  const seen = new Map<number, number>();
  return list.map((g) => {
    const nth = seen.get(g.line) ?? 0;
    seen.set(g.line, nth + 1);
    const text = lines.filter((l) => l.line === g.line).map((l) => l.text).join(' ');
    const run = nthGapRun(text, nth);
    if (!run) return { line: g.line, context: g.context };
    const [start, end] = run;
    return { line: g.line, context: text.slice(Math.max(0, start - 8), Math.min(text.length, end + 8)) };
  });
}

export function cleanSource(bytes: Uint8Array, path: string, options: CleanOptions = {}): CleanDocument {
  const decoded = decode(bytes, path);
  const rules = options.rules ?? loadRules();
  const file = new VFile({ path });
  const script = detectScript(decoded.text);

  // vfile messages are Errors: no stack trace for them (see stopStackTraces)
  const stackLimit = stopStackTraces();
  if (decoded.encoding !== 'UTF-8') {
    const confidence = decoded.confidence === undefined ? '' : ` (chardet confidence ${decoded.confidence})`;
    file.info(`decoded as ${decoded.encoding}${confidence}`, { place: { line: 1, column: 1 }, ruleId: 'decode/encoding' });
  }
  if (decoded.lineEndings === 'CRLF' || decoded.lineEndings === 'CR' || decoded.lineEndings === 'mixed') {
    file.info(`line endings: ${decoded.lineEndings}`, { place: { line: 1, column: 1 }, ruleId: 'decode/line-endings' });
  }
  for (const c of decoded.controls) {
    file.message(`removed control character U+${c.code.toString(16).toUpperCase().padStart(4, '0')}`, {
      place: { line: c.line, column: c.column },
      ruleId: 'decode/control-character',
    });
  }
  restoreStackTraces(stackLimit);

  const lines = splitLines(decoded.text);

  // damage repair: only documents with the damage signature
  const damaged = hasAnnotations(decoded.text);
  const pinyin = damaged ? removePinyin(lines) : null;
  const gaps = repairGaps(lines, pinyin ? { damaged, hints: pinyin.hints, readings: pinyin.readings } : { damaged });

  if (script === 'traditional') simplifyLines(lines);
  const simplified = script === 'traditional' ? toSimplified : (s: string) => s;

  const { kept, removed } = removeChrome(lines, rules);
  const classified = classify(kept, rules);

  let punctuation = 0;
  const out: CleanLine[] = [];
  const keptLines = new Set<number>();
  const published: WorkLine[] = [];
  for (const { work, kind } of classified) {
    punctuation += punctuateLine(work);
    out.push({ kind, text: work.text, line: work.line });
    keptLines.add(work.line);
    published.push(work);
  }

  // vfile messages are Errors: skip capturing a stack trace nobody reads (see stopStackTraces)
  const stackTraceLimit = stopStackTraces();
  try {
    for (const work of published) {
      for (const m of work.messages) {
        const options = { place: { line: work.line, column: m.column }, ruleId: m.rule };
        const text = script === 'traditional' && HAN.test(m.message) ? simplified(m.message) : m.message;
        if (m.severity === 'warning') file.message(text, options);
        else file.info(text, options);
      }
    }
    for (const r of removed) {
      if (r.partial) continue;
      file.info(`removed line “${r.text}”`, { place: { line: r.line, column: 1 }, ruleId: r.rule });
    }
  } finally {
    restoreStackTraces(stackTraceLimit);
  }

  let pinyinRemoved = 0;
  if (pinyin) for (const [line, n] of pinyin.removed) if (keptLines.has(line)) pinyinRemoved += n;

  // one-shot: no Hash object per document
  const bytesHash = hash('sha256', bytes, 'hex');
  return {
    path,
    file: basename(path),
    sha256: bytesHash,
    encoding: decoded.encoding,
    script,
    lines: out,
    removed,
    changes: {
      chromeLinesRemoved: removed.filter((r) => !r.partial).length,
      pinyinAnnotationsRemoved: pinyinRemoved,
      charactersRestored: gaps.restored
        .filter((r) => keptLines.has(r.line))
        .map((r) => ({ from: simplified(r.from), to: simplified(r.to), line: r.line, evidence: simplified(r.evidence) })),
      gapsLeft: gapContexts(gaps.gaps.filter((g) => keptLines.has(g.line)), out),
      punctuationRestored: punctuation,
      convertedToSimplified: script === 'traditional',
      copyrightSignsRepaired: gaps.copyright.length,
    },
    vfile: file,
  };
}
