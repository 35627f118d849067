/**
 * decode: raw bytes → text.
 *
 * Order of tests:
 * 1. empty file → SourceError;
 * 2. byte-order marks: UTF-8, UTF-16 LE/BE, UTF-32 LE/BE;
 * 3. strict UTF-8 (node:buffer isUtf8), the fast path for nearly every file;
 * 4. BOM-less UTF-16 when detectable (NUL bytes at one parity, and the other bytes in the
 *    ranges of Chinese text);
 * 5. binary check (NUL bytes or control characters that no text encoding explains);
 * 6. legacy encodings — GB18030 (a superset of GBK/GB2312), Big5, EUC-KR, EUC-JP, Shift_JIS:
 *    those that decode without a single invalid sequence (fatal TextDecoder) are scored by the
 *    plausibility of their text (see `plausibility`), `chardet` (ICU's detectors) breaking
 *    near-ties; decoded with iconv-lite.
 * Then: whitespace-only → SourceError; stray control characters are reported.
 *
 * Line endings are left alone here; `splitLines` (lines.ts) accepts CRLF, LF and CR.
 */
import { isUtf8, transcode } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { SourceError } from './errors.ts';

export interface Decoded {
  text: string;
  /** e.g. `UTF-8`, `UTF-8 (BOM)`, `GB18030`, `Big5`, `UTF-16LE (BOM)`, `UTF-16BE` */
  encoding: string;
  /** chardet's confidence (0–100) when chardet chose the encoding */
  confidence?: number;
  /** line ending style seen: `LF`, `CRLF`, `CR`, `mixed` or `none` */
  lineEndings: 'LF' | 'CRLF' | 'CR' | 'mixed' | 'none';
  /** control characters removed: where they were (1-based line and column) and their code */
  controls: { line: number; column: number; code: number }[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Text of bytes already known to be valid UTF-8 (isUtf8), BOM included as U+FEFF like a
 * TextDecoder with ignoreBOM. Transcoding to UTF-16 and taking that as the string is about
 * seven times faster on Chinese text than TextDecoder or Buffer#toString('utf8'), which build
 * the string from UTF-8 themselves; for valid input the result is the same string.
 */
export function decodeValidUtf8(bytes: Uint8Array): string {
  if (bytes.length === 0) return '';
  return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
}

/** legacy encodings we accept from chardet, mapped to the iconv-lite / WHATWG name */
const LEGACY: Record<string, string> = {
  GB18030: 'gb18030',
  Big5: 'big5',
  'EUC-KR': 'euc-kr',
  'EUC-JP': 'euc-jp',
  Shift_JIS: 'shift_jis',
};

/** Magic numbers of common binary formats, for a readable error. */
const MAGIC: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'PNG image'],
  [[0xff, 0xd8, 0xff], 'JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'ZIP archive (or .docx/.xlsx)'],
  [[0x1f, 0x8b], 'gzip archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'ELF executable'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'MS Office document'],
];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

/**
 * BOM-less UTF-16: Chinese text in UTF-16 has its high bytes in a few ranges (U+0000–U+00FF for
 * ASCII, U+2000–U+33FF for punctuation, U+4E00–U+9FFF for Han, U+FF00–U+FFEF for full-width forms).
 * Returns the byte order when at least 95% of the high bytes fall there and at least one is 0x00
 * (ASCII) or the text is long enough to be sure; otherwise null.
 */
export function sniffUtf16(bytes: Uint8Array): 'LE' | 'BE' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const score = (hiOffset: 0 | 1): number => {
    let good = 0;
    let zeros = 0;
    const n = bytes.length / 2;
    for (let i = hiOffset; i < bytes.length; i += 2) {
      const hi = bytes[i]!;
      const lo = bytes[i + (hiOffset === 1 ? -1 : 1)]!;
      if (hi === 0x00) {
        // ASCII: printable or whitespace only
        if (lo >= 0x20 || lo === 0x09 || lo === 0x0a || lo === 0x0d) {
          good++;
          zeros++;
        }
      } else if ((hi >= 0x20 && hi <= 0x33) || (hi >= 0x4e && hi <= 0x9f) || hi === 0xff) good++;
    }
    return zeros > 0 || n >= 16 ? good / n : 0;
  };
  const le = score(1);
  const be = score(0);
  if (le >= 0.95 && le > be) return 'LE';
  if (be >= 0.95 && be > le) return 'BE';
  return null;
}

function lineEndingsOf(text: string): Decoded['lineEndings'] {
  if (text.indexOf('\r') === -1) return text.indexOf('\n') === -1 ? 'none' : 'LF';
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) === 10) crlf++;
    else cr++;
  }
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lf++;
  lf -= crlf;
  const kinds = (crlf > 0 ? 1 : 0) + (lf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf > 0 ? 'CRLF' : lf > 0 ? 'LF' : 'CR';
}

