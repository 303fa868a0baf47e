/**
 * The palette's groups and search: every catalogue kind, grouped by category, filtered by a query
 * that matches the kind, its label, its category or its description.
 */
import { CATALOGUE, LAYER_KINDS, type LayerCategory, type LayerKind } from '@unet-studio/compiler';

/** Category titles, in palette order. */
export const CATEGORY_TITLES: Readonly<Record<LayerCategory, string>> = {
  io: 'Input / output',
  convolution: 'Convolution',
  sampling: 'Down / upsampling',
  merge: 'Merge',
  regularization: 'Regularisation',
  activation: 'Activation',
};

/** One palette group. */
export interface PaletteGroup {
  readonly category: LayerCategory;
  readonly title: string;
  readonly kinds: readonly LayerKind[];
}

/** True when `kind` matches every word of `query` (case-insensitive). */
export function kindMatches(kind: LayerKind, query: string): boolean {
  const spec = CATALOGUE[kind];
  const hay =
    `${kind} ${spec.label} ${spec.category} ${CATEGORY_TITLES[spec.category]} ${spec.description}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

/** The kinds matching `query`, best first: label prefix matches before other matches. */
export function searchKinds(query: string, among: readonly LayerKind[] = LAYER_KINDS): LayerKind[] {
  const q = query.trim().toLowerCase();
  const hits = among.filter((k) => kindMatches(k, q));
  const starts = (k: LayerKind): boolean =>
    CATALOGUE[k].label.toLowerCase().startsWith(q) || k.startsWith(q);
  return [...hits.filter(starts), ...hits.filter((k) => !starts(k))];
}

/** The palette groups holding the kinds that match `query` (empty groups left out). */
export function paletteGroups(query: string): PaletteGroup[] {
  const hits = new Set(searchKinds(query));
  return (Object.keys(CATEGORY_TITLES) as LayerCategory[])
    .map((category) => ({
      category,
      title: CATEGORY_TITLES[category],
      kinds: LAYER_KINDS.filter((k) => CATALOGUE[k].category === category && hits.has(k)),
    }))
    .filter((g) => g.kinds.length > 0);
}
