/**
 * The design's class names and colours (`training.classes`) as the commands print and read them:
 * labels for per-class tables and the confusion matrix, and the colour order of `--masks rgb`.
 */
import { classColors, classLabel, colorCode, type Design } from '@unet-studio/compiler';

/**
 * Labels of `count` classes: `1 road` where the design names class 1, the bare index otherwise;
 * undefined when the design names no class (the reports print indices, as before).
 * @example classLabels(design, 3) // ['0 background', '1 road', '2']
 */
export function classLabels(design: Design, count: number): string[] | undefined {
  const classes = design.training.classes;
  if (!classes?.some((c) => c.name.trim() !== '')) return undefined;
  return Array.from({ length: count }, (_, i) =>
    classes[i]?.name.trim() ? `${i} ${classLabel(classes, i)}` : String(i),
  );
}

/**
 * The colours of `--masks rgb` from the design (class i = colours[i]) and a line saying so;
 * null when masks are not RGB-coded or the design does not give every class a colour.
 */
export function designColors(
  design: Design,
  coding: 'values' | 'voc' | 'rgb',
): { colors: number[]; line: string } | null {
  const colors = coding === 'rgb' ? classColors(design.training.classes) : null;
  if (colors === null) return null;
  const legend = colors.map((c, i) => `${classLabel(design.training.classes, i)} ${colorCode(c)}`);
  return { colors, line: `legend (the design's training.classes): ${legend.join(', ')}` };
}

/**
 * A data line with the design's colours in force: a mask colour outside them is named as such.
 * @example designColorLine('skipped a_mask.png: colour #0000ff at (3, 4) is not in the legend')
 * // "skipped a_mask.png: colour #0000ff at (3, 4) is not one of the design's class colours (training.classes)"
 */
export function designColorLine(line: string): string {
  return line.replace(
    / is not in the legend$/,
    " is not one of the design's class colours (training.classes)",
  );
}

/**
 * The multi-class key `predict` prints: which mask value is which named class; null for a
 * binary output or a design naming no class.
 */
export function classKeyLine(design: Design, classes: number): string | null {
  if (classes < 2 || classLabels(design, classes) === undefined) return null;
  const names = Array.from(
    { length: classes },
    (_, i) => `${i} ${classLabel(design.training.classes, i)}`,
  );
  return `mask values: ${names.join(', ')}`;
}
