/**
 * The data layout that turns a convolution's filter gradient into one matrix product per tap
 * with no im2col copy (wasmConv2DBackpropFilter.ts runs the products on XNNPACK).
 *
 * Tap (kh, kw) reads x at row oh·s + kh·d − pad = (oh + r)·s + p, with phase p = (kh·d − pad)
 * mod s and shift r = ⌊(kh·d − pad) / s⌋. Each phase (p_h, p_w) of x is gathered once into a
 * channel-major grid G[ci][b][row][col] (rows of `rowStride` cells, images of `imageStride`),
 * and the output gradient is laid out on the same grid, zero outside its `outH × outW` corner.
 * A tap's shift is then a constant offset into G's flat index, so
 *
 *   dW[kh, kw, ci, co] = Σ_q G[ci·Q + q + offset(kh, kw)] · DY[q, co],  Q = `cells`,
 *
 * a [inC × Q] · [Q × outC] product whose left operand is the contiguous slice of G that starts
 * at the offset. Where DY is zero the slice may run into the next channel's plane, or `slack`
 * zeros past the end; those products vanish.
 */
import type { ConvGeometry } from './convGeometry';

/** One filter tap: which phase grid it reads and where its slice starts. */
export interface GridTap {
  readonly kh: number;
  readonly kw: number;
  /** Index into {@link FilterGradGrid.phases}. */
  readonly phase: number;
  /** Start of the tap's slice in the phase grid, in elements. */
  readonly offset: number;
}

/** The grid layout of one filter-gradient computation. */
export interface FilterGradGrid {
  /** Rows and columns of one image's grid before neighbours share their zero borders. */
  readonly gridH: number;
  readonly gridW: number;
  /** Phase-row (column) index of the grid's first row (column); negative inside the padding. */
  readonly firstRow: number;
  readonly firstCol: number;
  /** Flat distance between vertically adjacent cells, and between images. */
  readonly rowStride: number;
  readonly imageStride: number;
  /** Q: the length of one channel's plane, and of the products' reduction. */
  readonly cells: number;
  /** Zeros after the last channel plane, so every tap's slice stays inside the buffer. */
  readonly slack: number;
  /** The phases (row, column) some tap reads, each gathered into its own grid. */
  readonly phases: readonly (readonly [number, number])[];
  readonly taps: readonly GridTap[];
  /** True when the output gradient already has the grid's layout (no copy needed). */
  readonly dyIsGrid: boolean;
}

function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

/** Phase and shift of every tap along one axis. */
function axisTaps(k: number, dilation: number, pad: number, stride: number) {
  return Array.from({ length: k }, (_, i) => {
    const e = i * dilation - pad;
    return { phase: mod(e, stride), shift: floorDiv(e, stride) };
  });
}

/**
 * Grid positions [lo, hi) along one axis whose input index (i + first)·stride + phase falls
 * inside an input of `size`, clamped to the grid's `extent`.
 */
export function insideRange(
  first: number,
  stride: number,
  phase: number,
  size: number,
  extent: number,
): [number, number] {
  const lo = Math.min(extent, Math.max(0, -first));
  const hi = Math.max(lo, Math.min(extent, Math.ceil((size - phase) / stride) - first));
  return [lo, hi];
}

/**
 * How many zero lines (rows or columns) two neighbours can share along one axis: as many as
 * the grid has outside the input at both ends, for every phase in use.
 */
function sharedBorder(
  first: number,
  stride: number,
  phasesUsed: readonly number[],
  size: number,
  extent: number,
): number {
  return Math.min(
    ...phasesUsed.map((p) => {
      const [lo, hi] = insideRange(first, stride, p, size, extent);
      return Math.min(lo, extent - hi);
    }),
  );
}

/**
 * Plans the grids for a convolution of geometry `g`. Neighbouring rows (images) share the zero
 * columns (rows) of the padding: the last zero column of one row is the first of the next, so
 * a 3×3 'same' conv's grid has (H + 1)·(W + 1) cells per image, not (H + 2)·(W + 2).
 */
