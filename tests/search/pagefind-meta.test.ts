/**
 * The indexer's reader of Pagefind's chunk table (scripts/search/pagefind-meta.ts): the small CBOR
 * decoder on hand-made bytes, and the whole reader on a bundle that Pagefind 1.6 itself writes,
 * large enough that the words starting with one character spread over several chunks.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkProbe, decodeCbor, parsePagefindMeta, prefixProbes, queryForm, readPagefindMeta, type PagefindMeta } from '../../scripts/search/pagefind-meta.ts';
import { formatProbes, parseProbes } from '../../src/scripts/search/text.ts';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('decodeCbor', () => {
  it('reads integers, strings, arrays and maps of every length encoding', () => {
    expect(decodeCbor(bytes(0x17)).value).toBe(23);
    expect(decodeCbor(bytes(0x18, 0xff)).value).toBe(255);
    expect(decodeCbor(bytes(0x19, 0x01, 0x00)).value).toBe(256);
    expect(decodeCbor(bytes(0x1a, 0x00, 0x01, 0x00, 0x00)).value).toBe(65536);
    expect(decodeCbor(bytes(0x20)).value).toBe(-1);
    const han = new TextEncoder().encode('李锦');
    expect(decodeCbor(bytes(0x60 + han.length, ...han)).value).toBe('李锦');
    expect(decodeCbor(bytes(0x82, 0x01, 0x81, 0x02)).value).toEqual([1, [2]]);
    expect(decodeCbor(bytes(0xa1, 0x61, 0x61, 0x05)).value).toEqual({ a: 5 });
    expect(decodeCbor(bytes(0x42, 0x01, 0x02)).value).toEqual(bytes(1, 2));
  });

  it('names the byte where it stops', () => {
    expect(() => decodeCbor(bytes(0x82, 0x01))).toThrow(/unexpected end at byte 2/);
    expect(() => decodeCbor(bytes(0xf9, 0x00, 0x00))).toThrow(/major type 7 at byte 0/);
    expect(() => decodeCbor(bytes(0x9f))).toThrow(/length encoding 31/);
  });
});

describe('parsePagefindMeta', () => {
  it('refuses a file without the signature, naming it', () => {
    expect(() => parsePagefindMeta(gzipSync('{"not":"pagefind"}'), 'x.pf_meta')).toThrow(/^x\.pf_meta: not a Pagefind metadata file/);
  });
  it('refuses an unexpected layout', () => {
    const body = Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from([0x81, 0x01])]);
    expect(() => parsePagefindMeta(gzipSync(body), 'y.pf_meta')).toThrow(/y\.pf_meta: unexpected layout/);
  });
});

describe('queryForm and chunkProbe', () => {
  it('drops what the Pagefind runtime drops from a query word', () => {
    expect(queryForm('上海、')).toBe('上海');
    expect(queryForm('ICT')).toBe('ict');
  });
  it('picks a word a query reaches inside the chunk, or none', () => {
    expect(chunkProbe({ from: '上海', to: '下列', hash: 'h' })).toBe('上海');
    // `上海、` is read as `上海`, which sorts before the chunk: its last word is used
    expect(chunkProbe({ from: '上海、', to: '下', hash: 'h' })).toBe('下');
    expect(chunkProbe({ from: '“', to: '”', hash: 'h' })).toBeNull();
  });
});

describe('prefixProbes', () => {
  it('lists the further chunks of a character whose words span several', () => {
    const { probes, unreachable } = prefixProbes([
      { from: '丁', to: '三角', hash: 'a' },
      { from: '三连', to: '三门', hash: 'b' },
      { from: '上', to: '下列', hash: 'c' },
      { from: '下午', to: '不', hash: 'd' },
    ]);
    // 三 starts in chunk a and continues in b; 下 starts in c and continues in d; 上 and 丁 fit in one
    expect(probes).toEqual(
      new Map([
        ['三', ['三连']],
        ['下', ['下午']],
      ]),
    );
    expect(unreachable).toEqual([]);
    expect(parseProbes(formatProbes(probes))).toEqual(probes);
  });
});

describe('a bundle written by Pagefind', () => {
  let dir = '';
  let meta: PagefindMeta;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pagefind-meta-'));
    const { index } = await pagefind.createIndex({ forceLanguage: 'unknown' });
    // 30 pages of 1,000 distinct words starting with 甲: more than one chunk of ~20,000 locations
    for (let page = 0; page < 30; page++) {
      const words = Array.from({ length: 1000 }, (_, k) => `甲${String.fromCharCode(0x4e00 + ((page * 1000 + k) % 20000))}`);
      await index!.addCustomRecord({ url: `/p${page}/`, content: `${words.join(' ')} 乙丙`, language: 'unknown', meta: { title: `p${page}` } });
    }
    await index!.writeFiles({ outputPath: dir });
    await pagefind.close();
    meta = readPagefindMeta(dir);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the version, the pages and the chunks, whose files exist', () => {
    expect(meta.version).toMatch(/^1\./);
    expect(meta.pages).toBe(30);
    expect(meta.chunks.length).toBeGreaterThan(1);
    for (const c of meta.chunks) {
      expect(c.from <= c.to).toBe(true);
      expect(existsSync(join(dir, 'index', `${c.hash}.pf_index`))).toBe(true);
    }
  });

  it('gives the character whose words span chunks a probe in each further chunk', () => {
    const { probes, unreachable } = prefixProbes(meta.chunks);
    expect(unreachable).toEqual([]);
    const words = probes.get('甲');
    expect(words?.length).toBe(meta.chunks.filter((c) => c.from.startsWith('甲')).length);
    for (const w of words!) expect(meta.chunks.some((c) => w >= c.from && w <= c.to)).toBe(true);
  });
});
