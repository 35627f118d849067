import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { decode, decodeValidUtf8, plausibility, sniffUtf16 } from '../../scripts/pipeline/decode.ts';
import { SourceError } from '../../scripts/pipeline/errors.ts';
import { source, sources } from './sources.ts';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const sample = source('003').text; // simplified, UTF-8, LF
const traditional = toTraditional(sample);

function failure(bytes: Uint8Array, path = 'content/sources/x.txt'): SourceError {
  try {
    decode(bytes, path);
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error('decode did not throw');
}

describe('decode: the five real sources', () => {
  for (const s of sources) {
    it(`${s.id} is UTF-8 and decodes to its exact text`, () => {
      const d = decode(s.bytes, s.path);
      expect(d.encoding).toBe('UTF-8');
      expect(d.text).toBe(s.text);
      expect(d.lineEndings).toBe('LF');
      expect(d.controls).toEqual([]);
    });
  }
});

describe('decode: encodings (fixtures generated from the real text)', () => {
  it('UTF-8 with BOM', () => {
    const d = decode(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(sample)]), 'a.txt');
    expect(d.encoding).toBe('UTF-8 (BOM)');
    expect(d.text).toBe(sample);
  });

  it('CRLF and CR line endings are detected (and kept for the line splitter)', () => {
    expect(decode(Buffer.from(sample.replace(/\n/g, '\r\n')), 'a.txt').lineEndings).toBe('CRLF');
    expect(decode(Buffer.from(sample.replace(/\n/g, '\r')), 'a.txt').lineEndings).toBe('CR');
    expect(decode(Buffer.from('一\r\n二\n三'), 'a.txt').lineEndings).toBe('mixed');
    expect(decode(Buffer.from('一二三'), 'a.txt').lineEndings).toBe('none');
  });

  it('GB18030 and GBK', () => {
    for (const enc of ['gb18030', 'gbk']) {
      const d = decode(iconv.encode(sample, enc), 'a.txt');
      expect(d.encoding).toBe('GB18030');
      expect(d.text).toBe(sample);
      expect(d.confidence).toBeGreaterThan(50);
    }
  });

  it('GB18030: every real source round-trips', () => {
    for (const s of sources) {
      const text = iconv.decode(iconv.encode(s.text, 'gb18030'), 'gb18030');
      expect(decode(iconv.encode(s.text, 'gb18030'), s.path).text).toBe(text);
    }
  });

  it('Big5 (traditional text)', () => {
    const bytes = iconv.encode(traditional, 'big5');
    const d = decode(bytes, 'a.txt');
    expect(d.encoding).toBe('Big5');
    expect(d.text).toBe(iconv.decode(bytes, 'big5'));
    expect(d.text).toContain('浙江在線重慶10月10日電');
  });

  it('short texts: chardet alone gets them wrong, the plausibility check right', () => {
    const cases: [string, string, string][] = [
      ['省委书记', 'gbk', 'GB18030'],
      ['会议在安徽芜湖召开。', 'gbk', 'GB18030'],
      ['省委书记李锦斌率团考察', 'gbk', 'GB18030'],
      ['發展長三角一體化', 'big5', 'Big5'],
      ['長', 'big5', 'Big5'],
    ];
    for (const [text, enc, expected] of cases) {
      const d = decode(iconv.encode(text, enc), 'a.txt');
      expect([d.encoding, d.text], `${text} in ${enc}`).toEqual([expected, text]);
    }
  });

  it('plausibility: real Chinese text scores near 1, a wrong decoding low', () => {
    expect(plausibility(sample)).toBeGreaterThan(0.97);
    expect(plausibility(traditional)).toBeGreaterThan(0.97);
    expect(plausibility(iconv.decode(iconv.encode(sample, 'gbk'), 'big5'))).toBeLessThan(0.8);
    expect(plausibility(iconv.decode(iconv.encode(traditional, 'big5'), 'gbk'))).toBeLessThan(0.8);
  });

  it('a short GBK line is still told from Big5', () => {
    const d = decode(iconv.encode('省委书记车俊率省代表团在重庆学习考察,深入对接对口支援和交流合作工作。', 'gbk'), 'a.txt');
    expect(d.encoding).toBe('GB18030');
  });

  it('UTF-16 LE and BE with BOM', () => {
    const le = decode(new Uint8Array([0xff, 0xfe, ...iconv.encode(sample, 'utf-16le')]), 'a.txt');
    expect(le.encoding).toBe('UTF-16LE (BOM)');
    expect(le.text).toBe(sample);
    const be = decode(new Uint8Array([0xfe, 0xff, ...iconv.encode(sample, 'utf-16be')]), 'a.txt');
    expect(be.encoding).toBe('UTF-16BE (BOM)');
    expect(be.text).toBe(sample);
  });

  it('UTF-16 LE and BE without BOM, when the text makes it clear', () => {
    const le = decode(iconv.encode(sample, 'utf-16le'), 'a.txt');
    expect(le.encoding).toBe('UTF-16LE');
    expect(le.text).toBe(sample);
    const be = decode(iconv.encode(sample, 'utf-16be'), 'a.txt');
    expect(be.encoding).toBe('UTF-16BE');
    expect(be.text).toBe(sample);
  });

  it('sniffUtf16 does not mistake GBK or Big5 for UTF-16', () => {
    expect(sniffUtf16(iconv.encode(sample, 'gbk'))).toBeNull();
    expect(sniffUtf16(iconv.encode(traditional, 'big5'))).toBeNull();
    expect(sniffUtf16(Buffer.from(sample))).toBeNull();
  });
});

