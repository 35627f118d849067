/**
 * Shared by the JSON exports under /data/: the envelope and a deterministic serialisation
 * (records sorted by the caller, keys in schema order, no timestamps), so two builds of the same
 * content give byte-identical files. Links are site paths with the base applied (`/archive/…`).
 */
export const EXPORT_VERSION = 1;

export function exportResponse(kind: string, records: unknown[]): Response {
  const body = { version: EXPORT_VERSION, kind, count: records.length, [kind]: records };
  return new Response(`${JSON.stringify(body)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
}

export const byKey =
  <T>(key: (x: T) => string) =>
  (a: T, b: T): number => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
