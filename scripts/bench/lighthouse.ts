/**
 * Lighthouse (npm `lighthouse`, default mobile settings with simulated throttling) on pages of a
 * built site, served from 127.0.0.1 by tests/helpers/server.ts, in the project's own Chromium
 * (tests/helpers/browser.ts `chromiumPath()`, from @sparticuz/chromium or CHROMIUM_PATH).
 * Nothing leaves the machine: the site is local and Chromium runs with its background
 * networking off.
 *
 *   node scripts/bench/lighthouse.ts --dist dist --pages /,/search/
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import { chromiumPath } from '../../tests/helpers/browser.ts';
import { serveStatic } from '../../tests/helpers/server.ts';

export interface LighthouseScores {
  page: string;
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  seo: number | null;
  /** ms */
  fcp: number | null;
  lcp: number | null;
  tbt: number | null;
  cls: number | null;
  /** bytes transferred, as Lighthouse counts them */
  totalBytes: number | null;
  /** audits that scored below 1 in the four categories, with their titles */
  failing: string[];
  /** where the main thread's time went (ms, by group) and the scripts that cost most */
  mainThread: Record<string, number>;
  bootup: { url: string; scripting: number }[];
}

const quietFlags = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-quic',
  '--no-pings',
  '--no-first-run',
  '--no-default-browser-check',
  '--metrics-recording-only',
];

async function launchChromium(): Promise<{ port: number; proc: ChildProcess; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'bench-lh-profile-'));
  const args = [
    '--headless',
    '--no-sandbox',
    '--no-zygote',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--remote-debugging-address=127.0.0.1',
    '--remote-debugging-port=0',
    `--user-data-dir=${profile}`,
    ...quietFlags,
    'about:blank',
  ];
  const proc = spawn(await chromiumPath(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const port = await new Promise<number>((resolvePort, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not open a DevTools port: ${err.slice(-500)}`)), 30_000);
    proc.stderr!.on('data', (chunk: Buffer) => {
      err += chunk;
      const m = err.match(/DevTools listening on ws:\/\/[^:]+:(\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolvePort(Number(m[1]));
      }
    });
    proc.on('exit', (code) => reject(new Error(`Chromium exited (${code}): ${err.slice(-500)}`)));
  });
  return { port, proc, profile };
}

const score = (s: number | null | undefined) => (s === null || s === undefined ? null : Math.round(s * 100));

export async function runLighthouse(dist: string, pages: string[]): Promise<LighthouseScores[]> {
  const server = await serveStatic(resolve(dist), '/');
  const chrome = await launchChromium();
  const results: LighthouseScores[] = [];
  try {
    for (const page of pages) {
      const url = new URL(page.replace(/^\//, ''), server.url).href;
      const run = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      if (!run) throw new Error(`lighthouse returned nothing for ${url}`);
      const lhr = run.lhr;
      if (lhr.runtimeError) throw new Error(`lighthouse ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const num = (id: string) => {
        const v = lhr.audits[id]?.numericValue;
        return v === undefined ? null : Math.round(v * (id === 'cumulative-layout-shift' ? 1000 : 1)) / (id === 'cumulative-layout-shift' ? 1000 : 1);
      };
      const failing: string[] = [];
      for (const category of Object.values(lhr.categories)) {
        for (const ref of category.auditRefs) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failing.push(`${category.id}: ${audit.id} (${audit.score})`);
        }
      }
      const details = (id: string) => (lhr.audits[id]?.details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [];
      const mainThread = Object.fromEntries(
        details('mainthread-work-breakdown').map((i) => [String(i.groupLabel ?? i.group), Math.round(Number(i.duration))]),
      );
      const bootup = details('bootup-time')
        .map((i) => ({ url: String(i.url).replace(server.origin, ''), scripting: Math.round(Number(i.scripting)) }))
        .slice(0, 5);
      results.push({
        page,
        mainThread,
        bootup,
        performance: score(lhr.categories.performance?.score),
        accessibility: score(lhr.categories.accessibility?.score),
        bestPractices: score(lhr.categories['best-practices']?.score),
        seo: score(lhr.categories.seo?.score),
        fcp: num('first-contentful-paint'),
        lcp: num('largest-contentful-paint'),
        tbt: num('total-blocking-time'),
        cls: num('cumulative-layout-shift'),
        totalBytes: num('total-byte-weight'),
        failing,
      });
    }
  } finally {
    // wait for Chromium to exit before removing its profile (it writes to it until then)
    await new Promise<void>((done) => {
      if (chrome.proc.exitCode !== null) return done();
      const timer = setTimeout(done, 5000);
      chrome.proc.once('exit', () => {
        clearTimeout(timer);
        done();
      });
      chrome.proc.kill();
    });
    await server.close();
    rmSync(chrome.profile, { recursive: true, force: true });
  }
  return results;
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, pages: { type: 'string', default: '/' } } });
  const results = await runLighthouse(values.dist!, values.pages!.split(','));
  for (const r of results) console.log(JSON.stringify(r));
}