describe('decode: files that are not text → SourceError `path: reason`', () => {
  it('empty', () => {
    const e = failure(new Uint8Array(0), 'content/sources/empty.txt');
    expect(e.kind).toBe('empty');
    expect(e.message).toBe('content/sources/empty.txt: empty file (0 bytes)');
  });

  it('whitespace only (ASCII, full-width, no-break, CRLF; also in UTF-16)', () => {
    expect(failure(Buffer.from(' \r\n\t\u3000\u00a0\n')).kind).toBe('whitespace');
    expect(failure(new Uint8Array([0xff, 0xfe, ...iconv.encode(' \u3000\n', 'utf-16le')])).kind).toBe('whitespace');
    expect(failure(Buffer.from('\ufeff \n')).message).toMatch(/^content\/sources\/x\.txt: contains only whitespace/);
  });

  it('binary: known formats by their magic number', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(failure(png).message).toBe('content/sources/x.txt: binary file (PNG image)');
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0]);
    expect(failure(zip).reason).toMatch(/ZIP/);
  });

  it('binary: NUL bytes that UTF-16 does not explain', () => {
    const bytes = new Uint8Array(256);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 73) % 256;
    const e = failure(bytes);
    expect(e.kind).toBe('binary');
    expect(e.reason).toMatch(/NUL byte at offset \d+/);
  });

  it('binary: many control characters, with the line of the first', () => {
    const text = `第一行\n${'\u0001\u0002\u0003'.repeat(20)}abc`;
    const e = failure(Buffer.from(text));
    expect(e.kind).toBe('binary');
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/^content\/sources\/x\.txt:2: binary content: 60 control characters/);
  });

  it('a few stray control characters are removed and reported, not fatal', () => {
    const d = decode(Buffer.from(`${sample.slice(0, 20)}\u0007${sample.slice(20)}`), 'a.txt');
    expect(d.text).toBe(sample);
    expect(d.controls).toEqual([{ line: 1, column: 21, code: 7 }]);
  });

  it('undecodable: bytes valid in no supported encoding', () => {
    const bytes = new Uint8Array([...Buffer.from('abc '), 0xff, 0xfe, 0xff, 0x80, 0xff, 0xff, 0x81]);
    const e = failure(bytes);
    expect(e.kind).toBe('undecodable');
    expect(e.message).toMatch(/^content\/sources\/x\.txt: undecodable: /);
  });

  it('a UTF-8 BOM followed by invalid UTF-8', () => {
    expect(failure(new Uint8Array([0xef, 0xbb, 0xbf, 0xe4, 0xb8])).kind).toBe('undecodable');
  });
});

describe('decodeValidUtf8: the same string as TextDecoder for valid UTF-8', () => {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  it('on the five real sources', () => {
    for (const s of sources) expect(decodeValidUtf8(s.bytes)).toBe(decoder.decode(s.bytes));
  });
  it('on edge cases: empty, ASCII, NUL, a BOM kept as U+FEFF, characters outside the BMP', () => {
    for (const text of ['', 'abc', 'a\u0000b', '\ufeff长三角', '𠀀𪚥 汉字 ©', '\u{10ffff}']) {
      const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
      expect(decodeValidUtf8(bytes)).toBe(decoder.decode(bytes));
      expect(decodeValidUtf8(bytes)).toBe(text);
    }
  });
});
