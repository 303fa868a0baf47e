/**
 * The class names of the mask legend, kept in the design's `training.classes` (so they are saved,
 * undone and exported with the document): names are found by colour, so a legend read again in
 * another order keeps each colour's name.
 */
import { colorCode, MAX_CLASS_NAME, type ClassesSpec, type Design } from '@unet-studio/compiler';
import type { Recipe } from '../state/designStore';

// eslint-disable-next-line no-control-regex -- control characters are what is removed
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** The design's name for the class coded by `color` (`0xRRGGBB`), found at `i` in the legend. */
export function nameFor(classes: ClassesSpec | undefined, color: number, i: number): string {
  const code = colorCode(color);
  const byColor = classes?.find((c) => c.color?.toLowerCase() === code);
  if (byColor) return byColor.name;
  const byIndex = classes?.[i];
  return byIndex && byIndex.color === undefined ? byIndex.name : '';
}

/**
 * A recipe naming class `i` of the legend `colors` (class k = colors[k]): writes the whole legend
 * as `training.classes` (each colour with its name) and `name` for class `i`, control characters
 * removed and cut to {@link MAX_CLASS_NAME}. Returns the design itself when nothing changes.
 *
 * @example stores.design.getState().transact('Name class 1', withClassName(colors, 1, 'road'))
 */
export function withClassName(colors: readonly number[], i: number, name: string): Recipe {
  const clean = name.replace(CONTROLS, '').slice(0, MAX_CLASS_NAME);
  return (design: Design): Design => {
    const old = design.training.classes;
    const classes = colors.map((c, k) => ({
      name: k === i ? clean : nameFor(old, c, k),
      color: colorCode(c),
    }));
    if (JSON.stringify(classes) === JSON.stringify(old)) return design;
    return { ...design, training: { ...design.training, classes } };
  };
}
