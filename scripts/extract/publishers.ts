/**
 * The publisher chain: the page we have first, then whom it cites (新京报 → 浙江日报;
 * 安徽发展网 → 中安在线). Names come from content/editorial/publishers.yaml; a 来源 that is not
 * listed there is kept as written, with a warning.
 */
import { toSimplified } from '../pipeline/simplify.ts';
import { type Context, geoRegex, matches } from './context.ts';
import type { PublisherEntry } from './editorial.ts';
import { provinceOf } from './provinces.ts';

export interface Publishers {
  chain: string[];
  /** home province of the publisher of the text (the cited one, else the page) */
  home: string | null;
}

const COPYRIGHT = /版权|版權|Copyright|©|All Rights Reserved/iu;
const CITED = /据《([^》]+)》(?:报道|消息)/gu;
const DATELINE = /^(\S+?)(?:讯|\d{1,2}月\d{1,2}日电)/u;
/** a meta line from its first digit on (新京报2023-04-15 → 新京报) */
const FROM_FIRST_DIGIT = /\d.*$/u;
const SOURCE = /来源[:：]\s*([^\s:：]+)/u;

/** The removed lines holding a copyright notice, in order. */
export function copyrightLines<T extends { text: string }>(lines: readonly T[]): T[] {
  return lines.filter((l) => COPYRIGHT.test(l.text));
}

/** The names of the publishers (in the order of publishers.yaml) one of whose match strings `text` holds. */
function knownIn(entries: readonly PublisherEntry[], text: string): string[] {
  const out: string[] = [];
  for (const e of entries) {
    for (const m of e.match) {
      if (text.includes(m)) {
        out.push(e.name);
        break;
      }
    }
  }
  return out;
}

export function extractPublishers(ctx: Context): Publishers {
  const entries = ctx.editorial.publishers;
  const known = (text: string) => knownIn(entries, text);
  const page: string[] = [];
  const cited: string[] = [];
  let datelineHome: string | null | undefined;
  // the page: a meta line opening with a publisher (新京报2023-04-15), or the site's copyright lines
  for (const line of ctx.doc.lines) {
    if (line.kind !== 'meta') continue;
    const head = line.text.replace(FROM_FIRST_DIGIT, '');
    page.push(...known(head));
    const source = line.text.includes('来源') ? SOURCE.exec(line.text) : null;
    if (source) {
      const hit = known(source[1]!);
      if (hit.length) cited.push(...hit);
      else if (!/^[-—]+$/u.test(source[1]!)) {
        cited.push(source[1]!);
        ctx.warn(`publisher “${source[1]}” is not in content/editorial/publishers.yaml: kept as written`, { line: line.line }, 'extract/publisher-unknown');
      }
    }
  }
  for (const removed of copyrightLines(ctx.doc.removed)) {
    page.push(...known(ctx.doc.script === 'traditional' ? toSimplified(removed.text) : removed.text));
  }
  // cited in the text: 据《浙江日报》报道, and the dateline (中安在线、中安新闻客户端讯 / 浙江在线重庆10月10日电)
  for (let k = 0; k < 4 && k < ctx.sentences.length; k++) {
    const s = ctx.sentences[k]!;
    for (const m of s.text.includes('据《') ? matches(CITED, s.text) : []) {
      const hit = known(m[1]!);
      cited.push(...(hit.length ? hit : [m[1]!]));
    }
    // the dateline opens the first sentence (every one holds 讯 or 日电: the pattern runs only then)
    const dateline = s.index === 0 && (s.text.includes('讯') || s.text.includes('日电')) ? DATELINE.exec(s.text) : null;
    if (dateline) {
      const hit = known(dateline[1]!);
      cited.push(...hit);
      // 海南在线海口…电: an unknown outlet whose name opens with a province name
      const outlet = hit.length ? undefined : geoRegex(ctx.geo, '^((?:{P})[\\p{Script=Han}]{0,4}?(?:在线|日报|网))', 'u').exec(dateline[1]!);
      if (outlet) {
        cited.push(outlet[1]!);
        const province = provinceOf(ctx.geo, geoRegex(ctx.geo, '^(?:{P})', 'u').exec(outlet[1]!)![0]);
        datelineHome = province?.id ?? null;
        ctx.warn(`publisher “${outlet[1]}” (dateline) is not in content/editorial/publishers.yaml: kept as written, home province ${datelineHome ?? 'unknown'}`, { line: s.line, column: 1 }, 'extract/publisher-unknown');
      }
    }
  }
  const chain = [...new Set([...page, ...cited])];
  if (chain.length === 0) {
    ctx.warn('no publisher found (no 来源, dateline or copyright line)', undefined, 'extract/publisher-missing');
    chain.push('来源未注明');
  }
  const origin = [...cited].find((n) => entries.some((e) => e.name === n)) ?? chain[0]!;
  const home = datelineHome !== undefined ? datelineHome : (entries.find((e) => e.name === origin)?.province ?? null);
  return { chain, home };
}
