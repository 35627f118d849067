/** The post-build stage that publishes the raw sources (scripts/sources.ts). */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { frontMatter } from '../../scripts/normalize.ts';
import { publishSources, sourceFileOf } from '../../scripts/sources.ts';

const tmp = mkdtempSync(join(tmpdir(), 'sources-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const visit = (file: string) => `---\n${frontMatter({ title: 'source:\n  file: "x"', source: { file, sha256: 'ab' } })}---\n\n正文\nsource:\n  file: "not this"\n`;

describe('sourceFileOf', () => {
  it('reads source.file from the front matter only, whatever the name holds', () => {
    expect(sourceFileOf(visit('000_9b576cff179121a4.txt'))).toBe('000_9b576cff179121a4.txt');
    expect(sourceFileOf(visit('报道 #1 "引号" \\ 100%.html'))).toBe('报道 #1 "引号" \\ 100%.html');
    // the `yaml` library's layout (what older runs of the pipeline wrote) reads the same
    expect(sourceFileOf('---\ntitle: "t"\nsource:\n  file: "a b.txt"\n  sha256: "ab"\n---\n\nx\n')).toBe('a b.txt');
  });

  it('names the file when there is no source.file', () => {
    expect(() => sourceFileOf('---\ntitle: "t"\n---\n\nsource:\n  file: "x.txt"\n', 'visits/x.md')).toThrow(/visits\/x\.md: no source\.file/);
  });
});

describe('publishSources', () => {
  it('copies the bytes of each visit’s source under its published name, and nothing else', () => {
    const root = join(tmp, 'a');
    mkdirSync(join(root, 'generated/visits'), { recursive: true });
    mkdirSync(join(root, 'sources'));
    const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0xe4, 0xb8, 0xad, 0x0d, 0x0a, 0x00, 0xff]);
    writeFileSync(join(root, 'sources/专稿 #1.html'), bytes);
    writeFileSync(join(root, 'sources/b.txt'), 'b');
    writeFileSync(join(root, 'sources/skipped.txt'), 'not a visit');
    writeFileSync(join(root, 'generated/visits/a.md'), visit('专稿 #1.html'));
    writeFileSync(join(root, 'generated/visits/b.md'), visit('b.txt'));
    const result = publishSources({ site: join(root, 'dist'), generated: join(root, 'generated'), sources: join(root, 'sources') });
    expect(result).toEqual({ copied: 2, clashes: [] });
    expect(readdirSync(join(root, 'dist/sources')).sort()).toEqual(['b.txt', '专稿 _1.html.txt']);
    expect(readFileSync(join(root, 'dist/sources/专稿 _1.html.txt')).equals(bytes)).toBe(true);
  });

  it('reports two sources that would be published under one name, and keeps the first', () => {
    const root = join(tmp, 'b');
    mkdirSync(join(root, 'generated/visits'), { recursive: true });
    mkdirSync(join(root, 'sources'));
    writeFileSync(join(root, 'sources/x#.txt'), '1');
    writeFileSync(join(root, 'sources/x?.txt'), '2');
    writeFileSync(join(root, 'generated/visits/a.md'), visit('x#.txt'));
    writeFileSync(join(root, 'generated/visits/b.md'), visit('x?.txt'));
    const result = publishSources({ site: join(root, 'dist'), generated: join(root, 'generated'), sources: join(root, 'sources') });
    expect(result.copied).toBe(1);
    expect(result.clashes).toEqual(['x?.txt and x#.txt are both published as sources/x_.txt: only x#.txt is']);
    expect(readFileSync(join(root, 'dist/sources/x_.txt'), 'utf8')).toBe('1');
  });
});
