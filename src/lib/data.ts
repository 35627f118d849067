/**
 * The archive of this build: the three collections loaded once and indexed once
 * (src/lib/archive.ts), shared by every page through one memoised promise.
 */
import { getCollection } from 'astro:content';
import { type Archive, buildArchive } from './archive.ts';

let archive: Promise<Archive> | undefined;

export function getArchive(): Promise<Archive> {
  // `astro dev` reloads content as it changes: index afresh there; a build indexes once.
  if (import.meta.env.DEV) return load();
  archive ??= load();
  return archive;
}

function load(): Promise<Archive> {
  return (async () => {
    const [visits, leaders, provinces] = await Promise.all([getCollection('visits'), getCollection('leaders'), getCollection('provinces')]);
    return buildArchive({
      visits: visits.map((v) => ({ id: v.id, data: v.data })),
      leaders: leaders.map((l) => ({ id: l.id, data: l.data })),
      provinces: provinces.map((p) => ({ id: p.id, data: p.data })),
    });
  })();
}

export const site = {
  name: '省级党政代表团学习考察档案',
  short: '代表团考察档案',
  description: '省级党政代表团跨省学习考察的新闻档案：每次考察的日期、路线、代表团与接待方成员及其时任职务、考察地点与座谈会，附原文与整理说明。',
} as const;
