import { describe, expect, it } from 'vitest';
import { anchorAtoms, atomTest, EndFilter, MAX_RULES, parseTerms } from '../../scripts/pipeline/anchors.ts';
import { loadRules } from '../../scripts/pipeline/rules.ts';
import { seeded } from '../extract/random.ts';

const atoms = (source: string) => anchorAtoms(new RegExp(source, 'u'));

/** Patterns of every shape the analysis meets, with texts each must match (and keep matching). */
const SHAPES: [string, string[]][] = [
  ['^abc', ['abc', 'abcd']],
  ['abc$', ['abc', 'xabc']],
  ['^a$|^b$', ['a', 'b']],
  ['^(登陆|登录)\\s*[|/]?\\s*(注册)?$|^注册\\s*[|/]?\\s*(登陆|登录)$', ['登录', '登陆 | 注册', '注册/登录', '登录 ']],
  ['^a*b$', ['b', 'aab']],
  ['^a?$', ['', 'a']],
  ['^(?:x|)y', ['y', 'xy']],
  ['^(a|b)?c', ['c', 'ac']],
  ['^\\d{0,3}x', ['x', '12x']],
  ['^\\d{2,}x$', ['12x', '1234x']],
  ['x\\d{0,2}$', ['x', 'x1', 'ax12']],
  ['[)）]$', ['a)', '（宗禾）']],
  ['^[^a]', ['b', '汉']],
  ['^[]', []],
  ['^[^]$', ['a', '字']],
  ['^.$', ['a', '字', '😀']],
  ['^\\p{Script=Han}+$', ['汉字']],
  ['^\\P{Script=Han}', ['a']],
  ['^\\u6c49$', ['汉']],
  ['^\\u{6c49}$', ['汉']],
  ['^\\x41$', ['A']],
  ['^\\uD83D\\uDE00$', ['😀']],
  ['^😀+$', ['😀😀']],
  ['^[😀a]$', ['😀', 'a']],
  ['\\u{1F600}$', ['x😀']],
  ['^\\cJ$', ['\n']],
  ['^\\0', ['\0']],
  ['^\\$', ['$']],
  ['\\$$', ['a$']],
  ['^[$]$', ['$']],
  ['^\\]', [']']],
  ['^[\\]a]$', [']', 'a']],
  ['^\\/x', ['/x']],
  ['^\\bab', ['ab']],
  ['ab\\b$', ['ab']],
  ['^(?=a)\\w+$', ['ab']],
  ['^(?!a)\\w+$', ['bc']],
  ['(?<=\\d{4})\\d+$', ['12345']],
  ['(?<!x)y$', ['ay']],
  ['^(?<year>\\d{4})年', ['2024年']],
  ['^(a)\\1$', ['aa']],
  ['^(?<c>a)\\k<c>$', ['aa']],
  ['^(?i:a)b', ['Ab', 'ab']],
  ['^(a|^b)c', ['ac', 'bc']],
  ['(^|\\s)来源\\s*[:：]', ['来源:', 'x 来源：']],
  ['^\\D{0,16}\\d{4}-\\d{1,2}-\\d{1,2}(\\s+\\d{1,2}:\\d{2}(:\\d{2})?)?$', ['新京报2023-04-15 15:32:52', '2023-4-5']],
  ['^[·•]?\\s*\\S{0,20}(微信公众号|APP)$', ['• 中共安徽省委党校微信公众号', 'APP']],
  ['a$(?!b)', ['a']],
  ['^a{1,}?b', ['ab']],
  ['^(a*)*$', ['', 'aa']],
  ['^(?:)$', ['']],
  ['|^a', ['', 'a', 'b']],
  ['^\\s+$', [' ', '\u3000']],
  ['^-', ['-']],
  ['^a|b', ['a', 'xb']],
];

/** Texts around a sample: itself, with characters added before or after, with ends cut. */
function variants(samples: string[], alphabet: string[], rnd: () => number, n: number): string[] {
  const out = [...samples];
  const pick = () => alphabet[Math.floor(rnd() * alphabet.length)]!;
  for (let k = 0; k < n; k++) {
    const base = samples.length > 0 && rnd() < 0.7 ? samples[Math.floor(rnd() * samples.length)]! : '';
    let s = base;
    const before = Math.floor(rnd() * 3);
    const after = Math.floor(rnd() * 3);
    for (let j = 0; j < before; j++) s = pick() + s;
    for (let j = 0; j < after; j++) s += pick();
    if (rnd() < 0.2) s = s.slice(1);
    if (rnd() < 0.2) s = s.slice(0, -1);
    out.push(s);
  }
  return out;
}

describe('anchors: parsing a pattern', () => {
  it('accepts the syntax of every shape above and every editorial pattern', () => {
    const rules = loadRules();
    const editorial = [
      ...rules.lines.map((r) => r.test.re.source),
      ...rules.lists.flatMap((r) => [r.heading.re.source, r.item.re.source]),
      ...rules.trims.map((r) => r.test.re.source),
      ...Object.values(rules.kinds).flatMap((list) => list.map((r) => r.test.re.source)),
    ];
    for (const source of [...SHAPES.map(([s]) => s).filter((s) => !s.includes('(?i:')), ...editorial]) expect(() => parseTerms(source), source).not.toThrow();
    expect(() => parseTerms('(?i:a)')).toThrow();
  });
});

