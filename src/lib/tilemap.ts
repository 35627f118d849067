/**
 * Geometry of the tile-grid map: one square tile per provincial-level division at its grid
 * position (from the province records), and visit flows drawn as curved arrows between tile
 * centres. Pure numbers in, numbers out; the component (src/components/TileMap.astro) draws them.
 */
import type { Flow } from './archive.ts';

export interface TileInput {
  id: string;
  label: string;
  row: number;
  col: number;
}

export interface Tile extends TileInput {
  x: number;
  y: number;
  cx: number;
  cy: number;
}

export interface FlowPath {
  from: string;
  to: string;
  count: number;
  /** SVG path data (quadratic curve) */
  d: string;
  /** stroke width in user units */
  width: number;
}

export interface TileMapLayout {
  width: number;
  height: number;
  size: number;
  tiles: Tile[];
  flows: FlowPath[];
}

export function layoutTiles(inputs: readonly TileInput[], size = 48, gap = 4, margin = 8): Pick<TileMapLayout, 'width' | 'height' | 'size' | 'tiles'> {
  if (inputs.length === 0) return { width: 2 * margin, height: 2 * margin, size, tiles: [] };
  const minRow = Math.min(...inputs.map((t) => t.row));
  const minCol = Math.min(...inputs.map((t) => t.col));
  const maxRow = Math.max(...inputs.map((t) => t.row));
  const maxCol = Math.max(...inputs.map((t) => t.col));
  const step = size + gap;
  const tiles = inputs.map((t) => {
    const x = margin + (t.col - minCol) * step;
    const y = margin + (t.row - minRow) * step;
    return { ...t, x, y, cx: x + size / 2, cy: y + size / 2 };
  });
  return {
    width: 2 * margin + (maxCol - minCol + 1) * step - gap,
    height: 2 * margin + (maxRow - minRow + 1) * step - gap,
    size,
    tiles,
  };
}

const round = (n: number): number => Math.round(n * 10) / 10;

/**
 * A curved path from tile centre to tile centre, bending to the right of the direction of travel
 * (so A→B and B→A never overlap), trimmed so that the arrow ends at the edge of the target tile.
 */
export function flowPath(from: Tile, to: Tile, trim: number): string {
  const dx = to.cx - from.cx;
  const dy = to.cy - from.cy;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const sx = from.cx + ux * trim * 0.6;
  const sy = from.cy + uy * trim * 0.6;
  const ex = to.cx - ux * trim;
  const ey = to.cy - uy * trim;
  const bend = Math.min(24, len * 0.2);
  const mx = (sx + ex) / 2 - uy * bend;
  const my = (sy + ey) / 2 + ux * bend;
  return `M${round(sx)} ${round(sy)}Q${round(mx)} ${round(my)} ${round(ex)} ${round(ey)}`;
}

/** Stroke width grows with the logarithm of the count (1 visit = 1.5, 100 visits ≈ 6). */
export function flowWidth(count: number): number {
  return round(1.5 + Math.log10(Math.max(1, count)) * 2.25);
}

export function layoutTileMap(inputs: readonly TileInput[], flows: readonly Flow[], maxFlows = 40): TileMapLayout {
  const base = layoutTiles(inputs);
  const byId = new Map(base.tiles.map((t) => [t.id, t]));
  const paths: FlowPath[] = [];
  for (const f of flows) {
    if (paths.length >= maxFlows) break;
    const a = byId.get(f.from);
    const b = byId.get(f.to);
    if (!a || !b || a === b) continue;
    paths.push({ from: f.from, to: f.to, count: f.count, d: flowPath(a, b, base.size * 0.42), width: flowWidth(f.count) });
  }
  return { ...base, flows: paths };
}

/** Shade class (0–4) for a tile from its number of visits relative to the busiest tile. */
export function shade(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, 1 + Math.floor((Math.log(count) / Math.log(Math.max(2, max))) * 3.999));
}
