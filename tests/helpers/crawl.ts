/**
 * A link checker over a built site directory, as a static host would serve it under `base`:
 * every HTML page is parsed (node-html-parser) and every reference in it — `href`, `src`,
 * `srcset`, `action`, SVG `href` — is resolved and checked against the files on disk, including
 * `#fragment`s against the target page's ids. Pure file reads: no server needed.
 *
 *   const result = crawl('.test-builds/sub', '/archive/');
 *   result.issues  // [] when every internal link, anchor and asset resolves
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { type HTMLElement, parse } from 'node-html-parser';

export interface Reference {
  /** site path of the page holding the reference, e.g. `/archive/visits/x/` */
  page: string;
  /** the element and attribute, e.g. `a[href]` */
  where: string;
  /** the reference as written */
  url: string;
}

export interface CrawlIssue extends Reference {
  problem: string;
}

export interface CrawlResult {
  /** site paths of the HTML pages found */
  pages: string[];
  /** number of internal references checked */
  checked: number;
  issues: CrawlIssue[];
  /** references to another origin (allowed only as plain links, never as assets) */
  external: Reference[];
}

/** Attributes that reference other resources, by element (lower-case tag names). */
const referencing: [selector: string, attr: string][] = [
  ['a', 'href'],
  ['area', 'href'],
  ['link', 'href'],
  ['script', 'src'],
  ['img', 'src'],
  ['img', 'srcset'],
  ['source', 'src'],
  ['source', 'srcset'],
  ['video', 'src'],
  ['video', 'poster'],
  ['audio', 'src'],
  ['iframe', 'src'],
  ['embed', 'src'],
  ['object', 'data'],
  ['form', 'action'],
  ['use', 'href'],
  ['use', 'xlink:href'],
  ['image', 'href'],
];

/** Elements whose references are loaded with the page (an external one would be a third-party request). */
const assetTags = new Set(['link', 'script', 'img', 'source', 'video', 'audio', 'iframe', 'embed', 'object', 'use', 'image']);

const ORIGIN = 'http://site.invalid';

export function listFiles(dir: string, ext?: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!ext || entry.name.endsWith(ext)) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

/** The site path a file is served at (`visits/x/index.html` → `/base/visits/x/`). */
export function sitePathOf(dir: string, file: string, base: string): string {
  const rel = relative(dir, file).split(sep).join('/');
  const path = rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
  return base + path;
}

/** The file a site path maps to, as a static host resolves it, or undefined (with the reason). */
export function fileOf(dir: string, base: string, pathname: string): { file?: string; problem?: string } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { problem: 'malformed percent-encoding' };
  }
  if (!decoded.startsWith(base)) return { problem: `outside the base path ${base}` };
  const rest = decoded.slice(base.length);
  if (rest.split('/').includes('..')) return { problem: 'path climbs out of the site' };
  const target = join(dir, rest);
  if (rest === '' || rest.endsWith('/')) {
    const index = join(target, 'index.html');
    return existsSync(index) ? { file: index } : { problem: 'no index.html' };
  }
  if (existsSync(target) && statSync(target).isFile()) return { file: target };
  if (existsSync(join(target, 'index.html'))) return { problem: 'directory linked without its trailing slash' };
  return { problem: 'no such file' };
}

/** Every id (and `a[name]`) of a page, cached per file. */
function idsOf(cache: Map<string, Set<string>>, file: string, root?: HTMLElement): Set<string> {
  let ids = cache.get(file);
  if (!ids) {
    const doc = root ?? parse(readFileSync(file, 'utf8'));
    ids = new Set<string>();
    for (const el of doc.querySelectorAll('[id]')) ids.add(el.getAttribute('id')!);
    for (const el of doc.querySelectorAll('a[name]')) ids.add(el.getAttribute('name')!);
    cache.set(file, ids);
  }
  return ids;
}

