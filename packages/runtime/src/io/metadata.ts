/**
 * The U-Net Studio metadata a model carries in model.json (`userDefinedMetadata.unetStudio`): the
 * design it was built from and the op → layer name map, so a saved model reopens as its graph and
 * exporters find each op's weights. Read back from files, so everything is checked.
 */
import type * as tf from '@tensorflow/tfjs';
import { zDesign } from '@unet-studio/compiler';
import type { Design } from '@unet-studio/compiler';

/** The key under `userDefinedMetadata`. */
export const METADATA_KEY = 'unetStudio';
/** Version of the metadata layout. */
export const METADATA_VERSION = 1;

/** What a built or loaded model knows about its design. */
export interface ModelInfo {
  /** The design the model was built from (after the compile's input-size override). */
  readonly design: Design;
  /** Op id → tfjs layer name (the layer holding that op's weights). */
  readonly opLayerNames: Readonly<Record<string, string>>;
}

/** The result of reading model metadata. */
export type ModelInfoResult = { ok: true; value: ModelInfo } | { ok: false; issues: string[] };

/** Stores the design and layer map in the model's user-defined metadata. */
export function attachModelInfo(model: tf.LayersModel, info: ModelInfo): void {
  const existing = model.getUserDefinedMetadata() ?? {};
  // JSON round trip: the metadata must be plain data, and later edits of `info` must not leak in.
  const entry = JSON.parse(JSON.stringify({ version: METADATA_VERSION, ...info })) as object;
  model.setUserDefinedMetadata({ ...existing, [METADATA_KEY]: entry });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks metadata read from a file: the design must be a valid design document and every layer
 * name must name a layer of `layerNames` (when given).
 */
export function parseModelInfo(
  metadata: unknown,
  layerNames?: ReadonlySet<string>,
): ModelInfoResult {
  const entry = isRecord(metadata) ? metadata[METADATA_KEY] : undefined;
  if (!isRecord(entry)) {
    return {
      ok: false,
      issues: [`userDefinedMetadata.${METADATA_KEY} is missing: not a U-Net Studio model`],
    };
  }
  const issues: string[] = [];
  if (entry.version !== METADATA_VERSION) {
    issues.push(
      `${METADATA_KEY}.version must be ${METADATA_VERSION}, got ${JSON.stringify(entry.version)}`,
    );
  }
  const design = zDesign.safeParse(entry.design);
  if (!design.success) {
    for (const issue of design.error.issues.slice(0, 5)) {
      issues.push(`${METADATA_KEY}.design.${issue.path.join('.')}: ${issue.message}`);
    }
  }
  const names = entry.opLayerNames;
  const opLayerNames: Record<string, string> = {};
  if (!isRecord(names)) {
    issues.push(`${METADATA_KEY}.opLayerNames must be an object of op id → layer name`);
  } else {
    for (const [opId, layer] of Object.entries(names)) {
      if (typeof layer !== 'string') {
        issues.push(`${METADATA_KEY}.opLayerNames["${opId}"] must be a string`);
      } else if (layerNames && !layerNames.has(layer)) {
        issues.push(
          `${METADATA_KEY}.opLayerNames["${opId}"] names layer "${layer}", which the model does not have`,
        );
      } else {
        opLayerNames[opId] = layer;
      }
    }
  }
  if (issues.length > 0 || !design.success) return { ok: false, issues };
  return { ok: true, value: { design: design.data, opLayerNames } };
}

/**
 * The design and layer map of a model built by `buildModel` or loaded by `loadModel`.
 *
 * @throws when the model carries no valid U-Net Studio metadata, listing what is wrong.
 */
export function readModelInfo(model: tf.LayersModel): ModelInfo {
  const result = parseModelInfo(
    model.getUserDefinedMetadata(),
    new Set(model.layers.map((l) => l.name)),
  );
  if (!result.ok) throw new Error(`model "${model.name}": ${result.issues.join('; ')}`);
  return result.value;
}
