/**
 * kinds: classify the kept lines of an article.
 *
 * - Header = the lines above the first paragraph (≥ 40 characters with a 。). In it: a line
 *   matching a `meta` rule is the publication line; a caption or credit rule wins next; the
 *   first other line above the publication line is the title (or, with no publication line,
 *   the first line, if the header has one); the other lines are subtitles.
 *   000 and 003 start with their dateline paragraph: they have no header and no title.
 * - Below: caption and credit rules (content/editorial/line-kinds.yaml), a caption printed
 *   twice is a caption; a short line (≤ 60 characters) matching a `meta` rule (来源：新华社)
 *   is meta; another short line that does not end a sentence is a heading; everything else is
 *   body.
 * - `split-credit` rules split a signature off the end of a paragraph into a credit line.
 */
import { applyEdits, type WorkLine } from './lines.ts';
import { paragraphSpan, type Kept } from './chrome.ts';
import { firstMatch, match as matchPattern, type KindRule, type Rules } from './rules.ts';
import type { LineKind } from './types.ts';

export interface Classified {
  work: WorkLine;
  kind: LineKind;
  /** id of the line-kinds.yaml rule that decided, if any */
  rule?: string;
}

const HEADING_MAX = 60;
const SENTENCE_END = /[。！？!?…；;][”’」』"')）]*$/u;

const match = (rules: KindRule[], text: string): KindRule | undefined => firstMatch(rules, text);

type Asked = 'meta' | 'caption' | 'credit';
/**
 * The kind lists in the order a line asks them — meta, caption, credit in the header; caption,
 * credit (and meta, for a short line) below it — joined into one list each, once per rule set
 * (firstMatch compiles a list once, keyed by the array). The first rule of a joined list that
 * matches is the answer of asking the lists one after the other, and a line none matches —
 * nearly every paragraph — costs one or two regular-expression tests instead of one or two per
 * list.
 */
interface Joined {
  header: KindRule[];
  body: KindRule[];
  shortBody: KindRule[];
  kindOf: Map<KindRule, Asked>;
}
const joined = new WeakMap<Rules['kinds'], Joined>();
function joinedLists(kinds: Rules['kinds']): Joined {
  let j = joined.get(kinds);
  if (!j) {
    const kindOf = new Map<KindRule, Asked>();
    for (const asked of ['meta', 'caption', 'credit'] as const) for (const r of kinds[asked]) kindOf.set(r, asked);
    j = {
      header: [...kinds.meta, ...kinds.caption, ...kinds.credit],
      body: [...kinds.caption, ...kinds.credit],
      shortBody: [...kinds.caption, ...kinds.credit, ...kinds.meta],
      kindOf,
    };
    joined.set(kinds, j);
  }
  return j;
}

/** Split `work` at `start`: the line keeps text before, a new line gets the rest. */
function splitOff(work: WorkLine, start: number): WorkLine {
  const rest: WorkLine = {
    line: work.line,
    raw: work.raw,
    text: work.text,
    edits: work.edits.map((e) => [...e]),
    messages: [],
  };
  applyEdits(rest, [{ start: 0, end: start, text: '' }]);
  applyEdits(work, [{ start, end: work.text.length, text: '' }]);
  const lead = /^\s+/.exec(rest.text);
  if (lead) applyEdits(rest, [{ start: 0, end: lead[0].length, text: '' }]);
  const trail = /\s+$/.exec(work.text);
  if (trail) applyEdits(work, [{ start: trail.index, end: work.text.length, text: '' }]);
  return rest;
}

export function classify(kept: Kept[], rules: Rules): Classified[] {
  const { splitCredit } = rules.kinds;
  const lists = joinedLists(rules.kinds);
  let [first] = paragraphSpan(kept.map((k) => k.work.text));
  if (first < 0) first = 0;
  const header = kept.slice(0, first);
  // meta, then caption, then credit: one joined list per line. Its first match is a meta rule
  // exactly when a meta rule matches the line (meta comes first), so the publication line is
  // found from the same answers.
  const headerRules = header.map((k) => match(lists.header, k.work.text));
  const metaAt = headerRules.findIndex((rule) => rule !== undefined && lists.kindOf.get(rule) === 'meta');

  const out: Classified[] = [];
  let titled = false;
  header.forEach(({ work, repeatedCaption }, i) => {
    // meta, then caption (or a caption printed twice), then credit
    const rule = headerRules[i];
    const asked = rule && lists.kindOf.get(rule);
    if (rule && asked === 'meta') return out.push({ work, kind: 'meta', rule: rule.id });
    if (asked === 'caption' || repeatedCaption) return out.push({ work, kind: 'caption', ...(rule && asked === 'caption' ? { rule: rule.id } : {}) });
    if (rule && asked === 'credit') return out.push({ work, kind: 'credit', rule: rule.id });
    if (!titled && (metaAt < 0 || i < metaAt)) {
      titled = true;
      return out.push({ work, kind: 'title' });
    }
    return out.push({ work, kind: 'subtitle' });
  });

  for (const { work, repeatedCaption } of kept.slice(first)) {
    const text = work.text;
    // caption (or a caption printed twice), then credit, then — a short source or date line
    // below the article (来源：新华社) is publication data too — meta
    const rule = match(text.length <= HEADING_MAX ? lists.shortBody : lists.body, text);
    const asked = rule && lists.kindOf.get(rule);
    if (asked === 'caption' || repeatedCaption) {
      out.push({ work, kind: 'caption', ...(rule && asked === 'caption' ? { rule: rule.id } : {}) });
      continue;
    }
    if (rule && (asked === 'credit' || asked === 'meta')) {
      out.push({ work, kind: asked, rule: rule.id });
      continue;
    }
    let signature: WorkLine | null = null;
    let signatureRule: string | undefined;
    // firstMatch first: it rules out most lines without a regular expression (a paragraph
    // ending with 。 cannot end with a signature); the loop then finds where the credit starts
    if (match(splitCredit, text) !== undefined) {
      for (const r of splitCredit) {
        const m = matchPattern(r.test, text);
        if (m && m[1] !== undefined && m.index > 0) {
          signature = splitOff(work, m.index + m[0].indexOf(m[1]));
          signatureRule = r.id;
          break;
        }
      }
    }
    const kind: LineKind = work.text.length <= HEADING_MAX && !SENTENCE_END.test(work.text) ? 'heading' : 'body';
    out.push({ work, kind });
    if (signature) out.push({ work: signature, kind: 'credit', ...(signatureRule ? { rule: signatureRule } : {}) });
  }
  return out;
}
