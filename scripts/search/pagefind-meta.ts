/**
 * Reads the index-chunk table of a written Pagefind bundle (`pagefind/pagefind.<lang>_<hash>.pf_meta`).
 *
 * Pagefind splits its word index into chunks of about 20,000 locations, sorted by word, and the
 * browser loads, for each query word, the ONE chunk whose range holds it. A one-character query is
 * a prefix search over the words (bigrams) that start with that character; for a common
 * character those words span several chunks, and Pagefind would search only the first (and
 * whichever others earlier queries happened to load). The indexer reads the chunk table here to
 * tell the search page which chunks to load first (see `prefixProbes`).
 *
 * The file is gzip, then the signature `pagefind_dcd`, then CBOR: an array
 * `[version, pages, chunks, filters, sorts]`, each chunk `[from, to, hash]`
 * (pagefind/src/index/index_metadata.rs). Only definite-length CBOR is written there, so only
 * that is read; anything else is an error naming the file and the offset.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { isHan, type PrefixProbes } from '../../src/scripts/search/text.ts';

export interface PagefindChunk {
  from: string;
  to: string;
  hash: string;
}

export interface PagefindMeta {
  version: string;
  pages: number;
  chunks: PagefindChunk[];
}

const signature = 'pagefind_dcd';

type Cbor = number | string | Uint8Array | Cbor[] | { [key: string]: Cbor };

/** Decodes one definite-length CBOR item (unsigned/negative integers, strings, arrays, maps). */
export function decodeCbor(bytes: Uint8Array, start = 0): { value: Cbor; end: number } {
  let i = start;
  const text = new TextDecoder('utf-8', { fatal: true });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) return view.getUint8(i++);
    if (info === 25) return (i += 2), view.getUint16(i - 2);
    if (info === 26) return (i += 4), view.getUint32(i - 4);
    if (info === 27) {
      i += 8;
      return Number(view.getBigUint64(i - 8));
    }
    throw new Error(`CBOR: unsupported length encoding ${info} at byte ${i - 1}`);
  };
  const item = (): Cbor => {
    if (i >= bytes.length) throw new Error(`CBOR: unexpected end at byte ${i}`);
    const at = i;
    const head = bytes[i++]!;
    const major = head >> 5;
    const n = length(head & 31);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
        return bytes.subarray(i, (i += n));
      case 3:
        return text.decode(bytes.subarray(i, (i += n)));
      case 4: {
        const list: Cbor[] = [];
        for (let k = 0; k < n; k++) list.push(item());
        return list;
      }
      case 5: {
        const map: { [key: string]: Cbor } = {};
        for (let k = 0; k < n; k++) {
          const key = item();
          map[String(key)] = item();
        }
        return map;
      }
      default:
        throw new Error(`CBOR: unsupported major type ${major} at byte ${at}`);
    }
  };
  const value = item();
  return { value, end: i };
}

/** Parses the (gzipped) bytes of a `.pf_meta` file. */
export function parsePagefindMeta(gzipped: Uint8Array, name = 'pf_meta'): PagefindMeta {
  const raw = gunzipSync(gzipped);
  const head = new TextDecoder().decode(raw.subarray(0, signature.length));
  if (head !== signature) throw new Error(`${name}: not a Pagefind metadata file (no "${signature}" signature)`);
  let value: Cbor;
  try {
    value = decodeCbor(raw, signature.length).value;
  } catch (e) {
    throw new Error(`${name}: ${(e as Error).message}`);
  }
  const shape = `${name}: unexpected layout (Pagefind's format changed?)`;
  if (!Array.isArray(value) || value.length < 3 || typeof value[0] !== 'string' || !Array.isArray(value[1]) || !Array.isArray(value[2])) throw new Error(shape);
  const chunks = value[2].map((c) => {
    if (!Array.isArray(c) || typeof c[0] !== 'string' || typeof c[1] !== 'string' || typeof c[2] !== 'string') throw new Error(shape);
    return { from: c[0], to: c[1], hash: c[2] };
  });
  return { version: value[0], pages: value[1].length, chunks };
}

/** Reads the one `.pf_meta` file of a bundle directory (`<site>/pagefind`). */
export function readPagefindMeta(bundleDir: string): PagefindMeta {
  const names = readdirSync(bundleDir).filter((n) => n.endsWith('.pf_meta'));
  if (names.length !== 1) throw new Error(`${bundleDir}: expected one .pf_meta file, found ${names.length}`);
  return parsePagefindMeta(readFileSync(join(bundleDir, names[0]!)), names[0]);
}

/** Compares strings by code point, as Pagefind (Rust, UTF-8 bytes) orders its words. */
function compare(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let k = 0; k < Math.min(x.length, y.length); k++) {
    const d = x[k]!.codePointAt(0)! - y[k]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** What Pagefind's runtime keeps of a query word: punctuation dropped, lower case (pagefind.js). */
export function queryForm(word: string): string {
  return Array.from(word)
    .filter((ch) => !/\p{Pd}|\p{Pe}|\p{Pf}|\p{Pi}|\p{Po}|\p{Ps}/u.test(ch))
    .join('')
    .toLowerCase();
}

/**
 * A query word that makes Pagefind load this chunk: one that survives the runtime's query
 * normalisation and falls within the chunk's range (its first word, else its last), or null.
 */
export function chunkProbe(chunk: PagefindChunk): string | null {
  for (const word of [chunk.from, chunk.to, queryForm(chunk.from), queryForm(chunk.to)]) {
    if (word && queryForm(word) === word && !word.includes(' ') && compare(word, chunk.from) >= 0 && compare(word, chunk.to) <= 0) return word;
  }
  return null;
}

export interface PrefixProbeResult {
  /** character → one probe word per further chunk holding words that start with it */
  probes: PrefixProbes;
  /** chunks that hold such words but offer no usable probe word (reported by the indexer) */
  unreachable: Array<{ char: string; chunk: PagefindChunk }>;
}

/**
 * For every Han character whose words (the character itself, the bigrams it starts and any
 * longer word) lie in more than one chunk: a probe word for each chunk that begins inside that
 * family. Pagefind itself loads the chunk where the family begins (the one a query for the
 * character falls in); preloading the probes makes it load the rest, so a one-character prefix
 * search sees every word it should. Characters whose words fit in one chunk are left out.
 */
export function prefixProbes(chunks: PagefindChunk[]): PrefixProbeResult {
  const sorted = [...chunks].sort((a, b) => compare(a.from, b.from));
  const starts = new Map<string, PagefindChunk[]>();
  /** characters whose family begins in a chunk that starts with an earlier character */
  const carried = new Set<string>();
  for (const chunk of sorted) {
    const first = Array.from(chunk.from)[0];
    const last = Array.from(chunk.to)[0];
    if (!first || !last) continue;
    if (isHan(first)) starts.set(first, [...(starts.get(first) ?? []), chunk]);
    if (last !== first && isHan(last)) carried.add(last);
  }
  const probes: PrefixProbes = new Map();
  const unreachable: PrefixProbeResult['unreachable'] = [];
  for (const [char, list] of starts) {
    if (list.length + (carried.has(char) ? 1 : 0) < 2) continue;
    const words: string[] = [];
    for (const chunk of list) {
      const probe = chunkProbe(chunk);
      if (probe) words.push(probe);
      else unreachable.push({ char, chunk });
    }
    if (words.length) probes.set(char, words);
  }
  return { probes, unreachable };
}
