/** The name a raw source is published under (src/lib/url.ts): always plain text, never URL syntax. */
import { describe, expect, it } from 'vitest';
import { paths, publishedSourceName } from '../../src/lib/url.ts';

describe('publishedSourceName', () => {
  it('keeps a plain .txt name as it is, spaces and Chinese included', () => {
    expect(publishedSourceName('000_9b576cff179121a4.txt')).toBe('000_9b576cff179121a4.txt');
    expect(publishedSourceName('安徽代表团 赴广东 (副本).txt')).toBe('安徽代表团 赴广东 (副本).txt');
  });

  it('publishes any other name as .txt, so that a host never serves a source as a page', () => {
    expect(publishedSourceName('专稿.html')).toBe('专稿.html.txt');
    expect(publishedSourceName('x.svg')).toBe('x.svg.txt');
    expect(publishedSourceName('README')).toBe('README.txt');
    expect(publishedSourceName('A.TXT')).toBe('A.TXT');
  });

  it('replaces what a URL or the router reads as syntax', () => {
    expect(publishedSourceName('报道 #1 (100%) 定稿?.txt')).toBe('报道 _1 (100_) 定稿_.txt');
    expect(paths.source('报道 #1.txt')).toBe(`sources/${encodeURIComponent('报道 _1.txt')}`);
  });
});