describe('anchors: the atoms a match begins or ends with', () => {
  it('literal and grouped alternatives', () => {
    expect(atoms('^(地方频道|滚动播报)\\s*[:：]?')).toEqual({ first: ['地', '滚'], last: null });
    expect(atoms('分享(到|至)\\s*[:：]?\\s*$')).toEqual({ first: null, last: ['\\s', '[:：]', '\\s', '到', '至'] });
    expect(atoms('^\\d{1,6}$')).toEqual({ first: ['\\d'], last: ['\\d'] });
  });

  it('optional terms add their atoms and let the next one add its own', () => {
    expect(atoms('^a?b')).toEqual({ first: ['a', 'b'], last: null });
    expect(atoms('a(bc)?$')).toEqual({ first: null, last: ['c', 'a'] });
    expect(atoms('x(?:y|)$')).toEqual({ first: null, last: ['y', 'x'] });
  });

  it('zero-width assertions are skipped', () => {
    expect(atoms('(?<=\\d{4})\\d+$')).toEqual({ first: null, last: ['\\d'] });
    expect(atoms('^\\b(?=a)ab')).toEqual({ first: ['a'], last: null });
  });

  it('an alternative without the anchor, or one that may match nothing, says nothing', () => {
    expect(atoms('^a|b')).toEqual({ first: null, last: null });
    expect(atoms('a$|b')).toEqual({ first: null, last: null });
    expect(atoms('^a*$')).toEqual({ first: null, last: null });
    expect(atoms('^(a|)$')).toEqual({ first: null, last: null });
    expect(atoms('(^a)')).toEqual({ first: null, last: null });
  });

  it('backreferences, inline modifiers and other flags give up', () => {
    expect(atoms('^(a)\\1$')).toEqual({ first: ['a'], last: null });
    expect(atoms('^\\k<x>(?<x>a)')).toEqual({ first: null, last: null });
    expect(atoms('^(?i:a)b')).toEqual({ first: null, last: null });
    expect(anchorAtoms(/^a$/i)).toEqual({ first: null, last: null });
    expect(anchorAtoms(/^a$/m)).toEqual({ first: null, last: null });
    expect(anchorAtoms(/^a$/)).toEqual({ first: null, last: null });
  });

  it('escapes and classes are whole atoms, a surrogate pair one character', () => {
    expect(atoms('^\\u{1F600}\\x41')).toEqual({ first: ['\\u{1F600}'], last: null });
    expect(atoms('^\\uD83D\\uDE00+')).toEqual({ first: ['\\uD83D\\uDE00'], last: null });
    expect(atoms('[\\])]$')).toEqual({ first: null, last: ['[\\])]'] });
    expect(atoms('^\\p{Script=Han}{2}')).toEqual({ first: ['\\p{Script=Han}'], last: null });
    expect(atomTest(['[)）]', '\\d'])!.test('）')).toBe(true);
    expect(atomTest(['[)）]', '\\d'])!.test('。')).toBe(false);
  });
});

describe('anchors: EndFilter never rules out a text its pattern matches', () => {
  it('patterns of every shape, on their samples and texts around them', () => {
    const rnd = seeded(1);
    const alphabet = [...new Set([...SHAPES.flatMap(([s, t]) => [...s, ...t.join('')]), '。', '汉', ' ', '\u3000', '😀', '\uD83D', '\uDE00', '\0'])];
    for (const [source, samples] of SHAPES) {
      const re = new RegExp(source, 'u');
      const filter = EndFilter.of([{ re, useFirst: true }]);
      for (const text of variants(samples, alphabet, rnd, 300)) {
        if (text.length === 0) continue;
        if (re.test(text)) expect(filter === null || filter.candidates(text) === 1, `/${source}/ on ${JSON.stringify(text)}`).toBe(true);
      }
      for (const sample of samples) expect(re.test(sample), `/${source}/ matches its sample ${JSON.stringify(sample)}`).toBe(true);
    }
  });

  it('rules things out: a paragraph cannot end with a caption or start with a credit', () => {
    const rules = loadRules();
    const list = [...rules.kinds.caption, ...rules.kinds.credit];
    const filter = EndFilter.of(list.map((r) => ({ re: r.test.re, useFirst: !r.test.tail })))!;
    expect(filter.candidates('省党政代表团首先来到杭州市行政服务中心。')).toBe(0);
    expect(filter.candidates('责任编辑:张玉')).not.toBe(0);
  });

  it('useFirst: false ignores the first character', () => {
    const filter = EndFilter.of([{ re: /^a/u, useFirst: false }]);
    expect(filter).toBeNull();
    const both = EndFilter.of([{ re: /^ab$/u, useFirst: false }])!;
    expect(both.candidates('xb')).toBe(1);
    expect(both.candidates('xa')).toBe(0);
  });

  it('a surrogate at either end excludes nothing', () => {
    const filter = EndFilter.of([{ re: /^a.*b$/u, useFirst: true }])!;
    expect(filter.candidates('😀xb')).toBe(1);
    expect(filter.candidates('ax😀')).toBe(1);
    expect(filter.candidates('xxb')).toBe(0);
  });

  it('no filter for a list longer than MAX_RULES', () => {
    const many = Array.from({ length: MAX_RULES + 1 }, (_, i) => ({ re: new RegExp(`^${String.fromCharCode(0x4e00 + i)}`, 'u'), useFirst: true }));
    expect(EndFilter.of(many)).toBeNull();
    expect(EndFilter.of(many.slice(0, MAX_RULES))!.candidates('x')).toBe(0);
  });
});
