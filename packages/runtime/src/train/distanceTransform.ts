/**
 * Exact Euclidean distance transform (Felzenszwalb & Huttenlocher, "Distance Transforms of
 * Sampled Functions", 2012): squared distances by the lower envelope of parabolas, one pass per
 * axis, O(pixels).
 */

const INF = 1e20;

/** 1D squared distance transform of `f` (0 on sites, INF elsewhere), in place via scratch arrays. */
function edt1d(f: Float64Array, n: number, d: Float64Array, v: Int32Array, z: Float64Array): void {
  let k = 0;
  v[0] = 0;
  z[0] = -INF;
  z[1] = INF;
  for (let q = 1; q < n; q++) {
    let s = 0;
    for (;;) {
      const p = v[k]!;
      s = (f[q]! + q * q - (f[p]! + p * p)) / (2 * q - 2 * p);
      if (s <= z[k]! && k > 0) k--;
      else break;
    }
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = INF;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while (z[k + 1]! < q) k++;
    const p = v[k]!;
    d[q] = (q - p) * (q - p) + f[p]!;
  }
}

/**
 * Euclidean distance from every pixel to the nearest pixel where `isSite` is true, for an
 * `height × width` grid (row-major). Pixels are unit squares measured centre to centre; with no
 * site at all every distance is Infinity.
 */
export function distanceTransform(
  isSite: (index: number) => boolean,
  height: number,
  width: number,
): Float64Array {
  const n = Math.max(height, width);
  const f = new Float64Array(n);
  const d = new Float64Array(n);
  const v = new Int32Array(n);
  const z = new Float64Array(n + 1);
  const grid = new Float64Array(height * width);
  let any = false;
  for (let i = 0; i < grid.length; i++) {
    const site = isSite(i);
    any ||= site;
    grid[i] = site ? 0 : INF;
  }
  if (!any) return grid.fill(Infinity);
  for (let c = 0; c < width; c++) {
    for (let r = 0; r < height; r++) f[r] = grid[r * width + c]!;
    edt1d(f, height, d, v, z);
    for (let r = 0; r < height; r++) grid[r * width + c] = d[r]!;
  }
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) f[c] = grid[r * width + c]!;
    edt1d(f, width, d, v, z);
    for (let c = 0; c < width; c++) grid[r * width + c] = Math.sqrt(d[c]!);
  }
  return grid;
}

/**
 * Labels the 4-connected components of the pixels where `isForeground` is true (scipy's default
 * connectivity). Returns a label per pixel (0 = background, 1 … count) and the count.
 */
export function connectedComponents(
  isForeground: (index: number) => boolean,
  height: number,
  width: number,
): { labels: Int32Array; count: number } {
  const labels = new Int32Array(height * width);
  const stack: number[] = [];
  let count = 0;
  for (let start = 0; start < labels.length; start++) {
    if (labels[start] !== 0 || !isForeground(start)) continue;
    count++;
    labels[start] = count;
    stack.push(start);
    while (stack.length > 0) {
      const i = stack.pop()!;
      const r = Math.floor(i / width);
      const c = i - r * width;
      const next = [
        r > 0 ? i - width : -1,
        r < height - 1 ? i + width : -1,
        c > 0 ? i - 1 : -1,
        c < width - 1 ? i + 1 : -1,
      ];
      for (const j of next) {
        if (j >= 0 && labels[j] === 0 && isForeground(j)) {
          labels[j] = count;
          stack.push(j);
        }
      }
    }
  }
  return { labels, count };
}
