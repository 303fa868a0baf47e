/**
 * How the commands print: one line per diagnostic naming its node, number formatting, and plain
 * text tables.
 */
import { formatDim, type CompiledDesign, type Diagnostic, type Shape } from '@unet-studio/compiler';

/**
 * One diagnostic as a line: `error SKIP_SIZE_MISMATCH node dec3 (Skip 3): message`.
 * @param design the compiled design, for node names.
 */
export function diagnosticLine(d: Diagnostic, compiled: CompiledDesign): string {
  let where = '';
  if (d.nodeId !== undefined) {
    const name = compiled.design.model.nodes.find((n) => n.id === d.nodeId)?.name;
    where = ` node ${d.nodeId}${name && name !== d.nodeId ? ` (${name})` : ''}`;
  } else if (d.edgeId !== undefined) {
    where = ` edge ${d.edgeId}`;
  }
  return `${d.severity} ${d.code}${where}: ${d.message}`;
}

/** `31,384,833`; figures that depend on an open input size print as `?`. */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '?';
}

/** `1.23 G`, `456.00 M`, `12.30 k`: short decimal figures for counts such as MACs (bytes use the
 * compiler's `formatBytes`, in binary units like the designer). */
export function formatShort(n: number, unit = ''): string {
  if (!Number.isFinite(n)) return '?';
  const steps: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [size, prefix] of steps)
    if (Math.abs(n) >= size) return `${(n / size).toFixed(2)} ${prefix}${unit}`;
  return `${n} ${unit}`.trim();
}

/** A shape channels-first, `64×284×284`, or `?` when unknown. */
export function formatShapeText(shape: Shape | null): string {
  return shape ? [shape.channels, ...shape.spatial.map(formatDim)].join('×') : '?';
}

/** A shape as JSON: `{ channels, spatial }`, open sizes written as text such as `H/2`. */
export function shapeJson(
  shape: Shape | null,
): { channels: number; spatial: (number | string)[] } | null {
  return shape
    ? {
        channels: shape.channels,
        spatial: shape.spatial.map((d) => (typeof d === 'number' ? d : formatDim(d))),
      }
    : null;
}

/** Lays rows out in columns; `right` lists the columns aligned right (numbers). */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  right: readonly number[] = [],
): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (right.includes(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}
