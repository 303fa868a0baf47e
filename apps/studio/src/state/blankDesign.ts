/**
 * The empty design the app starts from when nothing is saved and no template is asked for.
 */
import { DESIGN_FORMAT, DESIGN_VERSION, zDesign, type Design } from '@unet-studio/compiler';

/** A new, empty design named `name`. */
export function blankDesign(name = 'Untitled design'): Design {
  return zDesign.parse({
    format: DESIGN_FORMAT,
    version: DESIGN_VERSION,
    name,
    model: { nodes: [], edges: [] },
  });
}
