/**
 * Rehype plugin: the pipeline leaves characters it could not restore as visible gap markers
 * (`□`, one per lost character). This wraps each run of markers in
 * `<abbr class="gap" title="原文缺字，无法确证">□□</abbr>` so the reader sees why the text has a hole
 * (the provenance panel lists every gap with its line in the raw source).
 */
import type { HastNode as Node } from './hast-node.ts';

export interface GapMarkOptions {
  /** the marker character, default `□` (U+25A1) */
  marker?: string;
  title?: string;
}

export function markGaps(tree: Node, options: GapMarkOptions = {}): Node {
  const marker = options.marker ?? '□';
  const title = options.title ?? '原文缺字，无法确证';
  const escaped = marker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const run = new RegExp(`(?:${escaped})+`, 'g');
  const walk = (node: Node): void => {
    if (!node.children) return;
    if (node.type === 'element' && (node.tagName === 'abbr' || node.tagName === 'code' || node.tagName === 'pre')) return;
    const out: Node[] = [];
    for (const child of node.children) {
      if (child.type === 'text' && child.value?.includes(marker)) {
        let last = 0;
        for (const m of child.value.matchAll(run)) {
          if (m.index > last) out.push({ type: 'text', value: child.value.slice(last, m.index) });
          out.push({ type: 'element', tagName: 'abbr', properties: { className: ['gap'], title }, children: [{ type: 'text', value: m[0] }] });
          last = m.index + m[0].length;
        }
        if (last < child.value.length) out.push({ type: 'text', value: child.value.slice(last) });
      } else {
        walk(child);
        out.push(child);
      }
    }
    node.children = out;
  };
  walk(tree);
  return tree;
}

export default function rehypeGapMarks(options?: GapMarkOptions) {
  return (tree: Node): void => {
    markGaps(tree, options);
  };
}
