/**
 * The part of a hast (HTML syntax tree) node that the site's rehype plugins read and write.
 * A minimal structural type, so the plugins need no @types/hast.
 */
export interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
  value?: string;
}
