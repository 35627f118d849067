/** The UI's words for the data's enumerations (simplified Chinese). */
import type { Archive, VisitRec } from './archive.ts';

export const visitKindLabel = { visit: '学习考察', meeting: '多方会议' } as const;

export const groupLabel = { delegation: '代表团', host: '接待方', attendee: '与会' } as const;

export const placeKindLabel = {
  city: '城市',
  district: '区县与园区',
  site: '考察点',
  company: '企业',
  institution: '机构',
  venue: '会场',
} as const;

export const creditRoleLabel = {
  reporter: '记者',
  photographer: '摄影',
  editor: '编辑',
  author: '作者',
  correspondent: '通讯员',
} as const;

export const provinceKindLabel = {
  province: '省',
  municipality: '直辖市',
  'autonomous-region': '自治区',
  sar: '特别行政区',
} as const;

/** Short name of a province id (`anhui` → `安徽`), the id itself if unknown. */
export function provinceShort(archive: Archive, id: string | null | undefined): string {
  if (!id) return '';
  return archive.provinceById.get(id)?.data.short ?? id;
}

/** `安徽 → 浙江`, `浙江 → 江苏、上海`; meetings: `上海、江苏、浙江、安徽`. */
export function routeText(archive: Archive, v: VisitRec): string {
  const name = (id: string) => provinceShort(archive, id);
  if (v.data.visiting) {
    const hosts = v.data.hosts.filter((h) => h !== v.data.visiting);
    return hosts.length ? `${name(v.data.visiting)} → ${hosts.map(name).join('、')}` : name(v.data.visiting);
  }
  return v.data.provinces.map(name).join('、');
}

/** Chinese label for a dotted field path of an inference (`legs.0.dates.0` → `第1段行程的日期`). */
export function fieldLabel(field: string): string {
  const simple: Record<string, string> = {
    dates: '日期',
    year: '年份',
    start: '开始日期',
    end: '结束日期',
    'published.date': '发布日期',
    'published.time': '发布时间',
    visiting: '出访省份',
    hosts: '到访省份',
    meeting: '会议',
    'meeting.date': '会议日期',
    'meeting.name': '会议名称',
    title: '标题',
  };
  if (simple[field]) return simple[field];
  const leg = /^legs\.(\d+)\.(dates|province)(?:\.(\d+))?$/.exec(field);
  if (leg) return `第${Number(leg[1]) + 1}段行程的${leg[2] === 'dates' ? '日期' : '省份'}`;
  const person = /^people\.(\d+)\.(\w+)$/.exec(field);
  if (person) return `第${Number(person[1]) + 1}位人物的${person[2] === 'role' ? '职务' : person[2] === 'province' ? '省份' : person[2]}`;
  return field;
}

/** `新京报（转引 浙江日报）` */
export function publisherChain(publishers: readonly string[]): string {
  const [first, ...rest] = publishers;
  return rest.length ? `${first}（转引自${rest.join('、')}）` : (first ?? '');
}
