/**
 * One CleanDocument → one visit record (front matter + Markdown body), from the facts of the
 * other modules. Pure apart from the messages it adds to the document's vfile.
 */
import type { CleanDocument } from '../pipeline/types.ts';
import type { Inference, Place, PersonRef, Visit } from '../../src/schemas.ts';
import { at, type Context, createContext } from './context.ts';
import { extractCredits } from './credits.ts';
import { dayMarkers, type EventDay, extractDates } from './dates.ts';
import type { Editorial } from './editorial.ts';
import { resolveLeaderId } from './leaders.ts';
import { bodyMarkdown, markupLines, plainLines } from './markdown.ts';
import { extractMeeting } from './meeting.ts';
import { businessPeople, extractOfficials } from './people.ts';
import { extractPlaces } from './places.ts';
import type { Geography } from './provinces.ts';
import { extractPublishers } from './publishers.ts';
import { extractRoute } from './route.ts';
import { originalTitle } from './title.ts';

export interface VisitRecord {
  id: string;
  data: Visit;
  body: string;
}

export type BuildResult = { ok: true; record: VisitRecord } | { ok: false; reason: string };

function lineOfKind(doc: CleanDocument, kind: string) {
  return doc.lines.find((l) => l.kind === kind);
}

const dayMarkersSeen = (ctx: Context) => dayMarkers(ctx).length > 0;

