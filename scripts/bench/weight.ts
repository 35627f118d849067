/**
 * Page weight: what a first visit to one built page downloads — the HTML (raw and gzip), the
 * stylesheets, the scripts (external, module preloads and inline) and other referenced assets —
 * read from the built files, for a site built at the root (`/`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative } from 'node:path';

export interface Weight {
  /** path of the page under dist, e.g. `visits/2019-10-23-anhui-zhejiang/index.html` */
  page: string;
  html: number;
  htmlGzip: number;
  css: number;
  cssGzip: number;
  /** external scripts and module preloads */
  js: number;
  jsGzip: number;
  /** executable inline script bytes (JSON-LD and other data blocks excluded) */
  inlineJs: number;
  /** images, icons, fonts referenced by the page */
  other: number;
  files: string[];
}

const gz = (b: Buffer | string) => gzipSync(b, { level: 6 }).length;

function attr(tag: string, name: string): string | undefined {
  const m = tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

function resolveAsset(dist: string, pageDir: string, url: string): string | undefined {
  if (/^(?:[a-z]+:)?\/\//i.test(url) || url.startsWith('data:')) return undefined;
  const clean = url.split(/[?#]/)[0]!;
  const file = clean.startsWith('/') ? join(dist, clean) : join(pageDir, clean);
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

export function pageWeight(dist: string, page: string): Weight {
  const file = join(dist, page);
  const html = readFileSync(file);
  const text = html.toString('utf8');
  const pageDir = join(file, '..');
  const weight: Weight = { page, html: html.length, htmlGzip: gz(html), css: 0, cssGzip: 0, js: 0, jsGzip: 0, inlineJs: 0, other: 0, files: [] };
  const seen = new Set<string>();
  const add = (url: string | undefined, kind: 'css' | 'js' | 'other') => {
    if (!url) return;
    const asset = resolveAsset(dist, pageDir, url);
    if (!asset || seen.has(asset)) return;
    seen.add(asset);
    const bytes = readFileSync(asset);
    weight.files.push(relative(dist, asset));
    if (kind === 'css') {
      weight.css += bytes.length;
      weight.cssGzip += gz(bytes);
    } else if (kind === 'js') {
      weight.js += bytes.length;
      weight.jsGzip += gz(bytes);
    } else weight.other += bytes.length;
  };
  for (const [tag] of text.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase();
    if (rel.includes('stylesheet')) add(attr(tag, 'href'), 'css');
    else if (rel.includes('modulepreload') || (rel.includes('preload') && attr(tag, 'as') === 'script')) add(attr(tag, 'href'), 'js');
    else if (/icon|preload/.test(rel)) add(attr(tag, 'href'), 'other');
  }
  for (const m of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const tag = `<script${m[1]}>`;
    const src = attr(tag, 'src');
    if (src) add(src, 'js');
    else {
      const type = (attr(tag, 'type') ?? '').toLowerCase();
      if (type === '' || type === 'module' || type.includes('javascript')) weight.inlineJs += Buffer.byteLength(m[2]!);
    }
  }
  for (const [tag] of text.matchAll(/<img\b[^>]*>/gi)) add(attr(tag, 'src'), 'other');
  return weight;
}

export interface PageSet {
  /** page type → index.html paths under dist, largest first */
  [type: string]: string[];
}

/**
 * Detail pages of each type: `visits/<id>/index.html`, `leaders/<id>/index.html`,
 * `provinces/<id>/index.html` (index and pagination pages left out), largest first.
 */
export function detailPages(dist: string, types = ['visits', 'leaders', 'provinces']): PageSet {
  const set: PageSet = {};
  for (const type of types) {
    const dir = join(dist, type);
    const pages: { path: string; size: number }[] = [];
    if (existsSync(dir)) {
      for (const entry of readdirSync(dir)) {
        if (/^(?:page|\d+)$/.test(entry)) continue; // pagination of the index
        const index = join(dir, entry, 'index.html');
        if (existsSync(index)) pages.push({ path: relative(dist, index), size: statSync(index).size });
      }
    }
    set[type] = pages.sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : 1)).map((p) => p.path);
  }
  return set;
}

/** Every file under dir: count of HTML pages by top-level folder, total bytes. */
export function distSummary(dist: string): { bytes: number; files: number; pages: number; pagesByType: Record<string, number> } {
  let bytes = 0;
  let files = 0;
  let pages = 0;
  const pagesByType: Record<string, number> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        files++;
        bytes += statSync(path).size;
        if (entry.name.endsWith('.html')) {
          pages++;
          const rel = relative(dist, path).split('/');
          const type = rel.length === 1 ? '(root)' : rel[0]!;
          pagesByType[type] = (pagesByType[type] ?? 0) + 1;
        }
      }
    }
  };
  if (existsSync(dist)) walk(dist);
  return { bytes, files, pages, pagesByType };
}
