/**
 * Rehype plugin, defence in depth: the only raw HTML the pipeline writes into an article is a
 * photo caption, `<p class="caption">…escaped text…</p>` (scripts/extract/markdown.ts). Any other
 * raw HTML node that reaches the renderer — markup that slipped through from a hostile source —
 * is turned into plain text, so it is shown inert and nothing of the article is lost.
 */
import type { HastNode as Node } from './hast-node.ts';

/** The one raw HTML shape allowed: a caption paragraph whose content has no tag at all. */
const allowed = /^<p class="caption">[^<>]*<\/p>$/;

export function neutraliseRawHtml(tree: Node): Node {
  const walk = (node: Node): void => {
    for (const child of node.children ?? []) {
      if (child.type === 'raw' && typeof child.value === 'string' && !allowed.test(child.value.trim())) {
        child.type = 'text';
      } else {
        walk(child);
      }
    }
  };
  walk(tree);
  return tree;
}

export default function rehypeRawAllowlist() {
  return (tree: Node): void => {
    neutraliseRawHtml(tree);
  };
}