/** `raw`: the file's bytes, for the title as printed in a traditional copy. */
export function buildVisit(doc: CleanDocument, editorial: Editorial, geo: Geography, raw?: Uint8Array): BuildResult {
  const ctx = createContext(doc, editorial, geo);
  const inferences: Inference[] = [];
  const publishers = extractPublishers(ctx);
  const credits = extractCredits(ctx);
  const dates = extractDates(ctx);
  inferences.push(...dates.inferences);
  if (dates.year === undefined && dayMarkersSeen(ctx)) {
    return { ok: false, reason: 'no year: the article states none, none can be inferred from it, and content/editorial/dates.yaml has no entry for this file' };
  }
  if (dates.days.length === 0 && !dates.published) {
    return { ok: false, reason: 'no date: the text gives no day (近日 …) and the source no publication date; add one in content/editorial/dates.yaml' };
  }
  if (dates.days.length === 0) {
    // 近日…: no day in the text; the publication date stands in, marked as inferred
    const first = ctx.sentences.find((s) => s.kind === 'body');
    if (!dates.published || !first) return { ok: false, reason: 'no date of the visit in the text and no body to attach it to' };
    const [y, m, d] = dates.published.date.split('-').map(Number) as [number, number, number];
    dates.days.push({ date: dates.published.date, sentence: first, marker: { text: '', year: y, month: m, day: d, sentence: first, index: 0 } });
    inferences.push({ field: 'dates', value: dates.published.date, how: 'inferred', reason: '文中没有写明活动日期（如“近日”）；以发布日期代替，实际活动应在此前' });
    ctx.warn(`no date of the visit in the text: the publication date ${dates.published.date} stands in`, at(first), 'extract/date-from-publication');
  }
  const meeting = extractMeeting(ctx, dates.days);
  const route = extractRoute(ctx, publishers.home, dates.days, meeting);
  // the first and the last day of the legs (ISO dates: their order as strings is their order in time)
  let start: string | undefined;
  let end: string | undefined;
  for (const leg of route.legs) {
    for (const d of leg.dates) {
      if (start === undefined || d < start) start = d;
      if (end === undefined || d > end) end = d;
    }
  }
  if (start === undefined || end === undefined) return { ok: false, reason: 'no date could be assigned to a leg of the visit' };

  // people
  const others = businessPeople(ctx);
  const exclude = new Set([...credits.credits.map((c) => c.name), ...others.map((o) => o.name)]);
  const officials = extractOfficials(ctx, publishers.home, exclude);
  const group = (province: string | null): PersonRef['group'] => {
    if (route.kind === 'visit' && province !== null && province === route.visiting) return 'delegation';
    if (province !== null && route.hosts.includes(province)) return 'host';
    return 'attendee';
  };
  const people: PersonRef[] = officials.map((o) => {
    if (o.province === null) ctx.warn(`${o.name}: no province`, at(o.sentence), 'extract/person-no-province');
    return {
      leader: resolveLeaderId(o.name, o.province, start, editorial, ctx),
      name: o.name,
      province: o.province,
      role: o.role,
      group: group(o.province),
      listed: o.listed,
    };
  });

  // places
  const placeProvinces = new Set<string>(route.kind === 'meeting' ? route.hosts : route.hosts.length ? route.hosts : route.visiting ? [route.visiting] : []);
  const found = extractPlaces(ctx, placeProvinces);
  const hostAt = route.hostAt;
  const cities = found.filter((c) => c.kind === 'city');
  const places: Place[] = found.map((p) => {
    const province = p.province ?? hostAt[p.sentence.index] ?? null;
    const place: Place = { name: p.name, kind: p.kind, province };
    const city = p.city ?? (p.kind !== 'city' && p.kind !== 'district' ? cities.find((c) => p.name.startsWith(c.name))?.name : undefined);
    if (city) place.city = city;
    if (p.kind !== 'city') {
      // the last single day of `dates.days` named before the place in its paragraph
      let before: EventDay | undefined;
      for (let k = dates.days.length - 1; k >= 0 && before === undefined; k--) {
        const d = dates.days[k]!;
        if (d.sentence.lineIndex === p.sentence.lineIndex && (d.sentence.index < p.sentence.index || (d.sentence.index === p.sentence.index && d.marker.index < p.index)) && d.marker.endDay === undefined) before = d;
      }
      if (before) place.date = before.date;
      else if (province !== null) {
        const leg = route.legs.filter((l) => l.province === province);
        if (leg.length === 1 && leg[0]!.dates.length === 1) place.date = leg[0]!.dates[0]!;
      }
    }
    return place;
  });

  // business people, with the company named last before them in the same paragraph
  const otherRecords: Visit['others'] = [];
  for (const o of others) {
    if (otherRecords.some((r) => r.name === o.name)) continue;
    const company = found.filter((p) => p.kind === 'company' && p.sentence.lineIndex === o.sentence.lineIndex && p.sentence.index <= o.sentence.index).at(-1);
    otherRecords.push({ name: o.name, ...(company ? { affiliation: company.name } : {}), note: '企业负责人' });
  }

  // meeting
  let meetingRecord: Visit['meeting'] = null;
  if (meeting) {
    const province =
      meeting.province !== undefined ? meeting.province : (route.legs.find((l) => meeting.date && l.dates.includes(meeting.date) && l.province)?.province ?? (route.hosts.length === 1 ? route.hosts[0]! : null));
    meetingRecord = { name: meeting.name, ...(meeting.date ? { date: meeting.date } : {}), ...(meeting.where ? { where: meeting.where } : {}), province };
  }

  // title
  let titleLine = lineOfKind(doc, 'title');
  if (titleLine && markupLines([titleLine]).length > 0) {
    // `title: 伪造的标题` taken for the title: the headline is the line just above the meta line
    const meta = doc.lines.findIndex((l) => l.kind === 'meta');
    const above = meta > 0 ? doc.lines[meta - 1] : undefined;
    if (above && above !== titleLine && (above.kind === 'subtitle' || above.kind === 'title') && markupLines([above]).length === 0) {
      ctx.warn(`title line “${titleLine.text}” looks like markup: the line above the publication line is the title`, { line: above.line }, 'extract/title-markup');
      titleLine = above;
    }
  }
  let title = titleLine?.text.trim() ?? '';
  if (!title) {
    const visiting = route.visiting ? geo.byId.get(route.visiting) : undefined;
    const hostNames = route.hosts.map((h) => geo.byId.get(h)!.short);
    if (route.kind === 'visit' && visiting && hostNames.length) title = `${visiting.name}${route.delegation ?? '党政代表团'}赴${hostNames.join('、')}学习考察`;
    else if (meeting) title = `${meeting.name}${meeting.where ? `在${meeting.where}` : ''}召开`;
    else title = `${visiting?.name ?? ''}${route.delegation ?? '代表团'}学习考察`;
    inferences.push({ field: 'title', value: title, how: 'inferred', reason: '原文没有标题；据导语所述的代表团、出访地与活动拟定' });
    ctx.warn(`no title line: synthesised “${title}”`, undefined, 'extract/title-synthesised');
  }

  // provinces taking part
  const provinces: string[] = [];
  const addProvince = (p: string | null | undefined) => {
    if (p && !provinces.includes(p)) provinces.push(p);
  };
  addProvince(route.visiting);
  route.hosts.forEach(addProvince);
  if (route.kind === 'meeting') people.forEach((p) => addProvince(p.province));
  if (provinces.length === 0) return { ok: false, reason: 'no province found: neither a visiting nor a host province is named' };

  const published = dates.published ?? { date: end };
  if (!dates.published) {
    inferences.push({ field: 'published.date', value: end, how: 'inferred', reason: '来源未注明发布日期；以活动最后一日代替' });
  }
  const stripped = new Map(credits.strip.map((s) => [s.lineIndex, s.text]));
  // one search per line tells plain text, for the markup check and the body both
  const plain = plainLines(doc.lines);
  for (const m of markupLines(doc.lines, plain)) {
    ctx.warn(`text that looks like ${m.what}: kept and shown as literal text`, { line: m.line, column: m.column }, 'extract/markup-literal');
  }
  const printed = raw && titleLine ? originalTitle(raw, doc) : undefined;
  const data: Visit = {
    title,
    ...(printed ? { originalTitle: printed } : {}),
    kind: route.kind,
    start,
    end,
    visiting: route.visiting,
    hosts: route.hosts,
    provinces,
    // (buildLegs gives where and note only when not empty)
    legs: route.legs,
    people,
    others: otherRecords,
    places,
    meeting: meetingRecord,
    published,
    publishers: publishers.chain,
    credits: credits.credits,
    source: { file: doc.file, sha256: doc.sha256, encoding: doc.encoding, script: doc.script },
    inferences,
    changes: doc.changes,
  };
  const idTail = route.kind === 'meeting' ? ['meeting', ...route.hosts] : [route.visiting ?? 'unknown', ...(route.hosts.length ? route.hosts : ['unknown'])];
  const id = [start, ...idTail].join('-');
  return { ok: true, record: { id, data, body: bodyMarkdown(doc.lines, stripped, titleLine, plain) } };
}
