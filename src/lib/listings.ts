/**
 * The paginated visit lists (`/visits/`, `/visits/<year>/`, `/visits/province/<id>/`,
 * `/visits/leader/<id>/`, each with `page/<n>/`), derived from the archive. Shared by the list
 * route and the sitemap so that both name the same pages.
 */
import type { Archive, VisitRec } from './archive.ts';
import { paginate } from './archive.ts';
import { pagePath, paths } from './url.ts';

export const PAGE_SIZE = 50;

/**
 * A leader page lists this many visits (the latest); a person with more also gets the paginated
 * list `/visits/leader/<id>/`, which would only repeat the leader page for the others.
 */
export const LEADER_PAGE_VISITS = 20;

export type ListingKind = 'all' | 'year' | 'province' | 'leader';

export interface ListingPage {
  kind: ListingKind;
  /** year, province id or leader id ('' for all) */
  key: string;
  /** site-relative path of this list's first page */
  first: string;
  /** site-relative path of this page */
  path: string;
  page: number;
  pages: number;
  total: number;
  visits: VisitRec[];
  /** every visit of the list (for the per-list timeline on page 1) */
  all: VisitRec[];
}

export function listingPages(archive: Archive, size = PAGE_SIZE): ListingPage[] {
  const lists: { kind: ListingKind; key: string; first: string; visits: VisitRec[] }[] = [
    { kind: 'all', key: '', first: paths.visits(), visits: archive.latest },
    ...archive.years.map((y) => ({ kind: 'year' as const, key: String(y), first: paths.year(y), visits: archive.byYear.get(y)! })),
    ...[...archive.byProvince.entries()]
      .filter(([id]) => archive.provinceById.has(id))
      .map(([id, visits]) => ({ kind: 'province' as const, key: id, first: paths.visitsOfProvince(id), visits })),
    ...[...archive.byLeader.entries()]
      .filter(([id, apps]) => archive.leaderById.has(id) && apps.length > LEADER_PAGE_VISITS)
      .map(([id, apps]) => ({ kind: 'leader' as const, key: id, first: paths.visitsOfLeader(id), visits: apps.map((a) => a.visit).reverse() })),
  ];
  return lists.flatMap((l) => {
    const chunks = paginate(l.visits, size);
    return chunks.map((visits, i) => ({
      kind: l.kind,
      key: l.key,
      first: l.first,
      path: pagePath(l.first, i + 1),
      page: i + 1,
      pages: chunks.length,
      total: l.visits.length,
      visits,
      all: l.visits,
    }));
  });
}
