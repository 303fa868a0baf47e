/**
 * The classes of a design's training section: a name per class (class i = entry i) and, for
 * RGB-coded masks, the colour that codes it. The studio's mask legend writes it, the CLI's
 * reports print its names, and `--masks rgb` maps colours to classes in its order.
 */
import { z } from 'zod';

/** The longest class name kept. */
export const MAX_CLASS_NAME = 60;
/** The most classes a list may name (a colour code's legend holds at most 256 colours). */
export const MAX_CLASSES = 256;

// C0 and C1 controls, DEL, line and paragraph separators: they would garble a terminal or a legend.
// eslint-disable-next-line no-control-regex -- control characters are what is refused
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** One class: its name (empty: shown as `class i`) and optionally its RGB colour `#rrggbb`. */
export const zClassSpec = z.object({
  name: z
    .string()
    .max(MAX_CLASS_NAME, `a class name holds at most ${MAX_CLASS_NAME} characters`)
    .refine((s) => !CONTROLS.test(s), 'a class name may not hold control characters'),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a class colour is an RGB code #rrggbb')
    .optional(),
});
/** The parsed form of `zClassSpec`. */
export type ClassSpec = z.infer<typeof zClassSpec>;

/** The class list: at most {@link MAX_CLASSES} entries, no colour given twice. */
export const zClassesSpec = z
  .array(zClassSpec)
  .max(MAX_CLASSES, `at most ${MAX_CLASSES} classes can be named`)
  .superRefine((classes, ctx) => {
    const seen = new Map<string, number>();
    classes.forEach((c, i) => {
      if (c.color === undefined) return;
      const key = c.color.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [i, 'color'],
          message: `colour ${key} is already class ${first}'s`,
        });
      else seen.set(key, i);
    });
  });
/** The parsed form of `zClassesSpec`. */
export type ClassesSpec = z.infer<typeof zClassesSpec>;

/**
 * The name shown for class `i`: its name in `classes`, or `class i` when it has none.
 * @example classLabel([{ name: 'road' }], 0) // 'road'
 */
export function classLabel(classes: ClassesSpec | undefined, i: number): string {
  const name = classes?.[i]?.name.trim();
  return name ? name : `class ${i}`;
}

/**
 * The colours of `classes` as packed `0xRRGGBB` numbers, class i = colours[i]; null when the list
 * is absent, empty or some class has no colour (the masks' own legend is used then).
 * @example classColors([{ name: '', color: '#000000' }, { name: 'road', color: '#ff0000' }]) // [0, 0xff0000]
 */
export function classColors(classes: ClassesSpec | undefined): number[] | null {
  if (!classes || classes.length === 0) return null;
  const colors = classes.map((c) =>
    c.color === undefined ? null : parseInt(c.color.slice(1), 16),
  );
  return colors.every((c): c is number => c !== null) ? colors : null;
}

/** `0xRRGGBB` as `#rrggbb`. */
export function colorCode(packed: number): string {
  return `#${packed.toString(16).padStart(6, '0')}`;
}
