/**
 * The per-image report as text lines for a terminal: the worst images and, for several classes,
 * the confusion matrix.
 */
import type { PerImageReport } from './perImageReport';

const f3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : 'NaN');

/**
 * Lines of `report`: a failure line first when outputs were not finite, then up to `worst`
 * images (worst first), then the confusion matrix (rows: true class, columns: predicted).
 *
 * @param labels - Names of the classes for the matrix's rows and columns (absent: their indices).
 */
export function reportLines(
  report: PerImageReport,
  worst = 10,
  labels?: readonly string[],
): string[] {
  const lines: string[] = [];
  if (!report.ok) {
    const bad = report.images.filter((s) => s.nonFinite).length;
    lines.push(
      `FAILED: the model gave NaN or infinite outputs on ${bad} image(s); its scores mean nothing`,
    );
  }
  const shown = report.images.slice(0, worst);
  lines.push(`worst ${shown.length} of ${report.images.length} images (Dice, IoU):`);
  const width = Math.max(5, ...shown.map((s) => s.name.length));
  for (const s of shown)
    lines.push(
      `  ${s.name.padEnd(width)}  ${f3(s.dice)}  ${f3(s.iou)}${s.nonFinite ? '  (NaN output)' : ''}`,
    );
  const k = report.confusion.length;
  if (k > 2) {
    lines.push('confusion (rows: true class, columns: predicted; pixels):');
    const cells = report.confusion.map((row) => row.map(String));
    const names = Array.from({ length: k }, (_, i) => labels?.[i] ?? String(i));
    const w = Math.max(4, ...cells.flat().map((c) => c.length), ...names.map((n) => n.length));
    const first = Math.max(4, ...names.map((n) => n.length)) + 1;
    lines.push(`  ${'true'.padEnd(first)}${names.map((n) => n.padStart(w + 1)).join('')}`);
    cells.forEach((row, t) =>
      lines.push(`  ${names[t]!.padEnd(first)}${row.map((c) => c.padStart(w + 1)).join('')}`),
    );
  }
  return lines;
}
