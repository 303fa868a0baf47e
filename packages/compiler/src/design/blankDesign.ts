/**
 * The empty design: what the studio's Blank opens and `unet-studio new` writes without a template.
 */
import { DESIGN_FORMAT, DESIGN_VERSION, zDesign, type Design } from './schema';

/**
 * A new, empty design named `name`, at the current format version.
 * @example blankDesign('Lungs').model.nodes.length // 0
 */
export function blankDesign(name = 'Untitled design'): Design {
  return zDesign.parse({
    format: DESIGN_FORMAT,
    version: DESIGN_VERSION,
    name,
    model: { nodes: [], edges: [] },
  });
}
