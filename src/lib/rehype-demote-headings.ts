/**
 * Rehype plugin: an article's own section headings sit under the page's h1 (the title) and the
 * page's h2 (原文), so they are demoted to start at h3 (h1/h2 → h3, h3 → h4, …, at most h6),
 * keeping one h1 per page and a heading outline without jumps.
 */
import type { HastNode as Node } from './hast-node.ts';

export function demoteHeadings(tree: Node, top = 3): Node {
  const walk = (node: Node): void => {
    for (const child of node.children ?? []) {
      const m = child.type === 'element' ? /^h([1-6])$/.exec(child.tagName ?? '') : null;
      if (m) child.tagName = `h${Math.min(6, Math.max(top, Number(m[1]) + 1))}`;
      else walk(child);
    }
  };
  walk(tree);
  return tree;
}

export default function rehypeDemoteHeadings(options?: { top?: number }) {
  return (tree: Node): void => {
    demoteHeadings(tree, options?.top);
  };
}
