/**
 * The levels editor's model: a ModelManager-style design is read as its `features` list, and a
 * changed list regenerates the encoder, decoder and skips with the compiler's ModelManager builder.
 * What the list does not describe (the design's name, description, training settings, runs) is kept.
 */
import {
  designToModelManager,
  modelManagerToDesign,
  zModelManagerParams,
  type Design,
  type ModelManagerParams,
} from '@unet-studio/compiler';

/** A design read as levels, or why it cannot be. */
export type LevelsView =
  | {
      readonly ok: true;
      readonly params: ModelManagerParams;
      readonly inputSize: readonly (number | null)[];
    }
  | { readonly ok: false; readonly reason: string; readonly nodeId: string | null };

/** Reads `design` as ModelManager levels. */
export function readLevels(design: Design): LevelsView {
  const r = designToModelManager(design);
  if (r.ok) return { ok: true, params: r.value.params, inputSize: r.value.inputSize };
  const issue = r.issues[0];
  return {
    ok: false,
    reason: issue?.message ?? 'the design is not a ModelManager U-Net',
    nodeId: issue?.nodeId ?? null,
  };
}

/** Validates a features list; returns the message for the first bad entry, or null. */
export function featuresProblem(features: readonly number[]): string | null {
  const parsed = zModelManagerParams.shape.features.safeParse(features);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  const at = issue?.path[0];
  return `${typeof at === 'number' ? `level ${at + 1}: ` : ''}${issue?.message ?? 'invalid'}`;
}

/**
 * Regenerates `design` with `features`, keeping its other ModelManager parameters and input size.
 * Returns the design unchanged when it is not ModelManager-style or the list is invalid.
 */
export function withFeatures(design: Design, features: readonly number[]): Design {
  const view = readLevels(design);
  if (!view.ok || featuresProblem(features) !== null) return design;
  const [h, w] = view.inputSize;
  const inputSize: [number, number] = [h ?? 256, w ?? h ?? 256];
  const params = { ...view.params, features: [...features] };
  const rebuilt = modelManagerToDesign(params, { inputSize, name: design.name });
  return {
    ...design,
    model: rebuilt.model,
    layout: { ...rebuilt.layout, groups: [] },
  };
}

/** The width of a new level appended after `features`: twice the last (64 when empty). */
export function nextLevelWidth(features: readonly number[]): number {
  const last = features[features.length - 1];
  return last === undefined ? 64 : Math.min(65536, last * 2);
}
