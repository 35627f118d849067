/**
 * The colour pairs of src/styles/site.css meet WCAG 2.1 AA (4.5:1 for text) in the light and the
 * dark scheme, including text drawn inside SVG (map tiles, timeline labels), which axe-core does
 * not evaluate.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/builds.ts';

const css = readFileSync(join(projectRoot, 'src/styles/site.css'), 'utf8');

function variables(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([a-z0-9-]+):\s*(#[0-9a-f]{6})\b/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

const light = variables(/:root\s*\{([^}]*)\}/.exec(css)![1]!);
const darkBlock = /@media \(prefers-color-scheme: dark\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(css);
const dark = { ...light, ...variables(darkBlock![1]!) };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** [text, background] pairs the stylesheet uses. */
const pairs: [string, string][] = [
  ['fg', 'bg'],
  ['muted', 'bg'],
  ['accent', 'bg'],
  ['fg', 'bg-alt'],
  ['muted', 'bg-alt'],
  ['accent', 'bg-alt'],
  ['tag-fg', 'tag-bg'],
  ['bg', 'accent'], // buttons and the current filter chip
  ['tile-fg-light', 'tile-0'],
  ['tile-fg-light', 'tile-1'],
  ['tile-fg-light', 'tile-2'],
  ['tile-fg-dark', 'tile-3'],
  ['tile-fg-dark', 'tile-4'],
];

describe.each([
  ['light', light],
  ['dark', dark],
] as const)('%s scheme', (_name, vars) => {
  it('has every colour it needs', () => {
    for (const [a, b] of pairs) {
      expect(vars[a], a).toMatch(/^#[0-9a-f]{6}$/);
      expect(vars[b], b).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it.each(pairs)('%s on %s: at least 4.5:1', (fg, bg) => {
    expect(contrast(vars[fg]!, vars[bg]!)).toBeGreaterThanOrEqual(4.5);
  });

  it('draws map arrows and timeline bars at 3:1 or more against the page', () => {
    expect(contrast(vars.flow!, vars.bg!)).toBeGreaterThanOrEqual(3);
    expect(contrast(vars.bar!, vars.bg!)).toBeGreaterThanOrEqual(3);
  });
});

describe('contrast()', () => {
  it('matches the WCAG formula on known pairs', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
