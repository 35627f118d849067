/**
 * han: is one UTF-16 unit a Han character? The answer of `/\p{Script=Han}/u` on that unit,
 * read from a table built once per process by the regular expression itself (one scan of a
 * string of every BMP unit) — so it is the same answer, without a one-character string and a
 * regular-expression call per character (the steps ask this for many characters per line).
 *
 * A lone surrogate is not Han (the expression says so too); a Han character outside the BMP
 * is a surrogate pair: test it as a string with `HAN`.
 */
export const HAN = /\p{Script=Han}/u;

let table: Uint8Array | null = null;

/** Every BMP unit but the surrogates, in order; runs of Han characters found by one scan. */
function build(): Uint8Array {
  const t = new Uint8Array(0x10000);
  const units: number[] = [];
  for (let code = 0; code < 0x10000; code++) if (code < 0xd800 || code > 0xdfff) units.push(code);
  const all = String.fromCharCode(...units);
  for (const m of all.matchAll(/\p{Script=Han}+/gu)) {
    for (let k = m.index; k < m.index + m[0].length; k++) t[units[k]!] = 1;
  }
  return t;
}

/** `HAN.test(String.fromCharCode(code))`, for a UTF-16 unit (0…0xFFFF); NaN → false. */
export function isHanUnit(code: number): boolean {
  table ??= build();
  return table[code] === 1;
}
