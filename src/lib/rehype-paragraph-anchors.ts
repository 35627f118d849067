/**
 * Rehype plugin: gives every paragraph of an article a stable id (`p1`, `p2`, … in document
 * order) and a visible `¶` permalink to it, so a reader can cite one paragraph:
 *
 *   <p id="p3">…text… <a class="para-anchor" href="#p3" aria-label="第3段的链接">¶</a></p>
 *
 * A paragraph that already has an id keeps it. The link is left out of the search index
 * (`data-pagefind-ignore`). Minimal structural types keep this free of @types/hast.
 */
import type { HastNode as Node } from './hast-node.ts';

export interface ParagraphAnchorOptions {
  /** id prefix, default `p` */
  prefix?: string;
}

export function addParagraphAnchors(tree: Node, options: ParagraphAnchorOptions = {}): Node {
  const prefix = options.prefix ?? 'p';
  let n = 0;
  const walk = (node: Node): void => {
    for (const child of node.children ?? []) {
      if (child.type === 'element' && child.tagName === 'p') {
        n++;
        const props = (child.properties ??= {});
        const id = typeof props.id === 'string' && props.id ? props.id : `${prefix}${n}`;
        props.id = id;
        (child.children ??= []).push(
          { type: 'text', value: ' ' },
          {
            type: 'element',
            tagName: 'a',
            properties: { className: ['para-anchor'], href: `#${id}`, ariaLabel: `第${n}段的链接`, dataPagefindIgnore: '' },
            children: [{ type: 'text', value: '¶' }],
          },
        );
      } else if (child.type === 'element' || child.type === 'root') {
        walk(child);
      }
    }
  };
  walk(tree);
  return tree;
}

/** The unified plugin form, for `unified({ rehypePlugins: [rehypeParagraphAnchors] })`. */
export default function rehypeParagraphAnchors(options?: ParagraphAnchorOptions) {
  return (tree: Node): void => {
    addParagraphAnchors(tree, options);
  };
}
