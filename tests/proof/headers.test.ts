/** scripts/headers.ts: the `_headers` file for hosts that read one (Netlify, Cloudflare Pages). */
import { describe, expect, it } from 'vitest';
import { headersFile, normalizeBase, rawSourcePolicy, securityHeaders } from '../../scripts/headers.ts';
import { contentSecurityPolicy, headerPolicy } from '../../src/lib/csp.ts';

describe('_headers', () => {
  it('reads BASE_PATH the way astro.config.ts does', () => {
    expect(normalizeBase(undefined)).toBe('/');
    expect(normalizeBase('')).toBe('/');
    expect(normalizeBase('/')).toBe('/');
    expect(normalizeBase('archive')).toBe('/archive/');
    expect(normalizeBase('/archive/')).toBe('/archive/');
    expect(normalizeBase('//a/b//')).toBe('/a/b/');
  });

  it('gives every path under the base the CSP and the security headers, indented under the rule', () => {
    const text = headersFile('/archive/');
    const lines = text.split('\n');
    const rule = lines.indexOf('/archive/*');
    expect(rule).toBeGreaterThan(-1);
    for (const [i, [name, value]] of securityHeaders.entries()) expect(lines[rule + 1 + i]).toBe(`  ${name}: ${value}`);
    expect(text).toContain(`  Content-Security-Policy: ${headerPolicy}`);
    expect(text).toContain('/archive/_astro/*\n  Cache-Control: public, max-age=31536000, immutable');
    expect(text).toContain(`/archive/sources/*\n  Content-Security-Policy: ${rawSourcePolicy}`);
    expect(rawSourcePolicy).toContain('sandbox');
    expect(headersFile('/')).toMatch(/^\/\*$/m);
  });

  it('sends in the header everything the <meta> says, plus frame-ancestors (ignored in a <meta>)', () => {
    expect(headerPolicy.startsWith(contentSecurityPolicy)).toBe(true);
    expect(contentSecurityPolicy).not.toContain('frame-ancestors');
    expect(headerPolicy).toContain("frame-ancestors 'none'");
  });

  it('is deterministic', () => {
    expect(headersFile('/x/')).toBe(headersFile('/x/'));
  });
});
