/**
 * The normalize CLI end to end, on copies of the real sources in temporary folders: determinism,
 * skipped files, new files, stale output, schema violations and fatal editorial errors.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { normalize } from '../../scripts/normalize.ts';
import { cleanSource } from '../../scripts/pipeline/clean.ts';

const root = resolve(import.meta.dirname, '../..');
const realSources = join(root, 'content/sources');
const tmp = mkdtempSync(join(tmpdir(), 'normalize-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/normalize.ts'), '--quiet', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh folder holding the five real sources (plus extra files). */
function sources(name: string, extra: Record<string, Buffer | string> = {}): string {
  const dir = join(tmp, name, 'sources');
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(realSources)) copyFileSync(join(realSources, f), join(dir, f));
  for (const [f, bytes] of Object.entries(extra)) writeFileSync(join(dir, f), bytes);
  return dir;
}

/** Every file under dir, relative path → bytes. */
function tree(dir: string, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) for (const [k, v] of tree(path, `${prefix}${entry}/`)) out.set(k, v);
    else out.set(`${prefix}${entry}`, readFileSync(path).toString('base64'));
  }
  return out;
}

const real004 = readFileSync(join(realSources, '004_d15ffafb32c6f604.txt'), 'utf8');

describe('normalize CLI', () => {
  it('gives byte-identical output and report when run twice', () => {
    const src = sources('twice');
    const a = run(['--sources', src, '--out', join(tmp, 'twice/a'), '--report', join(tmp, 'twice/a.txt')]);
    const b = run(['--sources', src, '--out', join(tmp, 'twice/b'), '--report', join(tmp, 'twice/b.txt')]);
    expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
    const ta = tree(join(tmp, 'twice/a'));
    expect([...ta.keys()].filter((k) => k.startsWith('visits/'))).toHaveLength(5);
    expect([...ta.keys()].filter((k) => k.startsWith('provinces/'))).toHaveLength(34);
    expect(tree(join(tmp, 'twice/b'))).toEqual(ta);
    expect(readFileSync(join(tmp, 'twice/b.txt'), 'utf8')).toBe(readFileSync(join(tmp, 'twice/a.txt'), 'utf8'));
    expect(readFileSync(join(tmp, 'twice/b.json'), 'utf8')).toBe(readFileSync(join(tmp, 'twice/a.json'), 'utf8'));
  });

  it('skips an empty, a binary and a duplicate file with a warning naming each; the others still produce records', () => {
    const src = sources('skip', {
      'empty.txt': '',
      'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3, 255, 254, 0, 0, 7, 8]),
      'zz-copy.txt': real004,
    });
    const r = run(['--sources', src, '--out', join(tmp, 'skip/out'), '--report', join(tmp, 'skip/report.txt')]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(tmp, 'skip/out/visits'))).toHaveLength(5);
    const report = readFileSync(join(tmp, 'skip/report.txt'), 'utf8').split('\n');
    for (const f of ['empty.txt', 'binary.txt', 'zz-copy.txt']) expect(report.some((l) => l.includes(f) && /\bwarning\b/.test(l)), f).toBe(true);
    expect(report.find((l) => l.includes('zz-copy.txt') && l.includes('extract/duplicate'))).toContain('004_d15ffafb32c6f604.txt');
    expect(r.stdout).toMatch(/8 sources → 5 visits/);
  });

  it('skips hidden files and names a site cannot publish, naming each with its rule; the build goes on', () => {
    const src = sources('names', { '.draft.txt': real004, 'a\\b.txt': real004.replaceAll('2月27日', '3月5日'), 'tab\tname.txt': real004 });
    const r = run(['--sources', src, '--out', join(tmp, 'names/out'), '--report', join(tmp, 'names/report.txt')]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(tmp, 'names/out/visits'))).toHaveLength(5);
    const report = readFileSync(join(tmp, 'names/report.txt'), 'utf8').split('\n');
    const line = (f: string) => report.find((l) => l.includes(f) && /\bwarning\b/.test(l));
    expect(line('.draft.txt')).toMatch(/hidden file.*source\/hidden/);
    expect(line('a\\b.txt')).toMatch(/cannot be published.*source\/name/);
    expect(line('name.txt')).toMatch(/control character.*source\/name/);
    expect(r.stdout).toMatch(/8 sources → 5 visits, .*\(3 skipped\)/);
  });

  it('picks up a new source dropped into the folder, whatever its name, and removes output of a source taken away', () => {
    const name = '安徽代表团 赴广东 (副本).txt';
    const src = sources('new', { [name]: real004.replaceAll('2月27日', '3月5日').replace('至28日', '至6日').replaceAll('28日上午', '6日上午').replaceAll('27日上午', '5日上午').replace('2024年03月01日', '2024年03月08日') });
    const out = join(tmp, 'new/out');
    expect(run(['--sources', src, '--out', out, '--report', join(tmp, 'new/r.txt')]).code).toBe(0);
    const visits = readdirSync(join(out, 'visits'));
    expect(visits).toContain('2024-03-05-anhui-guangdong.md');
    expect(readFileSync(join(out, 'visits/2024-03-05-anhui-guangdong.md'), 'utf8')).toContain(`file: "${name}"`);
    expect(JSON.parse(readFileSync(join(out, 'leaders/han-jun.json'), 'utf8')).visits).toEqual(['2024-02-27-anhui-guangdong', '2024-03-05-anhui-guangdong']);

    rmSync(join(src, name));
    rmSync(join(src, '003_ec3425ee7faf46ec.txt'));
    const again = run(['--sources', src, '--out', out, '--report', join(tmp, 'new/r.txt')]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/stale removed/);
    expect(readdirSync(join(out, 'visits')).sort()).toEqual(visits.filter((v) => !v.startsWith('2024-03-05') && !v.startsWith('2019-10-08')).sort());
    // 张轩 appears only in 003
    expect(readdirSync(join(out, 'leaders'))).not.toContain('zhang-xuan.json');
  });

  it('stops on a broken editorial file with file:line: reason and writes nothing', () => {
    const editorial = join(tmp, 'editorial');
    mkdirSync(editorial, { recursive: true });
    for (const f of readdirSync(join(root, 'content/editorial'))) copyFileSync(join(root, 'content/editorial', f), join(editorial, f));
    writeFileSync(join(editorial, 'people.yaml'), '- id: Not A Slug\n  name: 张新\n  reason: a reason long enough\n');
    const out = join(tmp, 'broken/out');
    const r = run(['--sources', realSources, '--out', out, '--report', join(tmp, 'broken/r.txt'), '--editorial', editorial]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/people\.yaml:1: 0\.id: must be a lowercase ASCII slug/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(() => readdirSync(out)).toThrow();
  });
});

describe('schema violations', () => {
  it('are reported as file: field: problem and nothing is written', () => {
    const result = normalize(
      { root, sources: realSources, out: join(tmp, 'never'), editorial: join(root, 'content/editorial') },
      (bytes, path) => {
        const doc = cleanSource(bytes, path);
        return path.endsWith('004_d15ffafb32c6f604.txt') ? { ...doc, sha256: 'not-a-hash', encoding: 42 as unknown as string } : doc;
      },
    );
    expect(result.errors).toEqual([
      expect.stringMatching(/^content\/sources\/004_d15ffafb32c6f604\.txt: source\.sha256: /),
      expect.stringMatching(/^content\/sources\/004_d15ffafb32c6f604\.txt: source\.encoding: /),
    ]);
  });
});
