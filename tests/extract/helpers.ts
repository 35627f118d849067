/** Small CleanDocuments for the extractor tests, and the real editorial data and geography. */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { VFile } from 'vfile';
import { type Context, createContext } from '../../scripts/extract/context.ts';
import { type Editorial, loadEditorial } from '../../scripts/extract/editorial.ts';
import { loadGeography } from '../../scripts/extract/provinces.ts';
import type { CleanDocument, LineKind, RemovedLine } from '../../scripts/pipeline/types.ts';

export const root = resolve(import.meta.dirname, '../..');
export const fixtures = join(root, 'tests/fixtures/extract');

let editorial: Editorial | undefined;
export function realEditorial(): Editorial {
  editorial ??= loadEditorial(join(root, 'content/editorial'), root);
  return editorial;
}

/** A clean document from lines given as [kind, text] (raw line numbers 1, 2, 3 …). */
export function doc(lines: [LineKind, string][], options: { file?: string; removed?: RemovedLine[]; script?: CleanDocument['script'] } = {}): CleanDocument {
  const file = options.file ?? 'fixture.txt';
  const text = lines.map(([, t]) => t).join('\n');
  return {
    path: `content/sources/${file}`,
    file,
    sha256: createHash('sha256').update(text).digest('hex'),
    encoding: 'UTF-8',
    script: options.script ?? 'simplified',
    lines: lines.map(([kind, t], i) => ({ kind, text: t, line: i + 1 })),
    removed: options.removed ?? [],
    changes: { chromeLinesRemoved: 0, pinyinAnnotationsRemoved: 0, charactersRestored: [], gapsLeft: [], punctuationRestored: 0, convertedToSimplified: false, copyrightSignsRepaired: 0 },
    vfile: new VFile({ path: `content/sources/${file}` }),
  };
}

export function context(lines: [LineKind, string][], options: { file?: string; removed?: RemovedLine[]; script?: CleanDocument['script']; editorial?: Editorial } = {}): Context {
  const e = options.editorial ?? realEditorial();
  return createContext(doc(lines, options), e, loadGeography(e));
}

/** Messages of a context's document as `rule: reason`. */
export function messages(ctx: Context): string[] {
  return ctx.doc.vfile.messages.map((m) => `${m.ruleId}: ${m.reason}`);
}
