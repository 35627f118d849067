import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seeded } from '../extract/random.ts';
import { alternatives, EDITORIAL_DIR, endAnchoredOnly, firstMatch, loadRules, match, matches, parseRules, RulesError, TAIL, type Pattern } from '../../scripts/pipeline/rules.ts';
import { sources } from './sources.ts';

const chromeYaml = readFileSync(join(EDITORIAL_DIR, 'chrome.yaml'), 'utf8');
const kindsYaml = readFileSync(join(EDITORIAL_DIR, 'line-kinds.yaml'), 'utf8');

function error(chrome: string, kinds = kindsYaml): string {
  try {
    parseRules(chrome, kinds);
  } catch (e) {
    if (e instanceof RulesError) return e.message;
    throw e;
  }
  throw new Error('no error');
}

describe('rules: the editorial files', () => {
  it('load, every entry with a reason and its example matching its own pattern', () => {
    const rules = loadRules();
    expect(rules.lines.length).toBeGreaterThan(10);
    const all = [...rules.lines.map((r) => ['lines', r.id, r.test] as const), ...rules.trims.map((r) => ['trims', r.id, r.test] as const), ...rules.lists.map((r) => ['lists', r.id, r.heading] as const)];
    // examples: read from the YAML again
    const examples = new Map<string, string>();
    for (const m of chromeYaml.matchAll(/- id: ([a-z-]+)[\s\S]*?example: '((?:[^']|'')*)'/g)) examples.set(m[1]!, m[2]!.replace(/''/g, "'"));
    for (const [section, id, pattern] of all) {
      const example = examples.get(id);
      expect(example, `${section} ${id} has an example`).toBeDefined();
      expect(match(pattern, example!), `${section} ${id}: ${example}`).not.toBeNull();
    }
    for (const [kind, list] of Object.entries(rules.kinds)) {
      for (const rule of list) {
        const m = new RegExp(`- id: ${rule.id}\\n[\\s\\S]*?example: '((?:[^']|'')*)'`).exec(kindsYaml);
        expect(m, `${kind} ${rule.id} has an example`).not.toBeNull();
        expect(match(rule.test, m![1]!.replace(/''/g, "'")), `${kind} ${rule.id}`).not.toBeNull();
      }
    }
  });
});

describe('rules: bad files fail with file:line:col and the problem', () => {
  it('invalid YAML', () => {
    expect(error('lines:\n  - id: [x\n')).toMatch(/^content\/editorial\/chrome\.yaml:\d+:\d+: invalid YAML: /);
  });
  it('a missing reason', () => {
    expect(error("lines:\n  - id: nav\n    pattern: '^x'\n")).toMatch(/^content\/editorial\/chrome\.yaml:2:5: lines\.0\.reason: /);
  });
  it('an invalid regular expression', () => {
    expect(error("lines:\n  - id: nav\n    pattern: '(['\n    reason: 'a navigation bar'\n")).toMatch(
      /^content\/editorial\/chrome\.yaml:3:14: lines\.0\.pattern: invalid regular expression: /,
    );
  });
  it('a numbered backreference (group numbers shift in the joined alternation)', () => {
    expect(error("lines:\n  - id: nav\n    pattern: '^(.)\\1$'\n    reason: 'a navigation bar'\n")).toMatch(
      /^content\/editorial\/chrome\.yaml:3:14: lines\.0\.pattern: numbered backreference: .*\\k<name>$/,
    );
    // a named one, and an escaped backslash before a digit, are fine
    expect(() => parseRules("lines:\n  - id: nav\n    pattern: '^(?<c>.)\\k<c>$'\n    reason: 'a navigation bar'\n", '')).not.toThrow();
    expect(() => parseRules("lines:\n  - id: nav\n    pattern: '^a\\\\1$'\n    reason: 'a navigation bar'\n", '')).not.toThrow();
  });
  it('a duplicate id', () => {
    expect(error("lines:\n  - id: nav\n    pattern: 'a'\n    reason: 'a navigation bar'\n  - id: nav\n    pattern: 'b'\n    reason: 'a navigation bar'\n")).toBe(
      'content/editorial/chrome.yaml:5:9: lines.1.id: duplicate id `nav`',
    );
  });
  it('an unknown field or `where`', () => {
    expect(error("lines:\n  - id: nav\n    pattern: 'a'\n    reason: 'a navigation bar'\n    wehre: header\n")).toMatch(/chrome\.yaml:2:5: lines\.0: /);
    expect(error("lines:\n  - id: nav\n    pattern: 'a'\n    reason: 'a navigation bar'\n    where: top\n")).toMatch(/chrome\.yaml:5:12: lines\.0\.where: /);
  });
  it('an id that is not a slug', () => {
    expect(error("lines:\n  - id: Nav Bar\n    pattern: 'a'\n    reason: 'a navigation bar'\n")).toMatch(/chrome\.yaml:2:9: lines\.0\.id: must be a lowercase slug/);
  });
});

