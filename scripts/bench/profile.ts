/**
 * Where the time goes: summaries of V8 CPU profiles (`node --cpu-prof`) and of Astro's build log.
 *
 *   node scripts/bench/profile.ts --dir DIR_WITH_CPUPROFILES [--log astro-build.log]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** What a script URL belongs to: a package, a project file, Node itself or V8. */
export function owner(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const chunk = url.match(/\/\.prerender\/(?:chunks\/)?([^/?#]+)$/);
  if (chunk) return `site pages (compiled: ${chunk[1]!.replace(/[_.-][\w-]{8}\.mjs$/, '')})`;
  const mod = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/);
  if (mod) return mod[1]!;
  const project = url.match(/\/(scripts\/[^?#]+|src\/[^?#]+|astro\.config\.[a-z]+)/);
  if (project) return project[1]!;
  return url.replace(/^file:\/\//, '');
}

function whichProcess(profile: CpuProfile): string {
  const urls = new Set(profile.nodes.map((n) => n.callFrame.url));
  const has = (re: RegExp) => [...urls].some((u) => re.test(u));
  if (has(/scripts\/normalize\.ts/)) return 'normalize';
  if (has(/scripts\/search\//)) return 'search';
  if (has(/astro\/dist\/cli|astro\/bin\/astro/)) return 'astro';
  if (has(/scripts\/headers\.ts/)) return 'headers';
  if (has(/scripts\/build\.ts/)) return 'build (orchestrator)';
  return 'other (worker thread)';
}

export interface ProfileSummary {
  file: string;
  process: string;
  /** ms */
  wall: number;
  sampled: number;
  byOwner: [string, number][];
  byFunction: [string, number][];
}

export function summariseProfile(path: string): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const owners = new Map<string, number>();
  const functions = new Map<string, number>();
  let sampled = 0;
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    sampled += us;
    const o = owner(url, functionName);
    owners.set(o, (owners.get(o) ?? 0) + us);
    const where = url.startsWith('node:') ? url : owner(url, functionName);
    const label = `${functionName || '(anonymous)'} ${url ? `${where}:${lineNumber + 1}` : ''}`.trim();
    functions.set(label, (functions.get(label) ?? 0) + us);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => [k, Math.round(v / 1000)] as [string, number]);
  return {
    file: path.split('/').pop()!,
    process: whichProcess(profile),
    wall: Math.round((profile.endTime - profile.startTime) / 1000),
    sampled: Math.round(sampled / 1000),
    byOwner: top(owners, 12),
    byFunction: top(functions, 15),
  };
}

/** Long labels (a RegExp's source) cut to a readable length. */
const short = (label: string) => (label.length > 120 ? `${label.slice(0, 117)}…` : label);

export function summariseProfiles(dir: string): string {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort();
  const summaries = files.map((f) => summariseProfile(join(dir, f))).filter((s) => s.sampled > 50);
  const out: string[] = [];
  for (const s of summaries.sort((a, b) => b.sampled - a.sampled)) {
    if (s.process === 'build (orchestrator)') {
      out.push(`## build (orchestrator): ${(s.wall / 1000).toFixed(1)} s wall, spent waiting in spawnSync for the stages below`, '');
      continue;
    }
    out.push(`## ${s.process}: ${(s.wall / 1000).toFixed(1)} s wall, ${(s.sampled / 1000).toFixed(1)} s on CPU (${s.file})`);
    out.push('');
    out.push('| self time by package / file | ms | share |');
    out.push('| --- | ---: | ---: |');
    for (const [k, v] of s.byOwner) out.push(`| ${k} | ${v} | ${((v / Math.max(1, s.sampled)) * 100).toFixed(0)} % |`);
    out.push('');
    out.push('| hottest functions (self time) | ms |');
    out.push('| --- | ---: |');
    for (const [k, v] of s.byFunction) out.push(`| \`${short(k).replace(/\|/g, '\\|')}\` | ${v} |`);
    out.push('');
  }
  return out.join('\n');
}

/**
 * A route's type, its path with ids generalised: `/visits/leader/he-gu/page/2/index.html` →
 * `visits/leader/:id/page/:n`, `/visits/2019-10-23-anhui-zhejiang/` → `visits/:visit`,
 * `/p0078/index.html` (the floor) → `:page`.
 */
export function routeType(route: string): string {
  const segments = route.replace(/\/index\.html$/, '').split('/').filter(Boolean);
  if (segments.length === 0) return '(home)';
  const keywords = new Set(['visits', 'leaders', 'provinces', 'leader', 'province', 'sources', 'page', 'data', 'search', 'year']);
  const out = segments.map((seg, i) => {
    if (keywords.has(seg)) return seg;
    if (/^\d{4}-\d{2}-\d{2}/.test(seg)) return ':visit';
    if (/^\d+$/.test(seg)) return ':n';
    if (i === 0) return /\.\w+$/.test(seg) ? seg : ':page';
    return ':id';
  });
  return out.join('/');
}

/**
 * Astro's build log: the phases (content sync, Vite, page generation) from the arrival time of
 * its lines, and the page generation time summed by the first path segment of each route.
 */
export function astroPageTimes(lines: { ms: number; text: string }[]): string {
  const at = (re: RegExp) => lines.find((l) => re.test(l.text))?.ms;
  const lastAt = (re: RegExp) => [...lines].reverse().find((l) => re.test(l.text))?.ms;
  const syncStart = at(/\[content\] Syncing content/);
  const syncEnd = at(/\[content\] Synced content/);
  const vite = lines.flatMap((l) => [...l.text.matchAll(/\[vite\] ✓ built in ([\d.]+)(m?s)/g)].map((m) => Number(m[1]) * (m[2] === 's' ? 1000 : 1)));
  const genStart = at(/generating static routes/);
  const genEnd = lastAt(/[├└]─ \S+ \(\+[\d.]+m?s\)/);
  const byType = new Map<string, { pages: number; ms: number; max: number; maxRoute: string }>();
  for (const l of lines) {
    const m = l.text.match(/[├└]─ (\S+) \(\+([\d.]+)(m?s)\)/);
    if (!m) continue;
    const route = m[1]!;
    const ms = Number(m[2]) * (m[3] === 's' ? 1000 : 1);
    const type = routeType(route);
    const t = byType.get(type) ?? { pages: 0, ms: 0, max: 0, maxRoute: '' };
    t.pages++;
    t.ms += ms;
    if (ms > t.max) {
      t.max = ms;
      t.maxRoute = route;
    }
    byType.set(type, t);
  }
  const out: string[] = [];
  const span = (a?: number, b?: number) => (a !== undefined && b !== undefined ? `${((b - a) / 1000).toFixed(1)} s` : '–');
  out.push(`- content sync (loading the collections into the data store): ${span(syncStart, syncEnd)}`);
  out.push(`- Vite builds: ${vite.map((v) => `${(v / 1000).toFixed(1)} s`).join(' + ') || '–'}`);
  out.push(`- generating static routes: ${span(genStart, genEnd)}`);
  out.push(`- from the first line to the end: ${span(lines[0]?.ms, lines[lines.length - 1]?.ms)}`);
  out.push('');
  out.push('| route type | pages | ms (sum of Astro\'s per-page times) | ms per page | slowest page |');
  out.push('| --- | ---: | ---: | ---: | --- |');
  for (const [type, t] of [...byType].sort((a, b) => b[1].ms - a[1].ms)) {
    out.push(`| ${type} | ${t.pages} | ${Math.round(t.ms)} | ${(t.ms / t.pages).toFixed(1)} | \`${t.maxRoute}\` ${t.max} ms |`);
  }
  return out.join('\n');
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, log: { type: 'string' } } });
  if (values.dir) console.log(summariseProfiles(values.dir));
  if (values.log) {
    const lines = readFileSync(values.log, 'utf8').split('\n').map((text, i) => ({ ms: i, text }));
    console.log(astroPageTimes(lines));
  }
}