function urlsIn(attr: string, value: string): string[] {
  if (attr !== 'srcset') return [value];
  return value
    .split(',')
    .map((part) => part.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

export function crawl(dir: string, base: string): CrawlResult {
  const files = listFiles(dir, '.html');
  const ids = new Map<string, Set<string>>();
  const issues: CrawlIssue[] = [];
  const external: Reference[] = [];
  let checked = 0;
  const pages: string[] = [];

  for (const file of files) {
    const page = sitePathOf(dir, file, base);
    pages.push(page);
    const root = parse(readFileSync(file, 'utf8'));
    idsOf(ids, file, root);
    const pageUrl = new URL(page, ORIGIN);
    const seenIds = new Set<string>();
    for (const el of root.querySelectorAll('[id]')) {
      const id = el.getAttribute('id')!;
      if (seenIds.has(id)) issues.push({ page, where: `${el.rawTagName}[id]`, url: `#${id}`, problem: 'duplicate id' });
      seenIds.add(id);
    }
    for (const [tag, attr] of referencing) {
      for (const el of root.querySelectorAll(tag)) {
        const value = el.getAttribute(attr);
        if (value === undefined) continue;
        for (const raw of urlsIn(attr, value.trim())) {
          const ref: Reference = { page, where: `${tag}[${attr}]`, url: raw };
          if (raw === '' || raw === '#') {
            issues.push({ ...ref, problem: 'empty link' });
            continue;
          }
          if (/^\s*javascript:/i.test(raw)) {
            issues.push({ ...ref, problem: 'javascript: URL' });
            continue;
          }
          if (/^(mailto|tel|data):/i.test(raw)) continue;
          let url: URL;
          try {
            url = new URL(raw, pageUrl);
          } catch {
            issues.push({ ...ref, problem: 'not a URL' });
            continue;
          }
          if (url.origin !== ORIGIN) {
            external.push(ref);
            if (assetTags.has(tag) && !(tag === 'link' && /\b(canonical|alternate)\b/.test(el.getAttribute('rel') ?? ''))) {
              issues.push({ ...ref, problem: 'asset loaded from another host' });
            }
            continue;
          }
          checked++;
          const target = fileOf(dir, base, url.pathname);
          if (!target.file) {
            issues.push({ ...ref, problem: target.problem! });
            continue;
          }
          if (url.hash && url.hash !== '#') {
            if (!target.file.endsWith('.html')) continue;
            let fragment: string;
            try {
              fragment = decodeURIComponent(url.hash.slice(1));
            } catch {
              issues.push({ ...ref, problem: 'malformed fragment' });
              continue;
            }
            if (!idsOf(ids, target.file).has(fragment)) issues.push({ ...ref, problem: `no element with id "${fragment}"` });
          }
        }
      }
    }
  }
  return { pages, checked, issues, external };
}

/** One line per issue, for assertion messages. */
export function formatIssues(issues: readonly CrawlIssue[], limit = 40): string {
  const lines = issues.slice(0, limit).map((i) => `${i.page}: ${i.where} ${i.url} — ${i.problem}`);
  if (issues.length > limit) lines.push(`… and ${issues.length - limit} more`);
  return lines.join('\n');
}

/**
 * The JSON exports under `{base}data/`: each file is parsed, and every string in it that is a
 * site path under `base` (the `url` and `sourceUrl` fields) is resolved like a link.
 * (Added for the proof tests, issue 5.)
 */
export function crawlExports(dir: string, base: string, names = ['visits', 'leaders', 'provinces']): CrawlResult & { exports: Record<string, unknown> } {
  const issues: CrawlIssue[] = [];
  const exports: Record<string, unknown> = {};
  let checked = 0;
  const pages: string[] = [];
  for (const name of names) {
    const page = `${base}data/${name}.json`;
    pages.push(page);
    const target = fileOf(dir, base, page);
    if (!target.file) {
      issues.push({ page, where: 'export', url: page, problem: target.problem! });
      continue;
    }
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(target.file, 'utf8'));
    } catch (error) {
      issues.push({ page, where: 'export', url: page, problem: `not JSON: ${(error as Error).message}` });
      continue;
    }
    exports[name] = data;
    const visit = (value: unknown, where: string): void => {
      if (typeof value === 'string') {
        if (!value.startsWith(base) || value.startsWith('//')) return;
        checked++;
        const url = new URL(value, ORIGIN);
        const resolved = fileOf(dir, base, url.pathname);
        if (!resolved.file) issues.push({ page, where, url: value, problem: resolved.problem! });
      } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${where}[${i}]`));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, where ? `${where}.${k}` : k);
    };
    visit(data, '');
  }
  return { pages, checked, issues, external: [], exports };
}