describe('rules: matching', () => {
  it('endAnchoredOnly', () => {
    expect(endAnchoredOnly('分享(到|至)\\s*$')).toBe(true);
    expect(endAnchoredOnly('a$|b$')).toBe(true);
    expect(endAnchoredOnly('^a$')).toBe(false);
    expect(endAnchoredOnly('a$|b')).toBe(false);
    expect(endAnchoredOnly('a\\$')).toBe(false);
    expect(endAnchoredOnly('[$]')).toBe(false);
    expect(endAnchoredOnly('(a|b)$')).toBe(true);
  });

  it('end-anchored patterns see the tail of a long line, with indexes into the whole line', () => {
    const pattern = { re: /分享到:$/u, tail: true };
    const line = `${'长'.repeat(TAIL * 2)}分享到:`;
    expect(match(pattern, line)!.index).toBe(TAIL * 2);
  });

  it('firstMatch returns the first rule in file order', () => {
    const rules = loadRules();
    expect(firstMatch(rules.anywhere, '网站备案/许可证号:皖ICP备2024067946号-1 安徽发展网 © 版权所有')!.id).toBe('copyright');
    expect(firstMatch(rules.anywhere, '皖ICP备06012118号-1')!.id).toBe('icp');
    expect(firstMatch(rules.anywhere, '省党政代表团首先来到杭州市行政服务中心')).toBeUndefined();
  });

  /** what firstMatch answers, the slow way: every rule in order */
  const reference = <T extends { test: Pattern }>(rules: T[], text: string, anchoredOnly: boolean): T | undefined =>
    rules.find((r) => {
      const unanchored = !r.test.tail && !alternatives(r.test.re.source).every((a) => a.startsWith('^'));
      return !(anchoredOnly && unanchored) && matches(r.test, text);
    });

  it('firstMatch gives the answer of testing every rule in order, on every editorial list and every line of the sources', () => {
    const rules = loadRules();
    const lists: { test: Pattern }[][] = [
      rules.anywhere,
      rules.regional,
      rules.trims,
      rules.listHeadings,
      rules.lists.map((r) => ({ test: r.item })),
      ...Object.values(rules.kinds),
      [...rules.kinds.meta, ...rules.kinds.caption, ...rules.kinds.credit],
    ];
    const examples = [...chromeYaml.matchAll(/example: '((?:[^']|'')*)'/g), ...kindsYaml.matchAll(/example: '((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'"));
    const texts = [...sources.flatMap((s) => s.rawLines.map((l) => l.trim())), ...examples, ...examples.map((e) => `${'长'.repeat(TAIL)}${e}`)].filter((t) => t !== '');
    let matched = 0;
    for (const list of lists) {
      for (const text of texts) {
        for (const anchoredOnly of [false, true]) {
          const expected = reference(list, text, anchoredOnly);
          if (expected) matched++;
          expect(firstMatch(list, text, anchoredOnly), text).toBe(expected);
        }
      }
    }
    expect(matched).toBeGreaterThan(50);
  });

  it('firstMatch on lists of patterns of every shape, anchored or not, short and long lines', () => {
    const shapes = ['^a', 'b$', '^a.*b$', '^(a|b)c?$', 'ab', '(?<=a)b$', '^[ab]+$', '^(a)\\1', 'a|^b', '^\\d{2}$', 'c$|^c', '^(?:a|)b', '[^a]$'];
    const rnd = seeded(7);
    const texts: string[] = [];
    for (let k = 0; k < 400; k++) {
      let t = '';
      const n = 1 + Math.floor(rnd() * 6);
      for (let j = 0; j < n; j++) t += 'abc1。'[Math.floor(rnd() * 5)];
      texts.push(t, `${'长'.repeat(TAIL)}${t}`, `${t}${'长'.repeat(TAIL)}${t}`);
    }
    for (let l = 0; l < 40; l++) {
      const list = Array.from({ length: 1 + Math.floor(rnd() * 6) }, (_, i) => {
        const source = shapes[Math.floor(rnd() * shapes.length)]!;
        return { id: i, test: { re: new RegExp(source, 'u'), tail: endAnchoredOnly(source) } };
      });
      for (const text of texts) for (const anchoredOnly of [false, true]) expect(firstMatch(list, text, anchoredOnly), `${list.map((r) => r.test.re.source).join(' ')} on ${text}`).toBe(reference(list, text, anchoredOnly));
    }
  });
});
