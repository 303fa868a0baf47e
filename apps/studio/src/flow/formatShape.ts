/**
 * Display strings for shapes and counts: `64×284×284` (channels first, batch excluded), `H/16`
 * for symbolic sizes, `31.0M` for parameter counts.
 */
import type { Dim, Rat, Shape } from '@unet-studio/compiler';

function ratText(r: Rat): string {
  return r[1] === 1 ? String(r[0]) : `${r[0]}/${r[1]}`;
}

/** A spatial size: `284`, `H`, `H/16`, `2H`, `H−4`, `3H/2+1`. */
export function formatDim(d: Dim): string {
  if (typeof d === 'number') return String(d);
  const [an, ad] = d.a;
  let term: string;
  if (an === 0) term = '';
  else if (an === ad) term = d.sym;
  else if (ad === 1) term = `${an}${d.sym}`;
  else if (an === 1) term = `${d.sym}/${ad}`;
  else term = `${an}${d.sym}/${ad}`;
  const [bn, bd] = d.b;
  if (bn === 0) return term || '0';
  if (!term) return ratText(d.b);
  const sign = bn < 0 ? '−' : '+';
  return `${term}${sign}${ratText([Math.abs(bn), bd])}`;
}

/** A feature-map shape, channels first: `64×284×284`. */
export function formatShape(shape: Shape): string {
  return [String(shape.channels), ...shape.spatial.map(formatDim)].join('×');
}

const UNITS = [
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
] as const;

/** A count with an SI suffix and three significant digits: `31.0M`, `1.23k`, `950`. */
export function formatCount(n: number): string {
  for (const [size, suffix] of UNITS) {
    if (Math.abs(n) >= size) return `${(n / size).toPrecision(3)}${suffix}`;
  }
  return String(Math.round(n));
}