// C0 controls other than TAB LF VT FF CR, DEL, and C1 controls
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0e-\x1f\x7f\x80-\x9f]/g;
/**
 * A text without any of them: the whole text against `^[^controls]*$`, one greedy loop, about
 * 40% cheaper than searching for `[controls]` (a match attempt at every position).
 */
// eslint-disable-next-line no-control-regex
const NO_CONTROL = /^[^\x00-\x08\x0e-\x1f\x7f\x80-\x9f]*$/;
const NOT_BLANK = /[^\s\u3000\ufeff\u200b]/;

function finish(path: string, text: string, encoding: string, confidence?: number): Decoded {
  if (!NOT_BLANK.test(text)) {
    throw new SourceError(path, 'whitespace', `contains only whitespace (${text.length} characters, ${encoding})`);
  }
  const controls: Decoded['controls'] = [];
  if (!NO_CONTROL.test(text)) {
    const original = text;
    const offsets: { offset: number; code: number }[] = [];
    text = text.replace(CONTROL, (c, offset: number) => {
      offsets.push({ offset, code: c.charCodeAt(0) });
      return '';
    });
    // one forward pass for line and column
    let line = 1;
    let lineStart = 0;
    let scan = 0;
    for (const { offset, code } of offsets) {
      for (; scan < offset; scan++) {
        if (original.charCodeAt(scan) === 10) {
          line++;
          lineStart = scan + 1;
        }
      }
      controls.push({ line, column: offset - lineStart + 1, code });
    }
    // more than a handful of control characters: this is not a text file
    if (controls.length > 8 && controls.length * 200 > text.length) {
      const first = controls[0]!;
      throw new SourceError(
        path,
        'binary',
        `binary content: ${controls.length} control characters (first U+${first.code.toString(16).toUpperCase().padStart(4, '0')} at column ${first.column})`,
        first.line,
      );
    }
  }
  const result: Decoded = { text, encoding, lineEndings: lineEndingsOf(text), controls };
  if (confidence !== undefined) result.confidence = confidence;
  return result;
}

