import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import remarkCjkFriendly from 'remark-cjk-friendly';
import rehypeDemoteHeadings from './src/lib/rehype-demote-headings.ts';
import rehypeGapMarks from './src/lib/rehype-gap-marks.ts';
import rehypeParagraphAnchors from './src/lib/rehype-paragraph-anchors.ts';
import rehypeRawAllowlist from './src/lib/rehype-raw-allowlist.ts';

/**
 * Deployment is configured by the environment, so one build command serves every host:
 * - BASE_PATH: sub-path the site is served under (default `/`), e.g. `/archive/`;
 * - SITE_URL: canonical origin (default: none; canonical URLs and the sitemap need it).
 */
function basePath(raw: string | undefined): string {
  if (!raw || raw === '/') return '/';
  const trimmed = raw.replace(/^\/+|\/+$/g, '');
  if (!/^[A-Za-z0-9._~\-/]+$/.test(trimmed)) {
    throw new Error(`BASE_PATH=${raw}: only URL path characters are allowed (letters, digits, . _ ~ - /)`);
  }
  return `/${trimmed}/`;
}

function siteUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL=${raw}: not a URL (expected e.g. https://example.org)`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new Error(`SITE_URL=${raw}: must be an http(s) origin`);
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error(`SITE_URL=${raw}: give the origin only (e.g. https://example.org); put a sub-path in BASE_PATH`);
  }
  return url.origin;
}

export default defineConfig({
  site: siteUrl(process.env.SITE_URL),
  base: basePath(process.env.BASE_PATH),
  trailingSlash: 'always',
  output: 'static',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  markdown: {
    // Astro 7 renders Markdown with Sätteri by default, which cannot run remark plugins.
    // Every article paragraph gets an id and a visible ¶ permalink (src/lib/rehype-paragraph-anchors.ts);
    // the pipeline's gap markers (□) are explained in place (src/lib/rehype-gap-marks.ts); the article's
    // own headings start at h3, under the page's title (h1) and 原文 (h2); raw HTML other than the
    // pipeline's photo captions is shown as text (src/lib/rehype-raw-allowlist.ts).
    // gfm: false: article text is escaped plain text; GFM would still autolink bare URLs in it.
    processor: unified({ remarkPlugins: [remarkCjkFriendly], rehypePlugins: [rehypeRawAllowlist, rehypeDemoteHeadings, rehypeGapMarks, rehypeParagraphAnchors], smartypants: false, gfm: false }),
  },
});
