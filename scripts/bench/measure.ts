/**
 * Runs a command and measures it: wall time, the stage lines it prints, and memory.
 *
 * Memory is taken two ways:
 * - `maxRssSingle`: GNU time's "Maximum resident set size", the largest single process of the
 *   tree (what the kernel reports for waited-for children) — when /usr/bin/time exists;
 * - `peakTreeRss`: the sum of the resident sets of every process in the tree at the same
 *   moment, sampled from /proc every `intervalMs` (so stages running side by side add up), with
 *   the peak per stage, a stage being the direct child's command line.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface Measured {
  code: number | null;
  wallMs: number;
  stdout: string;
  stderr: string;
  /** bytes; null when /usr/bin/time is missing */
  maxRssSingle: number | null;
  /** bytes */
  peakTreeRss: number;
  /** bytes, by a label of the process tree's top command (normalize, astro, search …) */
  peakByStage: Record<string, number>;
  /** bytes, the largest resident set seen for each single process, by its own command (node normalize.ts, pagefind …) */
  peakByProcess: Record<string, number>;
  /** seconds of CPU, user + system, of the whole tree (from GNU time) */
  cpuSeconds: number | null;
  /** every output line (stdout and stderr) with the ms since start when it arrived */
  lines: { ms: number; text: string }[];
}

const TIME = '/usr/bin/time';
const PAGE = 4096;

function children(): Map<number, number[]> {
  const tree = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = tree.get(ppid) ?? [];
      list.push(Number(entry));
      tree.set(ppid, list);
    } catch {
      // the process ended between readdir and read
    }
  }
  return tree;
}

function rss(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
  } catch {
    return 0;
  }
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

/** A short label for a stage process from its command line. */
export function stageLabel(command: string): string {
  if (/normalize\.ts/.test(command)) return 'normalize';
  if (/search\/index\.ts|pagefind/.test(command)) return 'search';
  if (/astro(\.mjs)?\b.*\bbuild\b|\/astro\b/.test(command)) return 'astro';
  if (/headers\.ts/.test(command)) return 'headers';
  const script = command.match(/scripts\/([\w/.-]+)/);
  return script ? script[1]! : command.split(' ')[0]!.split('/').pop()!;
}

export interface MeasureOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  intervalMs?: number;
  /** echo the command's output as it runs */
  echo?: boolean;
}

export function measure(command: string, args: string[], options: MeasureOptions): Promise<Measured> {
  const useTime = existsSync(TIME);
  const argv = useTime ? [TIME, '-v', command, ...args] : [command, ...args];
  const started = performance.now();
  const child = spawn(argv[0]!, argv.slice(1), { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const lines: { ms: number; text: string }[] = [];
  const partial = { out: '', err: '' };
  const collect = (key: 'out' | 'err', chunk: Buffer) => {
    const ms = Math.round(performance.now() - started);
    const parts = (partial[key] + chunk.toString('utf8')).split('\n');
    partial[key] = parts.pop()!;
    for (const text of parts) lines.push({ ms, text });
  };
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk;
    collect('out', chunk);
    if (options.echo) process.stdout.write(chunk);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk;
    collect('err', chunk);
    if (options.echo) process.stderr.write(chunk);
  });

  let peakTreeRss = 0;
  const peakByStage: Record<string, number> = {};
  const peakByProcess: Record<string, number> = {};
  const processLabel = (pid: number) => {
    const command = cmdline(pid);
    if (!command) return '';
    const [exe = '', ...rest] = command.trim().split(' ');
    const script = rest.find((a) => /\.(?:ts|mjs|js)$/.test(a));
    return `${exe.split('/').pop()}${script ? ' ' + script.split('/').slice(-2).join('/') : ''}`;
  };
  const sample = () => {
    if (child.pid === undefined) return;
    const tree = children();
    // The tree under the measured command (under GNU time: its one child).
    const roots = useTime ? (tree.get(child.pid) ?? []) : [child.pid];
    let total = 0;
    const walk = (pid: number): number => {
      let sum = rss(pid);
      const label = processLabel(pid);
      if (label) peakByProcess[label] = Math.max(peakByProcess[label] ?? 0, sum);
      for (const c of tree.get(pid) ?? []) sum += walk(c);
      return sum;
    };
    for (const top of roots) {
      total += rss(top);
      const stages = tree.get(top) ?? [];
      if (stages.length === 0) {
        const label = stageLabel(cmdline(top));
        peakByStage[label] = Math.max(peakByStage[label] ?? 0, rss(top));
      }
      for (const stage of stages) {
        const size = walk(stage);
        total += size;
        const command = cmdline(stage);
        if (!command) continue; // ended while sampled
        const label = stageLabel(command);
        peakByStage[label] = Math.max(peakByStage[label] ?? 0, size + rss(top));
      }
    }
    peakTreeRss = Math.max(peakTreeRss, total);
  };
  const timer = setInterval(sample, options.intervalMs ?? 100);

  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearInterval(timer);
      const wallMs = Math.round(performance.now() - started);
      let maxRssSingle: number | null = null;
      let cpuSeconds: number | null = null;
      if (useTime) {
        const m = stderr.match(/Maximum resident set size \(kbytes\): (\d+)/);
        if (m) maxRssSingle = Number(m[1]) * 1024;
        const user = stderr.match(/User time \(seconds\): ([\d.]+)/);
        const sys = stderr.match(/System time \(seconds\): ([\d.]+)/);
        if (user && sys) cpuSeconds = Number(user[1]) + Number(sys[1]);
        // keep the command's own stderr readable
        stderr = stderr.replace(/\n?\tCommand being timed:[\s\S]*$/, '\n');
      }
      for (const rest of [partial.out, partial.err]) if (rest) lines.push({ ms: wallMs, text: rest });
      resolve({ code, wallMs, stdout, stderr, maxRssSingle, peakTreeRss, peakByStage, peakByProcess, cpuSeconds, lines });
    });
  });
}

/** `build: stage NAME MS ms` lines printed by scripts/build.ts. */
export function stageTimes(stdout: string): Record<string, number> {
  const stages: Record<string, number> = {};
  for (const m of stdout.matchAll(/build: stage (\S+) (\d+) ms$/gm)) stages[m[1]!] = Number(m[2]);
  return stages;
}
