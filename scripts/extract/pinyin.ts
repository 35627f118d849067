/**
 * Pinyin of a person's name with pinyin-pro: the surname read as a surname (单 shàn, 曾 zēng, 解 xiè),
 * the given name read in context: tone-marked `Lǐ Jǐnbīn`, plain `lijinbin`, slug `li-jinbin`.
 */
import { pinyin } from 'pinyin-pro';

export interface NamePinyin {
  toned: string;
  plain: string;
  slug: string;
}

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('en') + s.slice(1);
const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/ü|u\u0308/g, 'v')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

/** Joins syllables, with an apostrophe before a non-initial one that opens with a, o or e (Mǐn'ěr). */
function joinSyllables(syllables: string[]): string {
  return syllables.map((s, i) => (i > 0 && /^[aoeāáǎàōóǒòēéěè]/u.test(s) ? `'${s}` : s)).join('');
}

export function namePinyin(name: string, compound: Set<string>): NamePinyin {
  const k = name.length >= 3 && compound.has(name.slice(0, 2)) ? 2 : 1;
  const surnameSyllables = pinyin(name, { mode: 'surname', type: 'array' }).slice(0, k);
  const givenSyllables = pinyin(name, { type: 'array' }).slice(k);
  const toned = [capitalise(joinSyllables(surnameSyllables)), capitalise(joinSyllables(givenSyllables))].filter(Boolean).join(' ');
  // the plain forms from the toned ones: `ascii` drops the tone marks and writes ü as v, which is
  // what pinyin-pro's `toneType: 'none', v: true` gives for the same reading (two calls to
  // pinyin-pro per name instead of four; it is most of the cost of a name)
  const s = ascii(surnameSyllables.join(''));
  const g = ascii(givenSyllables.join(''));
  return { toned, plain: s + g, slug: [s, g].filter(Boolean).join('-') };
}