export function filterGradGrid(g: ConvGeometry): FilterGradGrid {
  const rows = axisTaps(g.filterH, g.dilationH, g.padTop, g.strideH);
  const cols = axisTaps(g.filterW, g.dilationW, g.padLeft, g.strideW);
  const firstRow = Math.min(...rows.map((t) => t.shift));
  const firstCol = Math.min(...cols.map((t) => t.shift));
  const gridH = g.outH + Math.max(...rows.map((t) => t.shift)) - firstRow;
  const gridW = g.outW + Math.max(...cols.map((t) => t.shift)) - firstCol;
  const phases: [number, number][] = [];
  rows.forEach((row) => {
    cols.forEach((col) => {
      if (!phases.some(([p, q]) => p === row.phase && q === col.phase)) {
        phases.push([row.phase, col.phase]);
      }
    });
  });
  const rowPhases = phases.map(([p]) => p);
  const colPhases = phases.map(([, q]) => q);
  const rowStride = gridW - sharedBorder(firstCol, g.strideW, colPhases, g.inW, gridW);
  const imageRows = gridH - sharedBorder(firstRow, g.strideH, rowPhases, g.inH, gridH);
  const imageStride = imageRows * rowStride;
  const taps: GridTap[] = [];
  rows.forEach((row, kh) => {
    cols.forEach((col, kw) => {
      const phase = phases.findIndex(([p, q]) => p === row.phase && q === col.phase);
      const offset = (row.shift - firstRow) * rowStride + (col.shift - firstCol);
      taps.push({ kh, kw, phase, offset });
    });
  });
  // One past the last cell of the last image (its shared borders included).
  const cells = (g.batch - 1) * imageStride + (gridH - 1) * rowStride + gridW;
  return {
    gridH,
    gridW,
    firstRow,
    firstCol,
    rowStride,
    imageStride,
    cells,
    slack: Math.max(...taps.map((t) => t.offset)),
    phases,
    taps,
    dyIsGrid:
      rowStride === g.outW && imageStride === g.outH * g.outW && cells === g.batch * imageStride,
  };
}

/**
 * Gathers phase `phase` of the NHWC input `x` into `out` (at least `inC·cells + slack` long):
 * out[ci·Q + b·imageStride + r·rowStride + c] = x[b, (r + firstRow)·sH + pH,
 * (c + firstCol)·sW + pW, ci] where that falls inside x, and zero elsewhere.
 */
export function gatherPhaseGrid(
  x: Float32Array,
  g: ConvGeometry,
  grid: FilterGradGrid,
  phase: number,
  out: Float32Array,
): void {
  const [ph, pw] = grid.phases[phase] ?? [0, 0];
  const { cells, rowStride, imageStride } = grid;
  const { inH, inW, inC } = g;
  out.fill(0);
  const [rLo, rHi] = insideRange(grid.firstRow, g.strideH, ph, inH, grid.gridH);
  const [cLo, cHi] = insideRange(grid.firstCol, g.strideW, pw, inW, grid.gridW);
  const step = g.strideW * inC;
  // Four channel planes at a time: reads stay close together and V8 keeps the offsets in
  // registers (about twice as fast as one channel, or one pixel's channels, at a time).
  for (let c0 = 0; c0 < inC; c0 += 4) {
    const lanes = Math.min(4, inC - c0);
    const p0 = c0 * cells;
    for (let b = 0; b < g.batch; b++) {
      for (let r = rLo; r < rHi; r++) {
        const ih = (r + grid.firstRow) * g.strideH + ph;
        let src = ((b * inH + ih) * inW + (cLo + grid.firstCol) * g.strideW + pw) * inC + c0;
        const d = p0 + b * imageStride + r * rowStride;
        if (lanes === 4) {
          for (let c = d + cLo, end = d + cHi; c < end; c++) {
            out[c] = x[src]!;
            out[c + cells] = x[src + 1]!;
            out[c + 2 * cells] = x[src + 2]!;
            out[c + 3 * cells] = x[src + 3]!;
            src += step;
          }
        } else {
          for (let c = d + cLo, end = d + cHi; c < end; c++) {
            for (let l = 0; l < lanes; l++) out[c + l * cells] = x[src + l]!;
            src += step;
          }
        }
      }
    }
  }
}

/** Lays the NHWC output gradient out on the grid's cells ([cells, outC]), zero elsewhere. */
export function dyOnGrid(
  dy: Float32Array,
  g: ConvGeometry,
  grid: FilterGradGrid,
  out: Float32Array,
): void {
  out.fill(0);
  const rowLength = g.outW * g.outC;
  for (let b = 0; b < g.batch; b++) {
    for (let r = 0; r < g.outH; r++) {
      const src = (b * g.outH + r) * rowLength;
      const dst = (b * grid.imageStride + r * grid.rowStride) * g.outC;
      out.set(dy.subarray(src, src + rowLength), dst);
    }
  }
}
