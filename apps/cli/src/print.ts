/**
 * How the commands print: one line per diagnostic naming its node, number formatting, plain text
 * tables, and the one guard every printed line passes: control characters from names or files
 * (ANSI escapes, carriage returns, line breaks inside a name) never reach the terminal raw.
 */
import { formatDim, type CompiledDesign, type Diagnostic, type Shape } from '@unet-studio/compiler';
import type { Io } from './command';

// C0 controls (but line feed and tab when lines are kept), DEL, C1 controls (0x9b is a CSI).
// eslint-disable-next-line no-control-regex -- control characters are what is escaped
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex -- the same, with line feed and tab
const CONTROLS_AND_LINES = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

const escapeChar = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * `text` with its control characters written as `\uXXXX`; `keepLines` keeps line feeds and tabs
 * (for text the CLI itself lays out on several lines).
 * @example terminalText('\u001b[31mred\n', false) // '\\u001b[31mred\\u000a'
 */
export function terminalText(text: string, keepLines = false): string {
  return text.replace(keepLines ? CONTROLS : CONTROLS_AND_LINES, escapeChar);
}

/** `io` with every line it prints passed through `terminalText` (line feeds kept). */
export function terminalIo(io: Io): Io {
  return {
    out: (line) => io.out(terminalText(line, true)),
    err: (line) => io.err(terminalText(line, true)),
    progress: (text) => io.progress(terminalText(text)),
    cwd: io.cwd,
  };
}

/**
 * One diagnostic as a line: `error SKIP_SIZE_MISMATCH node dec3 (Skip 3): message`. A name holding
 * a line break or an escape sequence is printed escaped, on the one line.
 * @param compiled the compiled design, for node names (looked up in its node table).
 */
export function diagnosticLine(d: Diagnostic, compiled: CompiledDesign): string {
  let where = '';
  if (d.nodeId !== undefined) {
    const name = compiled.nodes[d.nodeId]?.node.name;
    where = ` node ${d.nodeId}${name && name !== d.nodeId ? ` (${name})` : ''}`;
  } else if (d.edgeId !== undefined) {
    where = ` edge ${d.edgeId}`;
  }
  return terminalText(`${d.severity} ${d.code}${where}: ${d.message}`);
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
  rows = rows.map((r) => r.map((cell) => terminalText(cell)));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (right.includes(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}