/** Decode one source file's bytes; throws SourceError for a file that is not text. */
export function decode(bytes: Uint8Array, path: string): Decoded {
  if (bytes.length === 0) throw new SourceError(path, 'empty', 'empty file (0 bytes)');

  // byte-order marks
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    try {
      return finish(path, utf8.decode(bytes.subarray(3)), 'UTF-8 (BOM)');
    } catch (error) {
      if (error instanceof SourceError) throw error;
      throw new SourceError(path, 'undecodable', 'starts with a UTF-8 byte-order mark but is not valid UTF-8');
    }
  }
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00])) return finish(path, iconv.decode(Buffer.from(bytes.subarray(4)), 'utf-32le'), 'UTF-32LE (BOM)');
  if (startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) return finish(path, iconv.decode(Buffer.from(bytes.subarray(4)), 'utf-32be'), 'UTF-32BE (BOM)');
  if (startsWith(bytes, [0xff, 0xfe])) return finish(path, iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), 'UTF-16LE (BOM)');
  if (startsWith(bytes, [0xfe, 0xff])) return finish(path, iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), 'UTF-16BE (BOM)');

  // fast path: strict UTF-8 (plain ASCII is UTF-8 too), validated by simdutf, then decoded
  // (a NUL byte in valid UTF-8 is U+0000: such a file goes on to the UTF-16 and binary tests)
  if (isUtf8(bytes) && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(0) === -1) {
    return finish(path, decodeValidUtf8(bytes), 'UTF-8');
  }

  const utf16 = sniffUtf16(bytes);
  if (utf16 === 'LE') return finish(path, iconv.decode(Buffer.from(bytes), 'utf-16le'), 'UTF-16LE');
  if (utf16 === 'BE') return finish(path, iconv.decode(Buffer.from(bytes), 'utf-16be'), 'UTF-16BE');

  for (const [sig, what] of MAGIC) {
    if (startsWith(bytes, sig)) throw new SourceError(path, 'binary', `binary file (${what})`);
  }
  const nul = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(0);
  if (nul !== -1) {
    throw new SourceError(path, 'binary', `binary content: NUL byte at offset ${nul}`);
  }

  // chardet ranks; on short texts its statistics are thin (four GBK characters come out as
  // Shift_JIS), so every legacy encoding that decodes without an invalid sequence is also
  // scored by how plausible its text is, and the most plausible wins (chardet's confidence
  // breaks near-ties).
  const ranked = chardet.analyse(bytes);
  const confidence = new Map<string, number>(ranked.map((c) => [c.name, c.confidence]));
  const valid: { name: string; text: string; score: number; confidence: number }[] = [];
  for (const [name, label] of Object.entries(LEGACY)) {
    try {
      new TextDecoder(label, { fatal: true }).decode(bytes);
    } catch {
      continue;
    }
    const text = iconv.decode(Buffer.from(bytes), label);
    valid.push({ name, text, score: plausibility(text), confidence: confidence.get(name) ?? 0 });
  }
  if (valid.length > 0) {
    const top = Math.max(...valid.map((v) => v.score));
    const best = valid.filter((v) => v.score >= top - 0.02).sort((a, b) => b.confidence - a.confidence)[0]!;
    return finish(path, best.text, best.name, best.confidence);
  }
  const top = ranked
    .slice(0, 3)
    .map((c) => `${c.name} ${c.confidence}`)
    .join(', ');
  throw new SourceError(
    path,
    'undecodable',
    `undecodable: not UTF-8, UTF-16 or a Chinese legacy encoding (invalid as ${Object.keys(LEGACY).join(', ')}; chardet suggests ${top || 'nothing'})`,
  );
}

let plausible: Uint8Array | null = null;

/**
 * Share of the characters of `text` that a Chinese text is made of: the 3,755 characters of
 * GB 2312 level 1 (the most frequent simplified ones) and the 5,401 frequent characters of
 * Big5 (traditional), both read from the encodings themselves; ASCII, CJK and full-width
 * punctuation, quotes; kana and Hangul for the odd Japanese or Korean text.
 */
export function plausibility(text: string): number {
  if (!plausible) {
    const table = new Uint8Array(0x10000);
    const block = (leads: [number, number], trails: [number, number][], encoding: string): void => {
      const bytes: number[] = [];
      for (let lead = leads[0]; lead <= leads[1]; lead++) {
        for (const [from, to] of trails) for (let trail = from; trail <= to; trail++) bytes.push(lead, trail);
      }
      for (const c of iconv.decode(Buffer.from(bytes), encoding)) table[c.charCodeAt(0)] = 1;
    };
    block([0xb0, 0xd7], [[0xa1, 0xfe]], 'gb18030');
    block(
      [0xa4, 0xc5],
      [
        [0x40, 0x7e],
        [0xa1, 0xfe],
      ],
      'big5',
    );
    table[0xfffd] = 0;
    const range = (from: number, to: number) => table.fill(1, from, to + 1);
    range(0x20, 0x7e);
    range(0x09, 0x0d);
    range(0x3000, 0x303f);
    range(0xff01, 0xff5e);
    range(0x2010, 0x2027);
    range(0x3040, 0x30ff);
    range(0xac00, 0xd7a3);
    table[0xb7] = 1;
    plausible = table;
  }
  if (text.length === 0) return 0;
  let good = 0;
  for (let i = 0; i < text.length; i++) good += plausible[text.charCodeAt(i)]!;
  return good / text.length;
}
